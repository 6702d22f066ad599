"""Store: a job search's data is private. Under the usual umask 022 the data folder and backups are
0700 and every file Rebound makes is 0600; a file's own mode (a user's chmod) survives saves; the
CLI warns once when the folder is open to other users."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.goals import CheckIn, Goal
from tui.store import Store, files, journal, repo
from tui.store.store import BACKUPS, JOURNAL

START = date(2024, 3, 1)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): mode(p) for p in [folder, *sorted(folder.rglob("*"))]}


def test_everything_rebound_makes_is_private_under_umask_022(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "data"
    day = [START]
    store = Store.open(folder, today=lambda: day[0])
    goal = Goal(id=repo.new_id(), name="Apply", start=START)
    repo.insert_goal(store, goal)
    journals: list[int] = []
    real_roll = journal.roll_forward

    def roll(folder: Path, plan: list[list[str]]) -> None:
        journals.append(mode(folder / JOURNAL))
        temps = [folder / tmp for tmp, _ in plan]
        journals.extend(mode(t) for t in temps if t.exists())
        real_roll(folder, plan)

    monkeypatch.setattr(journal, "roll_forward", roll)
    for offset in range(1, 3):  # a new day each: a daily backup
        day[0] = START + timedelta(days=offset)
        with store.transaction():  # two files at once: temp files and a journal
            repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, day[0], 1))
            repo.set_setting(store, "day", offset)
    assert journals and set(journals) == {0o600}
    found = modes(folder)
    assert (folder / BACKUPS / (START + timedelta(days=2)).isoformat() / "rebound.json").exists()
    assert ".rebound.lock" in found and ".revisions.json" in found
    for name, bits in found.items():
        want = 0o700 if (folder / name).is_dir() else 0o600
        assert bits == want, (name, oct(bits))


def test_the_cli_makes_its_caches_private_too(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    for args in (("goal", "add", "Apply"), ("log", "Apply"), ("mood", "3"), ("status",)):
        assert main(["--data-dir", str(folder), *args]) == 0
    assert capsys.readouterr().err == ""  # a new folder is private: nothing to warn about
    found = modes(folder)
    assert ".checked.json" in found
    for name, bits in found.items():
        assert bits == (0o700 if (folder / name).is_dir() else 0o600), (name, oct(bits))


@pytest.mark.parametrize("chosen", [0o640, 0o600, 0o644])
def test_a_files_own_mode_survives_saves(tmp_path: Path, chosen: int) -> None:
    store = Store.open(tmp_path, today=lambda: START)
    repo.set_setting(store, "theme", "dark")
    main_file = tmp_path / "rebound.json"
    os.chmod(main_file, chosen)
    os.umask(0o077)  # a stricter umask must not take bits off the mode the user chose
    repo.set_setting(store, "theme", "light")
    repo.insert_goal(store, Goal(id=repo.new_id(), name="Apply", start=START))
    assert mode(main_file) == chosen


def test_exports_are_private_under_umask_022(tmp_path: Path, capsys) -> None:
    """A JSON, CSV and ICS export carries the same contacts and notes as the data: 0600 files, and
    a CSV folder the export makes is 0700."""
    folder, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    for args in (("contact", "add", "Priya"), ("contact", "follow-up", "Priya", "in 2 weeks")):
        assert main(["--data-dir", str(folder), *args]) == 0
    for fmt, target in (("json", out / "all.json"), ("ics", out / "f.ics"), ("csv", out / "csv")):
        assert main(["--data-dir", str(folder), "export", "--format", fmt, "--out", str(target)]) == 0
    found = modes(out)
    assert "csv/contacts.csv" in found and "all.json" in found and "f.ics" in found
    for name, bits in found.items():
        if name != ".":
            assert bits == (0o700 if (out / name).is_dir() else 0o600), (name, oct(bits))


def test_an_atomic_write_keeps_the_mode_and_a_new_file_is_private(tmp_path: Path) -> None:
    new = tmp_path / "export.json"
    files.atomic_write(new, b"{}")
    assert mode(new) == 0o600
    os.chmod(new, 0o644)  # the user shares the export on purpose
    files.atomic_write(new, b"{}\n")
    assert mode(new) == 0o644
    assert mode(files.write_temp(tmp_path / "other.json", b"")) == 0o600


def test_a_folder_open_to_others_is_warned_about_once(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"

    def warnings(*args: str) -> list[str]:
        assert main(["--data-dir", str(folder), *args]) == 0
        return [line for line in capsys.readouterr().err.splitlines() if "warning" in line]

    assert warnings("goal", "add", "Apply") == []
    os.chmod(folder, 0o755)  # as an older Rebound made it
    [said] = warnings("status")
    assert str(folder) in said and "755" in said and "chmod 700" in said
    assert warnings("status") == []  # once
    assert warnings("log", "Apply") == []
    os.chmod(folder, 0o700)
    assert warnings("status") == []
    os.chmod(folder, 0o750)  # opened up again: said again
    assert len(warnings("status")) == 1
