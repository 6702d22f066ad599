"""`rebound restore [FILE]`: a broken data file is kept aside and its newest good backup put back."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_support import assert_refused, snapshot

BROKEN = b'{"_meta": {"1": {"schema": 1}}, "goals": {"1": {"name": '


def seed(ok) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("log", "Send applications")  # the first change of the day after data exists backs it up


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("rebound.json.broken-*"))


def test_nothing_to_restore_when_every_file_reads_fine(ok, data_dir: Path) -> None:
    seed(ok)
    before = snapshot(data_dir)
    result = ok("restore")
    assert "Nothing to restore" in result.out
    assert snapshot(data_dir) == before


def test_restore_puts_the_backup_back_and_keeps_the_broken_file(ok, rebound, status, data_dir: Path) -> None:
    seed(ok)
    backup = sorted((data_dir / "backups").rglob("rebound.json"))[-1]
    main = data_dir / "rebound.json"
    main.write_bytes(BROKEN)
    assert_refused(rebound("status"), str(main), "rebound restore", code=3)

    result = ok("restore")
    [kept] = kept_copies(data_dir)
    assert kept.read_bytes() == BROKEN
    assert main.read_bytes() == backup.read_bytes()
    assert "Restored rebound.json" in result.out and kept.name in result.out
    assert [g["name"] for g in status()["goals"]] == ["Send applications"]
    assert status()["goals"][0]["done"] == 1  # the check-ins file was not touched
    assert not [p for p in data_dir.iterdir() if ".tmp-" in p.name]


def test_restore_of_a_named_file(ok, rebound, data_dir: Path) -> None:
    seed(ok)
    (data_dir / "rebound.json").write_bytes(BROKEN)
    checkins = next(data_dir.glob("checkins-*.json"))
    before = snapshot(data_dir)
    assert_refused(rebound("restore", "nothing.json"), "nothing.json", code=1)
    assert_refused(rebound("restore", checkins.name), checkins.name, "not damaged", code=1)
    assert snapshot(data_dir) == before
    ok("restore", str(data_dir / "rebound.json"))  # a path works too: only its name counts
    assert len(kept_copies(data_dir)) == 1
    ok("goal", "list")


def test_without_a_good_backup_restore_exits_3_and_changes_nothing(ok, rebound, data_dir: Path) -> None:
    seed(ok)
    shutil.rmtree(data_dir / "backups")
    main = data_dir / "rebound.json"
    main.write_bytes(BROKEN)
    before = snapshot(data_dir)
    assert_refused(rebound("restore"), str(main), "no backup", code=3)
    assert snapshot(data_dir) == before


def test_help_lists_restore(ok) -> None:
    assert "restore" in ok("--help").out
    assert "FILE" in ok("restore", "--help").out
