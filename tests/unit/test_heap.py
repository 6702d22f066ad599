"""tui/heap.py: freed memory handed back to the system (glibc's ``malloc_trim``)."""

from __future__ import annotations

import platform

import pytest

from tui import heap

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_trim_hands_the_pages_of_freed_objects_back() -> None:
    """Objects freed between kept ones leave holes the allocator keeps resident; ``trim``
    returns them: what a year's parsed JSON leaves behind once its records are made."""
    heap.trim()
    blocks = [bytes(4000) + bytes([i % 256]) for i in range(20_000)]  # ~80 MB from the C heap
    kept = blocks[::50]  # one in fifty stays: the freed space lies between them
    del blocks
    before = resident_mb()
    assert heap.trim()
    after = resident_mb()
    assert before - after > 40, (before, after)
    assert len(kept) == 400


def test_trim_is_quiet_where_the_c_library_has_no_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_trim", None)
    assert heap.trim() is False
