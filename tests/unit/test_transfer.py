"""Export and import in process: JSON round-trip of the demo data, merge, refusals, undo,
CSV and iCalendar exports, and the Loop Habit Tracker import."""

from __future__ import annotations

import csv
import shutil
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import orjson
import pytest
from icalendar import Calendar

from tui.core.errors import InputError
from tui.demo import generate
from tui.services import Rebound
from tui.services import transfer
from tui.services.export_files import followups_ics, write_csv
from tui.services.loop_import import import_loop
from tui.services.status import status
from tui.services.undo import undo
from tui.services.checkins import set_skip
from tui.store import repo, schema
from tui.store.repo import set_setting

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
LOOP = Path(__file__).resolve().parents[1] / "fixtures" / "loop" / "Loop Habits CSV 2026-03-20"


def open_rb(folder: Path, now: datetime = NOW) -> Rebound:
    return Rebound.open(folder, lambda: now)


@pytest.fixture
def demo(tmp_path: Path) -> Rebound:
    rb = open_rb(tmp_path / "demo")
    generate(rb)
    goal = status_goal_id(rb)
    set_skip(rb, goal, date(2026, 11, 20), True)  # every kind of record, whatever the seed gives
    set_setting(rb.store, "week_start", 0)
    return rb


def status_goal_id(rb: Rebound) -> str:
    return repo.goals(rb.store)[0].id


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def write_export(rb: Rebound, path: Path) -> Path:
    path.write_bytes(transfer.export_bytes(rb))
    return path


def test_export_holds_every_data_file_with_schema_and_marker(demo: Rebound) -> None:
    data = transfer.export_data(demo)
    assert data["format"] == "rebound-export" and data["schema"] == schema.SCHEMA_VERSION
    on_disk = {p.stem for p in demo.store.data_files()}
    assert set(data["records"]) == on_disk  # every file with records, nothing else
    tables = {t for tables in data["records"].values() for t in tables}
    assert {"settings", "goals", "checkins", "rest_days", "skips", "contacts", "interactions", "mood",
            "rejections", "wins"} <= tables


def test_round_trip_into_an_empty_folder_is_identical(demo: Rebound, tmp_path: Path) -> None:
    path = write_export(demo, tmp_path / "export.json")
    copy = open_rb(tmp_path / "copy")
    result = transfer.import_records(copy, transfer.read_export(path))
    assert result.added > 300 and result.already == 0
    assert transfer.export_bytes(copy) == transfer.export_bytes(demo)
    assert status(copy) == status(demo)
    assert open_rb(tmp_path / "copy").store and transfer.export_bytes(
        open_rb(tmp_path / "copy")) == path.read_bytes()  # and it is on disk


def test_import_refuses_a_non_empty_folder_and_merge_never_duplicates(demo: Rebound, tmp_path: Path) -> None:
    path = write_export(demo, tmp_path / "export.json")
    before = files_of(demo.store.folder)
    with pytest.raises(InputError, match="--merge"):
        transfer.import_records(demo, transfer.read_export(path))
    result = transfer.import_records(demo, transfer.read_export(path), merge=True)
    assert result.added == 0 and result.already > 300
    assert transfer.export_bytes(demo) == path.read_bytes()
    assert files_of(demo.store.folder) == before


def test_merge_adds_only_what_is_missing(demo: Rebound, tmp_path: Path) -> None:
    other = open_rb(tmp_path / "other")
    from tui.services.goals import add_goal

    add_goal(other, "Learn SQL")
    result = transfer.import_records(demo, transfer.read_export(write_export(other, tmp_path / "o.json")),
                                     merge=True)
    names = [g["name"] for g in status(demo)["goals"]]
    assert names.count("Learn SQL") == 1 and result.added == 1
    transfer.import_records(demo, transfer.read_export(tmp_path / "o.json"), merge=True)
    assert [g["name"] for g in status(demo)["goals"]].count("Learn SQL") == 1


def test_import_is_one_undoable_change(demo: Rebound, tmp_path: Path) -> None:
    path = write_export(demo, tmp_path / "export.json")
    copy = open_rb(tmp_path / "copy")
    transfer.import_records(copy, transfer.read_export(path))
    assert undo(copy) == "import"
    assert transfer.export_data(copy)["records"] == {}


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"not json", "not valid JSON"),
        (b'{"some": "thing"}', "not a Rebound export"),
        (b'{"format": "rebound-export", "schema": 99, "records": {}}', "newer Rebound"),
        (b'{"format": "rebound-export", "records": {}}', "schema"),
        (b'{"format": "rebound-export", "schema": 1, "records": {"../evil": {}}}', "not a Rebound data file"),
        (b'{"format": "rebound-export", "schema": 1, "records": {"rebound": {"goals": [{"name": "x"}]}}}',
         "without an id"),
        (b'{"format": "rebound-export", "schema": 1, "records": {"rebound": {"goals": [{"id": "g"}]}}}',
         "cannot read"),
    ],
)
def test_bad_files_are_refused_and_change_nothing(tmp_path: Path, content: bytes, fragment: str) -> None:
    rb = open_rb(tmp_path / "data")
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=fragment):
        transfer.import_records(rb, transfer.read_export(path))
    assert files_of(rb.store.folder) == {}
    assert rb.history == []


