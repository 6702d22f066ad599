"""`rebound export` and `rebound import` as real subprocesses (product.md §4)."""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
from pathlib import Path
from typing import Callable

import pytest
from icalendar import Calendar

from cli_support import Result, assert_refused, run_cli, snapshot
from tui.demo import generate
from tui.services import Rebound

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def in_folder(cli_env: dict[str, str], tmp_path: Path) -> Callable[..., Result]:
    """``in_folder(folder, *args)`` runs the CLI on another data folder."""

    def run(folder: Path, *args: str) -> Result:
        return run_cli("--data-dir", str(folder), *args, env=cli_env, cwd=tmp_path)

    return run


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    generate(Rebound.open(folder))
    return folder


def test_json_round_trip_of_the_demo_data(demo_dir: Path, tmp_path: Path, in_folder) -> None:
    exported = in_folder(demo_dir, "export")
    assert exported.code == 0 and exported.err == "", exported.describe()
    data = json.loads(exported.out)
    assert data["format"] == "rebound-export" and isinstance(data["schema"], int)
    (tmp_path / "export.json").write_text(exported.out, encoding="utf-8")
    fresh = tmp_path / "fresh"
    imported = in_folder(fresh, "import", str(tmp_path / "export.json"))
    assert imported.code == 0 and "Imported" in imported.out, imported.describe()
    assert in_folder(fresh, "export").out == exported.out
    assert in_folder(fresh, "status", "--json").out == in_folder(demo_dir, "status", "--json").out


def test_export_out_file_and_import_refuses_non_empty_unless_merge(demo_dir: Path, tmp_path: Path,
                                                                  in_folder) -> None:
    out = tmp_path / "all.json"
    assert in_folder(demo_dir, "export", "--format", "json", "--out", str(out)).out == ""
    before = snapshot(demo_dir)
    assert_refused(in_folder(demo_dir, "import", str(out)), "--merge")
    assert snapshot(demo_dir) == before
    merged = in_folder(demo_dir, "import", str(out), "--merge")
    assert merged.code == 0 and "already present" in merged.out, merged.describe()
    assert json.loads(in_folder(demo_dir, "export").out) == json.loads(out.read_text("utf-8"))


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{broken", "not valid JSON"),
        ('{"format": "loop"}', "not a Rebound export"),
        ('{"format": "rebound-export", "schema": 999, "records": {}}', "newer Rebound"),
    ],
)
def test_bad_files_are_refused_with_nothing_changed(rebound, data_dir: Path, tmp_path: Path,
                                                    content: str, fragment: str) -> None:
    rebound("goal", "add", "Send applications")
    before = snapshot(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert_refused(rebound("import", str(bad), "--merge"), fragment)
    assert snapshot(data_dir) == before


def test_missing_file_is_refused(rebound, tmp_path: Path) -> None:
    assert_refused(rebound("import", str(tmp_path / "nope.json")), "nope.json")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs permissions")
def test_unwritable_data_folder_exits_3(demo_dir: Path, tmp_path: Path, in_folder) -> None:
    out = tmp_path / "all.json"
    in_folder(demo_dir, "export", "--out", str(out))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = in_folder(locked, "import", str(out))
        assert_refused(result, str(locked), code=3)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_csv_export_writes_one_file_per_kind(demo_dir: Path, tmp_path: Path, in_folder) -> None:
    out = tmp_path / "sheets"
    result = in_folder(demo_dir, "export", "--format", "csv", "--out", str(out))
    assert result.code == 0 and result.err == "", result.describe()
    assert {"goals.csv", "checkins.csv", "contacts.csv", "interactions.csv", "mood.csv",
            "wins.csv"} <= {p.name for p in out.iterdir()}
    with (out / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "Priya Raman" in {r["name"] for r in rows}


def test_csv_needs_a_folder(rebound) -> None:
    assert_refused(rebound("export", "--format", "csv"), "--out")


def test_ics_export_parses_back(demo_dir: Path, in_folder) -> None:
    result = in_folder(demo_dir, "export", "--format", "ics")
    assert result.code == 0, result.describe()
    events = list(Calendar.from_ical(result.out).walk("VEVENT"))
    assert any(str(e["SUMMARY"]) == "Follow up with Marcus Lee" and
               "portfolio link" in str(e["DESCRIPTION"]) for e in events)


def test_loop_import_from_the_command_line(rebound, status) -> None:
    result = rebound("import", "--from", "loop", str(FIXTURES / "loop" / "Loop Habits CSV 2026-03-20"))
    assert result.code == 0 and "Imported 4 goals" in result.out, result.describe()
    names = {g["name"] for g in status()["goals"]}
    assert names == {"Meditate", "Run", "Gym"}


def test_data_folder_that_cannot_be_created_exits_3(demo_dir: Path, tmp_path: Path, in_folder) -> None:
    out = tmp_path / "all.json"
    in_folder(demo_dir, "export", "--out", str(out))
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert_refused(in_folder(not_a_folder / "data", "import", str(out)), "data folder", code=3)


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE")
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_failing_export_keeps_the_previous_one_whole(demo_dir: Path, tmp_path: Path, cli_env,
                                                       in_folder, fmt: str) -> None:
    """A real failed write (past `ulimit -f`, as a full disk fails it) leaves the previous export
    byte-identical and no temporary file: the export is written beside it, then renamed."""
    import resource
    import signal
    import subprocess

    out = tmp_path / "exports" / ("rebound.json" if fmt == "json" else "sheets")
    out.parent.mkdir()
    assert in_folder(demo_dir, "export", "--format", fmt, "--out", str(out)).code == 0
    files = [out] if fmt == "json" else sorted(out.iterdir())
    before = {p: p.read_bytes() for p in files}
    assert in_folder(demo_dir, "goal", "add", "Something new").code == 0
    limit = max(len(b) for b in before.values()) // 2

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(demo_dir), "export",
                           "--format", fmt, "--out", str(out)], env=cli_env, capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL, preexec_fn=limited)
    assert proc.returncode == 1 and "File too large" in proc.stderr and "Traceback" not in proc.stderr
    assert {p: p.read_bytes() for p in files} == before
    assert [p.name for p in out.parent.rglob("*") if ".tmp-" in p.name] == []


