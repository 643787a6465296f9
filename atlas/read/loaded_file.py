"""A record file as the loader hands it to the checks that run after it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from atlas.read.yaml_reader import ParsedFile


@dataclass(frozen=True)
class LoadedFile:
    """A record that passed its own validation, with what checks need to point into its file."""

    path: str  # as shown in messages: relative to the repository
    record: BaseModel
    parsed: ParsedFile
