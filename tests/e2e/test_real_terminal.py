"""End to end in a real terminal: spawn ``python -m tui`` in a pseudo-terminal (pexpect), render
what it writes with a terminal emulator (pyte) and read the screen as a user sees it.

These catch what Pilot cannot: the entry point, the real terminal, start-up, the data folder, and
another process changing the data while the app is open.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is in the [test] extra")
pyte = pytest.importorskip("pyte", reason="pyte is in the [test] extra")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

ROOT = Path(__file__).resolve().parents[2]
COLS, ROWS = 110, 34
TIMEOUT = 15.0
GOAL = "Send applications"

BACKSPACE, TAB, ENTER, SPACE = "\x7f", "\t", "\r", " "
INPUT_DECORATION = "│▊▎▔▁▌▐ "


def environment(data_dir: Path, home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("REBOUND_", "TEXTUAL")) and k not in ("COLUMNS", "LINES", "NO_COLOR")
    }
    env.update(
        TERM="xterm-256color",
        REBOUND_DATA_DIR=str(data_dir),
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONIOENCODING="utf-8",
    )
    return env


class Terminal:
    """The app in a pseudo-terminal, and the screen a user would see."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.child = pexpect.spawn(
            sys.executable, ["-m", "tui"], env=env, cwd=str(cwd), dimensions=(ROWS, COLS),
        )
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.exited = False

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def _read(self, wait: float) -> None:
        """Feed whatever the app wrote (waiting up to ``wait`` seconds for something) to pyte."""
        if self.exited:
            time.sleep(wait)
            return
        try:
            self.stream.feed(self.child.read_nonblocking(65536, timeout=wait))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            self.exited = True

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """Read output until ``what`` (text, or a test of the screen text) holds, or fail."""
        check = what if callable(what) else (lambda text: what in text)
        deadline = time.monotonic() + timeout
        while True:
            self._read(0.05)
            if check(self.text):
                return self.text
            if self.exited or time.monotonic() > deadline:
                state = "the app exited" if self.exited else f"{timeout:.1f}s passed"
                name = getattr(what, "__name__", repr(what))
                raise AssertionError(f"{state} waiting for {name}; the screen:\n{self.text}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)

    def wait_for_exit(self, timeout: float = TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while not self.exited and time.monotonic() < deadline:
            self._read(0.1)
        assert self.exited, f"the app is still running after {timeout}s; the screen:\n{self.text}"
        self.child.close()
        assert self.child.signalstatus is None, f"killed by signal {self.child.signalstatus}"
        return self.child.exitstatus

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()


def field_value(text: str, label: str) -> str | None:
    """The value shown in the input box under ``label`` (a form field), or None."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if label in line:
            column = line.index(label)  # read under the label: the screen behind a modal shows too
            for below in lines[i + 1:i + 4]:
                inner = below[column:].strip().strip(INPUT_DECORATION)
                if inner:
                    return inner
    return None


def goal_row(text: str, name: str) -> str | None:
    return next((line for line in text.splitlines() if name in line), None)


def row_shows(name: str, progress: str) -> Callable[[str], bool]:
    """The Today row of goal ``name`` shows ``progress`` (e.g. "2/2")."""

    def check(text: str) -> bool:
        row = goal_row(text, name)
        return row is not None and f" {progress} " in f"{row} "

    check.__name__ = f"{name!r} row shows {progress!r}"
    return check


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def env(data_dir: Path, home: Path) -> dict[str, str]:
    return environment(data_dir, home)


@pytest.fixture
def open_app(env: dict[str, str], tmp_path: Path) -> Iterator[Callable[[], Terminal]]:
    started: list[Terminal] = []

    def start() -> Terminal:
        terminal = Terminal(env, tmp_path)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.kill()


@pytest.fixture
def cli(env: dict[str, str], tmp_path: Path) -> Callable[..., str]:
    def run(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *args], env=env, cwd=tmp_path,
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 0, f"rebound {args} → {proc.returncode}: {proc.stderr}"
        return proc.stdout

    return run


def test_add_tick_quit_and_the_data_survives_a_restart(open_app, cli, data_dir: Path) -> None:
    app = open_app()
    app.wait_for("No goals yet")

    app.press("a")
    app.wait_for(lambda text: "New goal" in text and "enter saves" in text)
    app.press(GOAL, TAB)  # the target field is focused with its text selected
    app.press(BACKSPACE, "2")
    app.wait_for(lambda text: field_value(text, "Target") == "2")
    app.press(ENTER)
    screen = app.wait_for(row_shows(GOAL, "0/2"))
    assert "New goal" not in screen
    assert "No goals yet" not in screen

    app.press(SPACE)
    app.wait_for(row_shows(GOAL, "2/2"))

    app.press("q")
    assert app.wait_for_exit() == 0
    assert (data_dir / "rebound.json").is_file()

    again = open_app()
    screen = again.wait_for(row_shows(GOAL, "2/2"))
    assert "No goals yet" not in screen
    again.press("q")
    assert again.wait_for_exit() == 0

    status = json.loads(cli("status", "--json"))
    assert [g["name"] for g in status["goals"]] == [GOAL]
    goal = status["goals"][0]
    assert goal["target"] == 2
    assert goal["done"] == 2
    assert goal["complete"] is True
    assert goal["current_streak"] == 1


def test_the_open_app_shows_a_change_made_by_the_cli(open_app, cli) -> None:
    cli("goal", "add", GOAL, "--target", "2")
    app = open_app()
    app.wait_for(row_shows(GOAL, "0/2"))

    cli("log", GOAL)
    app.wait_for(row_shows(GOAL, "1/2"), timeout=3.0)  # the app polls every second

    cli("log", "send", "-1")
    app.wait_for(row_shows(GOAL, "0/2"), timeout=3.0)

    app.press("q")
    assert app.wait_for_exit() == 0


LEFT = "\x1b[D"


def test_review_backfill_yesterday_and_undo_it(open_app, cli) -> None:
    """Issue 3's walk: open Goals, find yesterday's miss on the heatmap, backfill it, watch the
    streak heal (and the win it earns), then undo it."""
    from datetime import datetime, timedelta

    today = datetime.now().astimezone().date()
    cli("goal", "add", "Apply")
    for back in (3, 2, 0):
        cli("log", "apply", "--date", (today - timedelta(days=back)).isoformat())

    app = open_app()
    app.wait_for(row_shows("Apply", "1/1"))
    app.press("2")
    app.wait_for(lambda text: "Goals ·" in text and "still open" not in text and "Apply" in text)
    app.wait_for(lambda text: "done, 1-day streak" in text)  # the cursor starts on today
    app.press(LEFT)
    app.wait_for(lambda text: "streak broken here" in text)

    app.press(SPACE)  # backfill yesterday
    screen = app.wait_for(lambda text: "done, 3-day streak" in text)
    assert " 4d " in f"{goal_row(screen, 'Apply')} "  # the streak healed: 4 days up to today
    app.wait_for("3-day streak: Apply")  # the win toast

    app.press("u")
    screen = app.wait_for(lambda text: "streak broken here" in text and "Undid" in text)
    assert " 1d " in f"{goal_row(screen, 'Apply')} "
    app.press("q")
    assert app.wait_for_exit() == 0

    status = json.loads(cli("status", "--json"))
    assert status["goals"][0]["current_streak"] == 1
    assert status["goals"][0]["best_streak"] == 2


def test_rejection_reflection_follow_up_and_bounce_back(open_app, cli) -> None:
    """Issue 6's walk: a low mood after a rejection, the lesson written, feedback asked of the
    recruiter; the follow-up on Today, the reflection on Mood after a restart, and the
    bounce-back when a good mood follows (from a script: the open app notices)."""
    app = open_app()
    app.wait_for("How are you today? Press m")
    app.press("m")
    app.wait_for("How are you feeling?")
    app.press("2")
    time.sleep(0.3)  # a person's pause: the score moves the focus on to the tags
    app.press("rejection", ENTER)  # tagged rejection: the reflection follows
    app.wait_for("What can it teach?")
    app.press("Northwind", TAB, "Data analyst", TAB, "final round", TAB,
              "Tell one story per skill", TAB, "Priya", TAB)
    app.press("\x15", "today", ENTER)  # ctrl+u clears "in 1 week"
    screen = app.wait_for(lambda text: "Follow-ups due" in text and "Priya" in text)
    assert "Today 2.0 · low" in screen
    assert "Learned from a rejection: Northwind" in screen
    app.press("q")
    assert app.wait_for_exit() == 0

    again = open_app()
    again.wait_for("Priya")
    again.press("4")
    screen = again.wait_for(lambda text: "Rejections and lessons" in text and "Northwind" in text)
    assert "Tell one story per skill" in screen
    cli("mood", "4", "--tags", "networking")  # feeling better: from a script, the app notices
    again.press("1")
    again.wait_for("Bounced back", timeout=5.0)
    again.press("q")
    assert again.wait_for_exit() == 0

    status = json.loads(cli("status", "--json"))
    assert status["mood_logged"] is True
    assert {w["kind"] for w in status["wins_today"]} == {"reflected", "bounce_back"}
    assert [f["name"] for f in status["followups_due"]] == ["Priya"]
