"""The rules every data screen shares (screens/data_screen.DataScreen): a draw that fails to read
is not marked drawn, so the next reload draws again; the part drawn a frame later is dropped when
the screen drew again meanwhile."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tui.screens import goals, wins
from tui.services import goals as goal_service
from tui.services.wins import add_win
from tui.store.errors import StoreError

SIZE = (110, 34)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize("key,module,reader,selector,shown", [
    ("5", wins, "newest", "#wins-title", "all time: 1"),
    ("2", goals, "histories", "#goals-title", "1 active"),
])
async def test_a_draw_that_could_not_read_is_drawn_again_at_the_next_reload(
        make_app, rb, monkeypatch, key, module, reader, selector, shown):
    """Wins and Goals used to mark their data drawn before drawing it: after a read error the
    next visit (the same data) kept the half-drawn screen (Goals' first visit even crashed)."""
    add_win(rb, "landed an interview")
    goal_service.add_goal(rb, "Apply")
    real = getattr(module, reader)
    failing = [True]

    def read(*args, **kwargs):
        if failing[0]:
            raise StoreError("cannot read wins-2026.json")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, reader, read)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert shown not in text_of(app, selector)
        assert any("cannot read" in n.message for n in app._notifications)
        failing[0] = False  # the file is readable again; nothing on disk changed
        await pilot.press("1", key)  # away and back
        await pilot.pause()
        assert shown in text_of(app, selector)


async def test_a_later_part_is_dropped_when_the_screen_drew_again(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        drawn = []
        screen.draw_later(lambda: drawn.append("stale"))
        screen.redraw()  # a newer draw before the frame: its own later parts count, not the old
        screen.draw_later(lambda: drawn.append("fresh"))
        await pilot.pause(0.05)
        assert drawn == ["fresh"]
