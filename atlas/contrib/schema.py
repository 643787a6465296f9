"""JSON Schemas for editors, exported from the model so they cannot drift from it.

Vocabulary terms are data, so their allowed values are added to the exported schema from the
vocabulary files when those are given.
"""

from __future__ import annotations

from atlas.model.records import FOLDERS
from atlas.checks.published import Published


def json_schemas() -> dict[str, dict]:
    """One JSON Schema per folder of records, keyed by folder name."""
    schemas = {}
    for folder, model in FOLDERS.items():
        document = model.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schemas[folder] = document
    # data/published.yaml: the published ids and redirects.
    document = Published.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schemas["published"] = document
    return schemas
