"""The app and `rebound sync`: "Sync now" in the palette with its toast, merged data on screen
within two seconds of a sync made by another process, and the sync-on-quit setting."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tui.screens.settings_form import SettingsForm
from tui.services import Rebound
from tui.services import goals as goal_service
from tui.services import settings as settings_service
from tui.services.sync import sync
from tui.services.sync_setup import init

from screen_text import screen_text
from tui.screens.palette import key_commands

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
SIZE = (110, 34)


def other_machine_adds(rb: Rebound, tmp_path: Path, name: str) -> Rebound:
    """A remote, this folder synced to it, and another machine that adds goal ``name`` and syncs."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    init(rb, str(remote))
    other = Rebound.open(tmp_path / "other")
    init(other, str(remote))
    goal_service.add_goal(other, name)
    sync(other)
    return other


async def wait_for(pilot, app, text: str, seconds: float) -> bool:
    for _ in range(int(seconds / 0.1)):
        if text in screen_text(app):
            return True
        await pilot.pause(0.1)
    return text in screen_text(app)


async def test_sync_now_in_the_palette_merges_and_says_so(make_app, rb, tmp_path):
    goal_service.add_goal(rb, "Apply")
    other_machine_adds(rb, tmp_path, "Coffee chats")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        titles = [c.title for c in key_commands(app, app.screen)]
        assert "Sync now" in titles
        assert "Coffee chats" not in screen_text(app)
        app.action_sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        shown = [n.message for n in app._notifications]
        assert any(m.startswith("Synced with") and "1 file merged in" in m for m in shown), shown
        assert await wait_for(pilot, app, "Coffee chats", 1.0)


async def test_a_failed_sync_now_says_why_in_a_toast(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.action_sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        failed = [n for n in app._notifications if n.title == "Sync failed"]
        assert failed and "rebound sync init REMOTE" in failed[0].message


async def test_a_sync_by_another_process_shows_within_two_seconds(make_app, rb, tmp_path):
    goal_service.add_goal(rb, "Apply")
    other_machine_adds(rb, tmp_path, "Coffee chats")
    app = make_app(poll_seconds=1.0)  # the app's own polling interval
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        token = rb.data_token()
        sync(Rebound.open(rb.store.folder))  # another Rebound on the folder, as `rebound sync` is
        assert rb.data_token() != token
        assert await wait_for(pilot, app, "Coffee chats", 2.0)


async def test_sync_on_quit_is_a_setting(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsForm)
        app.screen.query_one("#sync_on_quit").value = True
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsForm)
    assert settings_service.current(rb).sync_on_quit is True
