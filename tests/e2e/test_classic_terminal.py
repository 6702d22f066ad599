"""The classic 80×24 terminal, for real: `python -m tui` in a pseudo-terminal on demo data,
rendered by pyte. Every screen shows the tab bar and the key bar's `? Help` and `q Quit`;
Today shows every goal's state (product.md §2)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pexpect", reason="pexpect is in the [test] extra")
pytest.importorskip("pyte", reason="pyte is in the [test] extra")

from pty_terminal import Terminal, environment  # noqa: E402

from tui.demo import generate  # noqa: E402
from tui.services import Rebound  # noqa: E402
from tui.services.status import goal_summaries  # noqa: E402
from tui.widgets.goal_list import progress_text, state_text  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TABS = "1 Today  2 Goals  3 Contacts  4 Mood  5 Wins"
SCREENS = (("2", "Goals", "Goals ·"), ("3", "Contacts", "Contacts ·"), ("4", "Mood", "Mood ·"),
           ("5", "Wins", "Wins ·"), ("1", "Today", "Today's goals"))


def bars_shown(app: Terminal, tab: str) -> None:
    """The tab bar on the first line with ``tab`` marked (its own background), the key bar's
    help and quit on the last."""
    lines = app.text.splitlines()
    assert TABS in lines[0], lines[0]
    assert "? Help" in lines[-1] and "q Quit" in lines[-1], lines[-1]
    row = app.screen.buffer[0]
    backgrounds = {name: row[lines[0].index(name)].bg for name in ("Today", "Goals", "Wins")}
    others = {bg for name, bg in backgrounds.items() if name != tab} if tab in backgrounds else set(backgrounds.values())
    assert row[lines[0].index(tab)].bg not in others, (tab, backgrounds)


def marked(app: Terminal, tab: str) -> bool:
    try:
        bars_shown(app, tab)
    except (AssertionError, IndexError, ValueError):
        return False
    return True


def test_every_screen_at_80x24_on_demo_data(tmp_path: Path) -> None:
    data_dir, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()
    rb = Rebound.open(data_dir)
    generate(rb)
    summaries = goal_summaries(rb)
    assert any(state_text(s) for s in summaries)
    app = Terminal(environment(data_dir, home), tmp_path, size=(80, 24))
    try:
        def every_goal_whole(text: str) -> bool:  # each goal's row: its figure and its state, whole
            rows = {s.goal.id: next((line for line in text.splitlines()
                                     if line.lstrip().startswith(s.goal.name[:8])), "") for s in summaries}
            return "q Quit" in text and all(
                f" {progress_text(s)} " in f"{rows[s.goal.id]} " and f" {state_text(s)} " in f"{rows[s.goal.id]} "
                for s in summaries)

        every_goal_whole.__name__ = "every goal's figure and state"
        app.wait_for(every_goal_whole)
        bars_shown(app, "Today")
        for key, tab, title in SCREENS:
            app.press(key)
            # a frame may arrive in several reads (pyte knows no synchronized output): wait for
            # the whole of it, the title and the tab marked, then check both bars
            app.wait_for(lambda text, title=title, tab=tab: title in text and marked(app, tab))
            bars_shown(app, tab)
        app.press("q")
        assert app.wait_for_exit() == 0
    finally:
        app.kill()
