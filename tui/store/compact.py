"""What repeats among the records held for years of data is held once.

A memo of ten years holds tens of thousands of records: every interaction's contact id, kind and
day, every mood entry's tags, every application's stages. Parsed JSON gives each occurrence its
own object; these helpers hand back one shared object per distinct value instead (a contact id
is then 8 bytes a record, not 81). Values are immutable, so sharing them changes nothing else.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any

day = functools.lru_cache(maxsize=8192)(date.fromisoformat)  # a few thousand distinct days


def day_or_none(text: str | None) -> date | None:
    return day(text) if text else None


def shared(value: Any) -> Any:
    """One object for every equal text: ids that point at another record, kinds, stages."""
    return sys.intern(value) if type(value) is str else value


@functools.lru_cache(maxsize=1024)
def _one(values: tuple[str, ...]) -> tuple[str, ...]:
    return values


def texts(values: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple of shared texts (tags, a record's contacts), itself shared when it repeats."""
    return _one(tuple(shared(v) for v in values))
