"""The rest of the CLI contract (product.md §4): usage errors, --version, unreadable data (exit 3),
and non-UI commands that never load Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, run_cli, snapshot
from tui import __version__


# Usage errors: exit 2 ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["--bogus"],
        ["goal"],
        ["goal", "remove", "Walk"],
        ["goal", "add"],
        ["goal", "add", "Walk", "--per", "month"],
        ["goal", "add", "Walk", "--target", "two"],
        ["goal", "add", "Walk", "--target"],
        ["goal", "list", "--yaml"],
        ["log"],
        ["log", "Walk", "two"],
        ["log", "Walk", "1", "2"],
        ["log", "Walk", "--date"],
        ["skip"],
        ["rest", "yesterday"],
        ["status", "--as-of"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors_exit_2_and_write_nothing(rebound, ok, data_dir, args) -> None:
    ok("goal", "add", "Walk")
    before = snapshot(data_dir)
    assert_usage_error(rebound(*args))
    assert snapshot(data_dir) == before


def test_help_exits_0(ok) -> None:
    out = ok("--help").out
    for command in ("goal", "log", "skip", "rest", "status"):
        assert command in out
    assert "--data-dir" in out


def test_version(ok) -> None:
    result = ok("--version")
    assert result.out.strip() == f"rebound {__version__}"


# Data that cannot be read: exit 3, the file named, the file left alone --------------------------
GARBAGE = b"\x00this is {not json at all\n\xff"


@pytest.fixture
def corrupt(ok, data_dir: Path) -> Path:
    ok("goal", "add", "Send applications", "--target", "2")
    path = data_dir / "rebound.json"
    path.write_bytes(GARBAGE)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--json"],
        ["goal", "list"],
        ["goal", "list", "--json"],
        ["goal", "add", "Walk"],
        ["log", "Send applications"],
        ["skip", "Send applications"],
        ["rest"],
        [],  # opening the app reads the data before drawing anything
    ],
    ids=lambda args: " ".join(args) or "(open the app)",
)
def test_corrupt_file_exits_3_naming_it_and_leaves_it_alone(rebound, data_dir, corrupt, args) -> None:
    before = snapshot(data_dir)
    line = assert_refused(rebound(*args), str(corrupt), code=3)
    assert corrupt.read_bytes() == GARBAGE
    assert snapshot(data_dir) == before
    # It says what to do next, not only what went wrong.
    assert any(word in line.casefold() for word in ("restore", "move it", "fix it")), line


def test_corrupt_file_with_a_backup_names_the_backup(ok, rebound, data_dir: Path) -> None:
    ok("goal", "add", "Send applications")
    ok("log", "Send applications")  # the first change of the day after data exists backs it up
    backups = sorted((data_dir / "backups").rglob("rebound.json"))
    assert backups, "no daily backup was made"
    (data_dir / "rebound.json").write_bytes(GARBAGE)
    line = assert_refused(rebound("status", "--json"), str(data_dir / "rebound.json"), code=3)
    assert str(backups[-1]) in line
    assert "restore" in line.casefold()
    assert (data_dir / "rebound.json").read_bytes() == GARBAGE


@pytest.mark.parametrize(
    "content",
    [b"", b"[1, 2, 3]\n", b'{"goals": [1]}\n', b'{"goals": {"1": {"name": "x"}}}\n'],
    ids=["empty", "a-list", "bad-table", "no-schema-version"],
)
def test_well_formed_json_of_the_wrong_shape_exits_3(rebound, data_dir: Path, corrupt, content) -> None:
    corrupt.write_bytes(content)
    assert_refused(rebound("status", "--json"), str(corrupt), code=3)
    assert corrupt.read_bytes() == content


def test_data_file_that_is_a_folder_exits_3(rebound, data_dir: Path) -> None:
    (data_dir / "rebound.json").mkdir(parents=True)
    assert_refused(rebound("status", "--json"), str(data_dir / "rebound.json"), code=3)
    line = assert_refused(rebound("goal", "add", "Walk"), str(data_dir / "rebound.json"), code=3)
    assert "move it" in line
    assert (data_dir / "rebound.json").is_dir()


def test_data_folder_that_is_a_file_exits_3(cli_env, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("I am a file\n")
    result = run_cli("--data-dir", str(not_a_folder), "goal", "add", "Walk", env=cli_env, cwd=tmp_path)
    assert_refused(result, str(not_a_folder), code=3)
    assert not_a_folder.read_text() == "I am a file\n"


# Non-UI commands never import Textual -------------------------------------------------------------
PROBE = """
import sys
from tui.cli.main import main
codes = [main(args) for args in {commands!r}]
assert codes == [0] * len(codes), codes
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, loaded
print("ok")
"""


def test_non_ui_commands_do_not_import_textual(cli_env, data_dir: Path, tmp_path: Path) -> None:
    commands = [
        ["goal", "add", "Send applications", "--target", "2"],
        ["goal", "add", "Coffee chats", "--per", "week"],
        ["goal", "list"],
        ["goal", "list", "--json"],
        ["log", "send", "2", "--note", "Acme"],
        ["log", "send", "-1", "--date", "today"],
        ["skip", "coffee", "--date", "yesterday"],
        ["rest", "--date", "yesterday"],
        ["status"],
        ["status", "--json", "--as-of", "yesterday"],
        ["restore"],
        ["app", "add", "Northwind", "Analyst", "--contact", "Ada"],
        ["app", "move", "northwind", "screen"],
        ["app", "list", "--json"],
        ["app", "funnel"],
    ]
    env = dict(cli_env, REBOUND_DATA_DIR=str(data_dir))
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(commands=commands)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("ok")


def test_status_import_time_has_no_textual(cli_env, data_dir: Path, tmp_path: Path) -> None:
    env = dict(cli_env, REBOUND_DATA_DIR=str(data_dir))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "status", "--json"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")]
    assert "tui.cli.commands" in imported  # the probe really saw the CLI's imports
    assert not [m for m in imported if m == "textual" or m.startswith("textual.")]


@pytest.mark.parametrize("args", [["status"], ["goal", "list"], ["export"],
                                  ["export", "--out", "/dev/stdout"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(rebound, data_dir: Path, cli_env,
                                                          tmp_path: Path, args: list[str]) -> None:
    """`rebound status | head -1`: the pipe closes before Rebound writes; no traceback, no
    "Exception ignored" at exit, the exit status a shell gives a tool ended by SIGPIPE."""
    import subprocess

    rebound("goal", "add", "Send applications")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), *args],
                              env=cli_env, cwd=tmp_path, stdout=write_end, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True, timeout=30)
    finally:
        os.close(write_end)
    assert proc.stderr == "" and proc.returncode == 141, (proc.returncode, proc.stderr)
