"""Undo: reverse this session's changes, newest first, exactly."""

from __future__ import annotations

from ..core.errors import InputError
from ..store.records import revert
from .context import Rebound


def undo(rb: Rebound) -> str | None:
    """Reverse the last change. Returns its label, or None when there is nothing to undo."""
    if not rb.history:
        return None
    change_set = rb.history[-1]  # forgotten only once the undo is saved
    try:
        with rb.store.transaction():
            revert(rb.store, change_set.changes)
    except InputError as exc:
        rb.history.pop()  # changed elsewhere since: it can never be undone, step past it
        raise InputError(f"cannot undo {change_set.label}: {exc}") from None
    rb.history.pop()
    rb.changed()
    return change_set.label
