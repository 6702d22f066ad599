"""The app in a real pseudo-terminal (pexpect), rendered by a terminal emulator (pyte) and read
as a user sees it; and ``python -m tui`` run as a script. Shared by the e2e and reliability tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pexpect
import pyte

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


def _as_a_terminal_starts_it() -> None:
    """In the child, before exec: SIGHUP at its default, as a terminal emulator starts a shell.
    A test run under `nohup` would hand down SIGHUP ignored, and the app (rightly) outlive a
    hang-up it was told to ignore."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


class Terminal:
    """The app in a pseudo-terminal, and the screen a user would see."""

    def __init__(
        self, env: dict[str, str], cwd: Path, args: Iterable[str] = (), size: tuple[int, int] = (COLS, ROWS)
    ) -> None:
        cols, rows = size
        self.child = pexpect.spawn(
            sys.executable, ["-m", "tui", *args], env=env, cwd=str(cwd), dimensions=(rows, cols),
            preexec_fn=_as_a_terminal_starts_it,
        )
        self.screen = pyte.Screen(cols, rows)
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

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = TIMEOUT,
                 also: Iterable[Terminal] = ()) -> str:
        """Read output until ``what`` (text, or a test of the screen text) holds, or fail.
        Terminals in ``also`` are read meanwhile, so an app never blocks on a full pty."""
        check = what if callable(what) else (lambda text: what in text)
        deadline = time.monotonic() + timeout
        while True:
            for other in also:
                other._read(0)
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


def run_cli(env: dict[str, str], cwd: Path, *args: str) -> str:
    """``python -m tui ARGS`` as a script would run it; it must succeed. Returns its stdout."""
    proc = subprocess.run(
        [sys.executable, "-m", "tui", *args], env=env, cwd=cwd,
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, f"rebound {args} → {proc.returncode}: {proc.stderr}"
    return proc.stdout
