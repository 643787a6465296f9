"""Reading one record file: the safe YAML reader, problems and their registry, the validation messages."""
