"""End to end: `rebound` started on a broken data file offers its newest good backup before the app
opens; "Restore from backup" opens the app on the restored data, "Not now" exits 3 and keeps the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

pytest.importorskip("pexpect", reason="pexpect is in the [test] extra")
pytest.importorskip("pyte", reason="pyte is in the [test] extra")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

from test_real_terminal import GOAL, Terminal, environment, row_shows  # noqa: E402

GARBAGE = b'{"_meta": {"1": {"schema": 1}}, "goals": '


def broken_data(tmp_path: Path) -> tuple[dict[str, str], Path]:
    data = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    env = environment(data, home)
    for args in (("goal", "add", GOAL, "--target", "2"), ("log", GOAL)):  # the log backs up rebound.json
        proc = subprocess.run([sys.executable, "-m", "tui", *args], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stderr
    (data / "rebound.json").write_bytes(GARBAGE)
    return env, data


def test_restore_offered_at_start_then_the_app_opens_on_the_backup(tmp_path: Path) -> None:
    env, data = broken_data(tmp_path)
    app = Terminal(env, tmp_path)
    try:
        screen = app.wait_for("Restore from backup")
        assert "A data file is damaged" in screen and "rebound.json" in screen and "backups/" in screen
        app.press("y")
        app.wait_for(row_shows(GOAL, "1/2"))  # the goal came back from the backup
        app.press("q")
        assert app.wait_for_exit() == 0
    finally:
        app.kill()
    [kept] = sorted(data.glob("rebound.json.broken-*"))
    assert kept.read_bytes() == GARBAGE


def test_not_now_at_start_exits_3_and_keeps_the_file(tmp_path: Path) -> None:
    env, data = broken_data(tmp_path)
    app = Terminal(env, tmp_path)
    try:
        app.wait_for("Restore from backup")
        app.press("n")
        app.wait_for("rebound restore rebound.json")
        assert app.wait_for_exit() == 3
    finally:
        app.kill()
    assert (data / "rebound.json").read_bytes() == GARBAGE
    assert not list(data.glob("rebound.json.broken-*"))
