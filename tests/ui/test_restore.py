"""Pilot: a data file broken while the app runs brings up "Restore from backup"; the restore keeps
the broken file aside byte for byte, and the app reloads and works."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from tui.screens.restore import RestoreScreen
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.status import goal_summaries

SIZE = (110, 34)
BROKEN = b'{"_meta": {"1": {"schema": 1, "kind": "checkins"}}, "checkins": {"1": '


def seed(rb, clock) -> Path:
    """A goal with check-ins yesterday and today: today's first change backed up yesterday's data."""
    goal = goal_service.add_goal(rb, "Send applications", target=3)
    clock.value -= timedelta(days=1)
    checkin_service.log(rb, goal.id, 2)
    clock.value += timedelta(days=1)
    checkin_service.log(rb, goal.id, 1)
    [path] = sorted(rb.store.folder.glob("checkins-*.json"))
    return path


def done_today(rb) -> int:
    return goal_summaries(rb)[0].streak.done


def modal_text(app) -> str:
    return str(app.screen.query_one("#confirm-question", Static).render())


async def built_ahead(app, pilot) -> None:
    """Wait until the other screens are built ahead (each reads its files once): a file broken
    before then is met by that background read, not by the key the test presses next."""
    for _ in range(200):
        await pilot.pause()
        if not app._unbuilt:
            return
    raise AssertionError("the other screens were not built ahead")


async def break_while_running(app, pilot, path: Path) -> None:
    await built_ahead(app, pilot)
    path.write_bytes(BROKEN)  # a hand edit in another window while the app runs
    await pilot.press("plus")
    await pilot.pause()


async def test_a_broken_file_offers_the_backup_and_restore_brings_the_app_back(make_app, rb, clock) -> None:
    path = seed(rb, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await break_while_running(app, pilot, path)
        assert isinstance(app.screen, RestoreScreen)
        text = modal_text(app)
        assert str(path) in text and "not valid JSON" in text
        assert "the backup of" in text and "backups/2026-11-26" in text
        assert "Restore from backup (y)" in str(app.screen.query_one("#confirm-yes").label)
        assert path.read_bytes() == BROKEN  # asking changes nothing

        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, RestoreScreen)
        [kept] = sorted(path.parent.glob(f"{path.name}.broken-*"))
        assert kept.read_bytes() == BROKEN
        assert any("Restored" in n.message and kept.name in n.message for n in app._notifications)
        assert done_today(rb) == 0  # the backup holds yesterday's state: today's tick is not in it

        await pilot.press("plus")  # and the app works again
        await pilot.pause()
        assert done_today(rb) == 1
        assert not isinstance(app.screen, RestoreScreen)
    assert kept.read_bytes() == BROKEN


async def test_not_now_leaves_everything_as_it_is(make_app, rb, clock) -> None:
    path = seed(rb, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await break_while_running(app, pilot, path)
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, RestoreScreen)
        assert path.read_bytes() == BROKEN
        assert not list(path.parent.glob(f"{path.name}.broken-*"))


async def test_without_a_good_backup_the_app_says_what_to_do(make_app, rb, clock) -> None:
    path = seed(rb, clock)
    shutil.rmtree(rb.store.folder / "backups")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await break_while_running(app, pilot, path)
        assert isinstance(app.screen, RestoreScreen)
        text = modal_text(app)
        assert str(path) in text and "No backup of it reads fine" in text and "fix it by hand" in text
        assert not app.screen.query("#confirm-yes")
        await pilot.press("y")  # there is nothing to restore from: y only closes
        await pilot.pause()
        assert not isinstance(app.screen, RestoreScreen)
        assert path.read_bytes() == BROKEN
        assert not list(path.parent.glob(f"{path.name}.broken-*"))


async def test_a_form_that_cannot_save_offers_the_backup_and_saves_after_the_restore(make_app, rb, clock) -> None:
    from tui.screens.win_form import WinForm
    from tui.services.wins import wins_on

    seed(rb, clock)
    path = rb.store.folder / f"wins-{clock.value.year}.json"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await built_ahead(app, pilot)
        path.write_bytes(b"{")
        await pilot.press("w", *"Got feedback", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        assert str(path) in modal_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WinForm)  # back in the form, with what was typed
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WinForm)
    assert "Got feedback" in [w.title for w in wins_on(rb, clock.value.date())]
    assert [p.read_bytes() for p in path.parent.glob(f"{path.name}.broken-*")] == [b"{"]
