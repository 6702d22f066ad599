"""Freed memory given back to the system while the app reads ahead.

Reading a year's file builds its parsed JSON, keeps the compact records made from it, and frees
the rest. The C allocator keeps those freed pages resident, so each read-ahead step grew the
peak resident memory by what it threw away (about 3 MB at ten years of data, bench/RESULTS.md).
glibc's ``malloc_trim`` hands whole free pages back; elsewhere ``trim`` does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_UNSET: Any = object()
_trim: Callable[[int], int] | None = _UNSET  # looked up at the first ``trim``


def _lookup() -> Callable[[int], int] | None:
    import ctypes  # ~3 ms: only once the app reads ahead

    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc
        return None


def trim() -> bool:
    """Give freed heap pages back to the system; False where the C library cannot."""
    global _trim
    if _trim is _UNSET:
        _trim = _lookup()
    if _trim is None:
        return False
    _trim(0)
    return True
