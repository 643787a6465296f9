"""The data model: one pydantic class per record kind, the loaded data set, and what reads the model's own declarations."""
