"""The Migration Policy Integration Atlas, by concern: `model` (the records and the loaded data
set), `read` (one file into a record or problems), `checks` (across records), `loader` (the data
folder), `publish` (exports, citations, history), `contrib` (the contributors' tools) and `site`,
the only code that knows MkDocs."""
