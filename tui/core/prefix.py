"""Remembered prefixes: what a walk over a goal's days has computed up to a checkpoint day.

A streak or a strength score at day D needs every day before D, but the days before this month's
first rarely change. The state there (a run, a score) is a pure function of the goal and of the
data before the checkpoint, so it is remembered under exactly that data: any change before the
checkpoint (a backfill, a rest day, an edited goal) gives another key, and so a fresh walk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from .goals import GoalHistory, counts_key

T = TypeVar("T")

_REMEMBERED: dict[tuple[object, ...], object] = {}
MAX_REMEMBERED = 512


def remembered(tag: str, history: GoalHistory, boundary: date, week_start: int,
               compute: Callable[[], T]) -> T:
    """``compute()``, the state of walk ``tag`` before ``boundary``, remembered by its inputs."""
    key = (
        tag, history.goal, week_start, boundary, counts_key(history.counts, boundary),
        frozenset(d for d in history.rest_days if d < boundary),
        frozenset(d for d in history.skips if d < boundary),
    )
    if key in _REMEMBERED:
        return _REMEMBERED[key]  # type: ignore[return-value]
    value = compute()
    if len(_REMEMBERED) >= MAX_REMEMBERED:
        _REMEMBERED.pop(next(iter(_REMEMBERED)))  # the oldest
    _REMEMBERED[key] = value
    return value
