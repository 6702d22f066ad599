"""Errors that mean the data cannot be read or written. The CLI exits 3 on these."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Data cannot be read or written. The message says what happened and what to do next."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path, problem: str, backup: Path | None = None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        advice = (
            f"the newest good backup is {backup}: `rebound restore {path.name}` puts it back "
            "and keeps the broken file aside"
            if backup
            else "no backup of it exists yet: fix it by hand, or move it away to start afresh"
        )
        super().__init__(
            f"cannot read {path}: {problem}. The file was left untouched; {advice}."
        )


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        super().__init__(
            f"{path} was written by a newer Rebound (schema {found}; this one knows up to "
            f"{known}). Upgrade Rebound to open it; the file was left untouched."
        )
