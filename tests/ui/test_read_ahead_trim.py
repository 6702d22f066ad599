"""The read-ahead hands back what each step threw away (tui/heap.py): each screen's data read
while the app is idle is followed by a trim, so the peak resident memory does not keep it."""

from __future__ import annotations

import pytest

from tui import app as app_module
from tui import heap
from tui.background import SCREENS

from .conftest import SIZE


async def test_each_read_ahead_step_is_followed_by_a_trim(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(heap, "trim", lambda: events.append("trim") or True)
    prepare = app_module.ReboundApp.read

    def read(self, work):  # type: ignore[no-untyped-def]
        events.append("read")
        return prepare(self, work)

    monkeypatch.setattr(app_module.ReboundApp, "read", read)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            await pilot.pause()
            if not app._unbuilt:
                break
        assert not app._unbuilt
    reads_then_trims = sum(1 for a, b in zip(events, events[1:]) if (a, b) == ("read", "trim"))
    assert reads_then_trims >= len(SCREENS), events
