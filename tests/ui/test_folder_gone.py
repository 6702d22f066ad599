"""Pilot: the data folder is deleted while the app runs. Rebound refuses to write a new, nearly empty
data set in its place, says so, keeps the screen as it was, and carries on once the folder is back;
only an explicit "Start afresh" makes a new, empty folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from textual.widgets import Static

from tui.screens.folder_gone import FolderGoneScreen
from tui.services import Rebound
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.status import goal_summaries
from tui.widgets.goal_list import GoalList

SIZE = (110, 34)


def today_rows(app) -> list[str]:
    today = app.screen_stack[0]  # under any modal
    return today.query_one(GoalList).lines()


def seed(rb) -> Path:
    goal = goal_service.add_goal(rb, "Send applications", target=3)
    checkin_service.log(rb, goal.id, 1)
    return rb.store.folder


async def delete_and_tick(app, pilot, folder: Path) -> None:
    await pilot.pause()
    assert "1/3" in today_rows(app)[0]
    shutil.rmtree(folder)  # e.g. the user cleaned up the wrong folder in another window
    await pilot.press("plus")
    await pilot.pause()


def gone_toasts(app) -> list[str]:
    return [n.message for n in app._notifications if "is gone" in n.message]


async def test_a_deleted_folder_is_not_recreated_and_the_app_carries_on_once_it_is_back(
    make_app, rb, clock, tmp_path: Path
) -> None:
    folder = seed(rb)
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await delete_and_tick(app, pilot, folder)
        assert isinstance(app.screen, FolderGoneScreen)
        assert str(folder) in str(app.screen.query_one("#confirm-question", Static).render())
        assert any(str(folder) in m and "Nothing was saved" in m for m in gone_toasts(app))
        assert not folder.exists()  # no new, nearly empty data set where the data was
        assert "1/3" in today_rows(app)[0]  # the screen keeps what it showed, not "No goals yet"

        await pilot.press("enter")  # the default: wait for it
        await pilot.pause()
        assert not isinstance(app.screen, FolderGoneScreen)
        toasts = len(gone_toasts(app))
        await pilot.press("plus")  # still gone: refused again, a toast but no second question
        await pilot.pause()
        assert len(gone_toasts(app)) > toasts
        assert not isinstance(app.screen, FolderGoneScreen)
        assert not folder.exists()
        app.poll()
        app.poll()  # polling a vanished folder neither crashes nor repeats the toast
        assert "1/3" in today_rows(app)[0]

        shutil.copytree(copy, folder)  # put back from a copy
        app.poll()
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert "2/3" in today_rows(app)[0]
    assert goal_summaries(Rebound.open(folder, now=clock))[0].streak.done == 2


async def test_start_afresh_only_when_the_user_chooses_it(make_app, rb) -> None:
    folder = seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await delete_and_tick(app, pilot, folder)
        assert isinstance(app.screen, FolderGoneScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, FolderGoneScreen)
        assert folder.is_dir()
        assert today_rows(app) == []  # a new, empty data set, as asked
        await pilot.press("a")
        await pilot.press(*"Walk", "enter")
        await pilot.pause()
    assert [s.goal.name for s in goal_summaries(Rebound.open(folder))] == ["Walk"]


async def test_a_folder_swapped_for_an_empty_one_is_gone_not_empty(make_app, rb) -> None:
    """`rm -rf D; mkdir D` under the open app: the next poll says the folder is gone, the screen
    keeps its rows instead of "No goals yet", and a tick saves nothing into the empty folder."""
    folder = seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shutil.rmtree(folder)
        folder.mkdir()
        app.poll()
        await pilot.pause()
        assert isinstance(app.screen, FolderGoneScreen)
        assert any(str(folder) in m for m in gone_toasts(app))
        await pilot.press("enter")  # wait for it
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert "1/3" in today_rows(app)[0]
        assert list(folder.iterdir()) == []


async def test_a_folder_open_to_other_users_is_a_toast_once(make_app, rb) -> None:
    folder = seed(rb)
    os.chmod(folder, 0o755)  # as an older Rebound made it under umask 022
    for expected in (1, 0):  # the first start says it; the next does not
        app = make_app()
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await pilot.pause()
            said = [n.message for n in app._notifications if "chmod 700" in n.message]
            assert len(said) == expected, said
            assert all(str(folder) in m and "755" in m for m in said)