def test_an_import_with_a_ten_megabyte_note_is_refused_and_changes_nothing(
        demo_dir: Path, tmp_path: Path, in_folder) -> None:
    export = json.loads(in_folder(demo_dir, "export").out)
    year_file = next(name for name in export["records"] if name.startswith("checkins-"))
    checkin = export["records"][year_file]["checkins"][0]
    checkin["note"] = "x" * 10_000_000
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    target = tmp_path / "target"
    assert in_folder(target, "goal", "add", "Already here").code == 0
    before = snapshot(target)
    line = assert_refused(in_folder(target, "import", str(path), "--merge"), checkin["id"],
                          "note is 10000000 characters", "nothing was imported")
    assert len(line) < 300
    assert snapshot(target) == before


def test_a_loop_zip_bomb_is_refused_without_being_read(rebound, data_dir: Path, tmp_path: Path) -> None:
    """A zip of a few hundred KB declaring more CSV than the 64 MB cap: exit 1, one line, no folder."""
    import zipfile

    bomb = tmp_path / "bomb.zip"
    loop = FIXTURES / "loop" / "Loop Habits CSV 2026-03-20"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for p in loop.rglob("*.csv"):
            archive.write(p, p.relative_to(loop).as_posix())
        with archive.open("005 Bomb/Checkmarks.csv", "w", force_zip64=True) as member:
            for _ in range(65):
                member.write(b"0" * 2**20)
    assert bomb.stat().st_size < 200_000
    assert_refused(rebound("import", "--from", "loop", str(bomb)), "unpacks to more than 64 MB",
                   "nothing was imported")
    assert snapshot(data_dir) == {}


def test_export_out_to_a_link_writes_through_it(demo_dir: Path, tmp_path: Path, in_folder) -> None:
    """Only a regular file is replaced by the rename; a link (as /dev/stdout is) stays a link."""
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    assert in_folder(demo_dir, "export", "--out", str(link)).code == 0
    assert link.is_symlink() and json.loads(target.read_text("utf-8"))["format"] == "rebound-export"