def test_csv_has_one_file_per_kind_with_headers_and_names(demo: Rebound, tmp_path: Path) -> None:
    written = write_csv(demo, tmp_path / "csv")
    names = {p.name for p in written}
    assert {"goals.csv", "checkins.csv", "contacts.csv", "interactions.csv", "mood.csv",
            "wins.csv", "rest_days.csv"} <= names
    with (tmp_path / "csv" / "checkins.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    goal_names = {g["name"] for g in status(demo)["goals"]}
    assert rows and all(r["goal"] in goal_names for r in rows)
    assert all(date.fromisoformat(r["day"]) for r in rows)
    with (tmp_path / "csv" / "goals.csv").open(encoding="utf-8", newline="") as handle:
        goals = list(csv.DictReader(handle))
    assert any(g["weekdays"] == "mon,tue,wed,thu,fri" for g in goals)  # day names joined with ","


def test_ics_parses_back_with_the_contact_and_last_note(demo: Rebound) -> None:
    cal = Calendar.from_ical(followups_ics(demo))
    events = list(cal.walk("VEVENT"))
    assert events
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Follow up with Priya Raman" in summaries
    priya = events[summaries.index("Follow up with Priya Raman")]
    assert "she'll share the data role" in str(priya["DESCRIPTION"])
    assert isinstance(priya.decoded("DTSTART"), date)


# Loop Habit Tracker ------------------------------------------------------------------------
LOOP_NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)


def loop_status(tmp_path: Path, source: Path) -> tuple[Rebound, dict[str, dict]]:
    rb = open_rb(tmp_path / "data", LOOP_NOW)
    report = import_loop(rb, source)
    assert (report.goals, report.skips) == (4, 1)
    return rb, {g["name"]: g for g in status(rb)["goals"]}


def check_loop_goals(goals: dict[str, dict]) -> None:
    assert set(goals) == {"Meditate", "Run", "Gym"}  # "Old habit" is archived
    med, run, gym = goals["Meditate"], goals["Run"], goals["Gym"]
    # yes, yes, yes, yes, no, yes, skip, yes, yes, yes, (today pending)
    assert (med["current_streak"], med["best_streak"], med["at_risk"]) == (4, 4, True)
    # numeric, target 3 km: 4.5, 3, 2 (a miss), 3.2 today
    assert (run["target"], run["done"], run["current_streak"], run["best_streak"]) == (3, 3, 1, 2)
    # 3 a week: two full weeks, this week 2/3 so far (YES_AUTO days are not check-ins)
    assert (gym["period"], gym["target"], gym["done"]) == ("week", 3, 2)
    assert (gym["current_streak"], gym["at_risk"]) == (2, True)


def test_loop_folder_becomes_goals_with_the_right_streaks(tmp_path: Path) -> None:
    rb, goals = loop_status(tmp_path, LOOP)
    check_loop_goals(goals)
    assert undo(rb) == "import from Loop"
    assert status(rb)["goals"] == []


def test_loop_zip_imports_the_same(tmp_path: Path) -> None:
    archive = tmp_path / "Loop Habits CSV 2026-03-20.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in LOOP.rglob("*.csv"):
            z.write(p, p.relative_to(LOOP).as_posix())
    _, goals = loop_status(tmp_path, archive)
    check_loop_goals(goals)


def test_loop_refuses_a_folder_without_habits(tmp_path: Path) -> None:
    rb = open_rb(tmp_path / "data", LOOP_NOW)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="Habits.csv"):
        import_loop(rb, tmp_path / "empty")
    assert files_of(rb.store.folder) == {}


def test_loop_import_is_all_or_nothing(tmp_path: Path) -> None:
    source = tmp_path / "loop"
    shutil.copytree(LOOP, source)
    with (source / "003 Gym" / "Checkmarks.csv").open("a") as handle:
        handle.write("not-a-date,YES_MANUAL,\n")
    rb = open_rb(tmp_path / "data", LOOP_NOW)
    with pytest.raises(InputError, match="bad date"):
        import_loop(rb, source)
    assert status(rb)["goals"] == []
