"""SIGTERM and SIGHUP (closing the terminal) to the running app in a real pseudo-terminal:
whatever the screen showed as saved is on disk afterwards, and the app goes away."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from tui.store import Store, repo

pytest.importorskip("pexpect", reason="pexpect is in the [test] extra")
import pty_terminal as e2e  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_tick_shown_on_screen_survives_the_signal(sig: signal.Signals, tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = e2e.environment(data, home)
    e2e.run_cli(env, tmp_path, "goal", "add", e2e.GOAL, "--target", "2")
    terminal = e2e.Terminal(env, tmp_path)
    try:
        terminal.wait_for(e2e.row_shows(e2e.GOAL, "0/2"))
        terminal.press(e2e.SPACE)
        terminal.wait_for(e2e.row_shows(e2e.GOAL, "2/2"))  # the screen shows it saved
        terminal.child.kill(sig)
        deadline = time.monotonic() + e2e.TIMEOUT
        while terminal.child.isalive() and time.monotonic() < deadline:
            terminal._read(0.1)
        assert not terminal.child.isalive(), f"the app outlived {sig.name}; the screen:\n{terminal.text}"
    finally:
        terminal.kill()
    store = Store.open(data)
    goal = next(g for g in repo.goals(store) if g.name == e2e.GOAL)
    assert sum(c.count for c in repo.checkins(store) if c.goal_id == goal.id) == 2
    assert not (data / ".journal.json").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_demo_folder_goes_when_the_terminal_closes(sig: signal.Signals, tmp_path: Path) -> None:
    """`rebound demo` works in a temporary folder; closing the terminal (SIGHUP) or a kill
    (SIGTERM) must not leave it behind: the `with` that removes it never unwinds on a signal."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = dict(e2e.environment(tmp_path / "unused", home), TMPDIR=str(temp))
    terminal = e2e.Terminal(env, tmp_path, ["demo"])
    try:
        terminal.wait_for("Today's goals", timeout=60)
        assert [p.name for p in temp.iterdir() if p.name.startswith("rebound-demo-")], "no demo folder"
        terminal.child.kill(sig)
        deadline = time.monotonic() + e2e.TIMEOUT
        while terminal.child.isalive() and time.monotonic() < deadline:
            terminal._read(0.1)
        assert not terminal.child.isalive(), f"the demo outlived {sig.name}; the screen:\n{terminal.text}"
    finally:
        terminal.kill()
    assert [p.name for p in temp.iterdir() if p.name.startswith("rebound-demo-")] == []
