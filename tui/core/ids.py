"""Finding a record by the id a listing showed: the whole id or an unambiguous prefix of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from .errors import InputError

SHORT = 8  # how much of an id a listing shows: enough to be unique in any real log


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


def short_id(record_id: str) -> str:
    return record_id[:SHORT]


def match_id(query: str, items: Sequence[R], what: str) -> R:
    """Case-insensitive full id or unambiguous prefix (4 characters or more); InputError otherwise."""
    wanted = query.strip().casefold()
    if not wanted:
        raise InputError(f"give a {what} id")
    if len(wanted) < 4:
        raise InputError(f"{what} id {query.strip()!r} is too short: give at least 4 characters")
    found = [item for item in items if item.id.casefold().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no {what} has id {query.strip()!r}")
    raise InputError(f"{query.strip()!r} matches {len(found)} {what}s: give more of the id")
