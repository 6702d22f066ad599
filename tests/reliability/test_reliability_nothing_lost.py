"""Nothing lost, second round (issue 15), through the CLI in process with a clock the test moves:
a broken file keeps its last good backup however long it stays broken, and every command says it
is broken; a journal Rebound did not write, a data file that is a folder, a pipe or a link, a lock
that is a folder and a ``backups`` that is a file are refused by name (exit 3, nothing changed)."""

from __future__ import annotations

import os
import threading
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from tui.cli import commands
from tui.cli.main import main
from tui.services import Rebound
from tui.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
START = datetime(2026, 3, 2, 12, 0).astimezone()


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Every CLI run in this test sees ``clock.now`` as the time (as faketime would make it)."""
    fake = Clock()

    class AtTheTestsTime(Rebound):
        @classmethod
        def open(cls, folder: Path, now: object = None) -> Rebound:  # type: ignore[override]
            return Rebound(Store.open(folder), fake)

    monkeypatch.setattr(commands, "Rebound", AtTheTestsTime)
    return fake


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        return code, out, err

    run.data = data  # type: ignore[attr-defined]
    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink() and p.name not in (".rebound.lock", ".checked.json")}


def test_a_broken_file_keeps_its_last_good_backup_through_eight_days_of_other_changes(cli, clock) -> None:
    assert cli("goal", "add", "Apply")[0] == 0
    for _ in range(5):  # five days of check-ins, each day's first change makes a backup
        clock.now += timedelta(days=1)
        code, _, err = cli("log", "Apply")
        assert code == 0 and err == "", err
    checkins = cli.data / "checkins-2026.json"
    with checkins.open("r+b") as handle:
        handle.truncate(100)
    for day in range(8):  # a week and a day of moods: commands that never read the check-ins
        clock.now += timedelta(days=1)
        code, out, err = cli("mood", "3")
        assert code == 0, err
        assert "Mood 3" in out
        warnings = [line for line in err.splitlines() if line.startswith("rebound: warning:")]
        assert len(warnings) == 1 and str(checkins) in warnings[0] and "rebound restore" in warnings[0], err
    assert checkins.stat().st_size == 100  # left untouched

    code, out, err = cli("restore")
    assert code == 0, err
    assert "Restored checkins-2026.json" in out
    code, out, err = cli("status", "--json")
    assert code == 0 and err == "", err
    [goal] = orjson.loads(out)["goals"]
    assert goal["best_streak"] == 4  # the check-ins of the last backup that read fine: days 1-4
    backups = sorted(p.name for p in (cli.data / "backups").iterdir())
    assert len(backups) == 8  # the 7 made last, and the one with the last good copy
    assert (START + timedelta(days=5)).date().isoformat() in backups


def test_no_warning_while_every_file_reads_fine(cli, clock) -> None:
    cli("goal", "add", "Apply")
    clock.now += timedelta(days=1)
    code, _, err = cli("log", "Apply")
    assert (code, err) == (0, "")
    code, _, err = cli("status")
    assert (code, err) == (0, "")


@pytest.mark.parametrize("journal", [
    b'{"renames": 5}',
    b'{"renames": [[".x.tmp-1", "../escaped.json"]]}',
    b'{"renames": [[".rebound.json.tmp-1-ab", "/tmp/elsewhere.json"]]}',
    b'{"renames": [["../.rebound.json.tmp-1", "rebound.json"]]}',
    b'{"renames": [[1, 2]]}',
    b'{"renames": [["..revisions.json.tmp-1", ".revisions.json"]]}',
    b'[1, 2',
])
def test_a_journal_rebound_did_not_write_is_refused_by_name_and_followed_nowhere(
    cli, clock, tmp_path: Path, journal: bytes
) -> None:
    cli("goal", "add", "Apply")
    (cli.data / ".x.tmp-1").write_bytes(b"planted")
    (cli.data / ".journal.json").write_bytes(journal)
    before = snapshot(tmp_path)
    for args in (("status",), ("log", "Apply"), ("mood", "3"), ("export",)):
        code, out, err = cli(*args)
        assert code == 3, (args, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert str(cli.data / ".journal.json") in err and "move it away" in err
        assert snapshot(tmp_path) == before  # nothing renamed, inside the folder or out
    assert not (tmp_path / "escaped.json").exists()
    os.unlink(cli.data / ".journal.json")  # the advice: move it away, and all works again
    assert cli("log", "Apply")[0] == 0


def _refused(cli, path: Path, *words: str) -> None:  # type: ignore[no-untyped-def]
    """Commands that read ``path`` exit 3 naming it; one that does not read it works and warns."""
    for args in (("status",), ("export",), ("log", "Apply")):
        code, _, err = cli(*args)
        assert code == 3, (args, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert str(path) in err, err
        for word in words:
            assert word in err, err
    code, _, err = cli("win", "Sent it")
    assert code == 0 and err.startswith("rebound: warning:") and str(path) in err, err


def test_a_data_file_that_is_a_folder_is_refused_by_name(cli, clock) -> None:
    cli("goal", "add", "Apply")
    path = cli.data / "checkins-2026.json"
    path.mkdir()  # checkins: every command above reads it, but `win` does not
    _refused(cli, path, "a folder")
    assert path.is_dir()


def test_a_data_file_that_is_a_named_pipe_is_refused_and_nothing_waits_on_it(cli, clock) -> None:
    cli("goal", "add", "Apply")
    path = cli.data / "checkins-2026.json"
    os.mkfifo(path)
    finished = threading.Event()

    def run() -> None:
        _refused(cli, path, "named pipe")
        finished.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    if not finished.is_set():
        try:  # a command opened the pipe and waits for a writer: free it
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        pytest.fail("a command waited on the named pipe, or failed (see the thread's error)")


def test_a_data_file_that_is_a_symbolic_link_is_refused_and_left_a_link(cli, clock, tmp_path: Path) -> None:
    cli("goal", "add", "Apply")
    cli("log", "Apply")
    main_file = cli.data / "checkins-2026.json"
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(main_file, elsewhere)
    main_file.symlink_to(elsewhere)
    content = elsewhere.read_bytes()
    _refused(cli, main_file, "symbolic link")
    assert main_file.is_symlink() and elsewhere.read_bytes() == content


def test_a_lock_that_is_a_folder_or_backups_that_is_a_file_is_named(cli, clock) -> None:
    cli("goal", "add", "Apply")
    lock = cli.data / ".rebound.lock"
    lock.unlink()
    lock.mkdir()
    code, _, err = cli("log", "Apply")
    assert code == 3 and str(lock) in err and "move it away" in err, err
    lock.rmdir()

    clock.now += timedelta(days=1)  # a new day: the change makes a backup first
    backups = cli.data / "backups"
    assert not backups.exists()  # nothing to back up yet on the first day
    backups.write_bytes(b"not a folder")
    before = snapshot(cli.data)
    code, _, err = cli("log", "Apply")
    assert code == 3 and str(backups) in err and "move it away" in err, err
    assert snapshot(cli.data) == before
