"""Issue 16.1: on a folder of three years, Today and Goals show the same with `.summaries.json` as
without it, also after old records changed under a filled cache (a rest day and a skip before
1 January, an interaction backfilled into an older year's file)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from screen_text import screen_text
from tui.app import ReboundApp
from tui.demo import generate_history
from tui.demo.contacts import generate_contacts
from tui.screens.goals import GoalsScreen
from tui.services import Rebound, checkins, goals
from tui.services.contacts import followups_due, log_interaction
from tui.services.status import status
from tui.services.cache_file import CACHE

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)
SIZE = (110, 34)


def fresh(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screens") / "data"
    rb = fresh(folder)
    generate_history(rb, years=3, seed=16)
    generate_contacts(rb, contacts=30, interactions=300, years=3, seed=16)
    return folder


async def shown(folder: Path) -> tuple[str, str]:
    """What Today and Goals draw, once each has drawn everything."""
    app = ReboundApp(fresh(folder), poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        today = screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert isinstance(app.screen, GoalsScreen)
        return today, screen_text(app)


async def without_cache(folder: Path) -> tuple[str, str]:
    path = folder / CACHE
    kept = path.read_bytes()
    path.unlink()
    try:
        return await shown(folder)
    finally:
        path.unlink(missing_ok=True)
        path.write_bytes(kept)


async def test_today_and_goals_agree_with_and_without_the_cache(three_years: Path) -> None:
    status(fresh(three_years))  # 1 January's entries
    status(fresh(three_years))  # and 1 March's
    warm = await shown(three_years)
    assert warm == await without_cache(three_years)

    rb = fresh(three_years)
    walk = goals.find_goal(rb, "Go for a walk")
    checkins.set_rest(rb, date(2025, 12, 30))
    checkins.set_skip(rb, walk.id, date(2025, 12, 31))
    first = followups_due(rb)[0]  # the most overdue: Today lists it first
    assert first.last_day is not None and first.last_day < date(2025, 10, 1)
    log_interaction(rb, first.contact.id, day=date(2025, 10, 1))  # into an older year's file
    assert (three_years / CACHE).exists()
    changed = await shown(three_years)
    assert changed == await without_cache(three_years)
    assert changed != warm  # the changes show
