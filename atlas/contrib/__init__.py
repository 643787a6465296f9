"""The contributors' tools: the atlas command line, record templates, editor headers, JSON Schemas, the link check."""
