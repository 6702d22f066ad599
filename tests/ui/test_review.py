"""Pilot: `v` opens the weekly review, ←/→ move weeks, `e` saves Markdown to the path typed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tui.screens.review import ReviewScreen
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.wins import add_win

SIZE = (100, 32)


def shown(app) -> str:
    return str(app.screen.query_one("#review-text", Static).render())


async def test_v_opens_the_review_and_arrows_move_weeks(make_app, rb, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    goal = goal_service.add_goal(rb, "Apply")
    checkin_service.log(rb, goal.id, 1)
    add_win(rb, "Landed an interview", rb.today() - timedelta(days=7))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Weekly review 2026-W48" in shown(app) and "Apply: this week 1/" in shown(app)
        assert "Landed an interview" not in shown(app)
        await pilot.press("right")  # no week after this one
        assert "2026-W48" in shown(app)
        await pilot.press("left")
        await pilot.pause()
        assert "Weekly review 2026-W47" in shown(app) and "Landed an interview" in shown(app)
        await pilot.press("e")
        field = app.screen.query_one("#review-path", Input)
        assert field.value == "~/rebound-review-2026-W47.md"
        await pilot.press("enter")
        await pilot.pause()
        saved = tmp_path / "rebound-review-2026-W47.md"
        assert saved.read_text(encoding="utf-8").startswith("# Weekly review 2026-W47")
        await pilot.press("e")
        field.value = str(tmp_path / "no-such-folder" / "r.md")
        await pilot.press("enter")
        await pilot.pause()
        assert any("does not exist" in n.message for n in app._notifications)
        await pilot.press("escape")  # leaves the path field
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
