"""Imports that would explode are refused whole: fields past the limits of typing them, an id twice,
check-ins of a goal that is not there, a year Rebound cannot have written, a Loop archive that
unpacks past its cap. And an import is one pass: no search of the table per record."""

from __future__ import annotations

import copy
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core.errors import InputError
from tui.services import Rebound, loop_import, transfer
from tui.services.goals import add_goal
from tui.store import records, repo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
LOOP = Path(__file__).resolve().parents[1] / "fixtures" / "loop" / "Loop Habits CSV 2026-03-20"


def open_rb(folder: Path) -> Rebound:
    return Rebound.open(folder, lambda: NOW)


def on_disk(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))
            if p.is_file() and p.name != ".rebound.lock"}


@pytest.fixture
def source(tmp_path: Path) -> dict[str, Any]:
    """A small export: one goal with two check-ins and a skip, one contact with an interaction."""
    rb = open_rb(tmp_path / "source")
    from tui.services.checkins import log, set_skip
    from tui.services.contacts import ContactFields, add_contact, log_interaction

    goal = add_goal(rb, "Apply")
    log(rb, goal.id, 2, note="two letters")
    set_skip(rb, goal.id, NOW.date().replace(day=20), True)
    contact = add_contact(rb, ContactFields("Ada Lovelace"))
    log_interaction(rb, contact.id, kind="call", note="hello")
    return orjson.loads(transfer.export_bytes(rb))


def refused(tmp_path: Path, payload: dict[str, Any], fragment: str, *, into: Rebound | None = None,
            merge: bool = False) -> str:
    rb = into or open_rb(tmp_path / "target")
    rb.store.folder.mkdir(parents=True, exist_ok=True)
    before = on_disk(rb.store.folder)
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(payload))
    with pytest.raises(InputError) as caught:
        transfer.import_records(rb, transfer.read_export(path), merge=merge)
    message = str(caught.value)
    assert fragment in message and "nothing was imported" in message, message
    assert "\n" not in message
    assert on_disk(rb.store.folder) == before
    return message


def table(payload: dict[str, Any], prefix: str, name: str) -> list[dict[str, Any]]:
    files = [f for f in payload["records"] if f.startswith(prefix) and name in payload["records"][f]]
    return payload["records"][files[0]][name]


def test_a_ten_megabyte_note_is_refused_naming_the_record(tmp_path: Path, source: dict[str, Any]) -> None:
    checkin = table(source, "checkins-", "checkins")[0]
    checkin["note"] = "x" * 10_000_000
    message = refused(tmp_path, source, checkin["id"])
    assert "note is 10000000 characters; the limit is 500" in message and len(message) < 300


@pytest.mark.parametrize("where, field, value, fragment", [
    ("goals", "name", "g" * 81, "goal name is 81 characters"),
    ("goals", "name", "   ", "goal name cannot be empty"),
    ("goals", "target", 10**9, "target 1000000000 is outside"),
    ("contacts", "notes", "n" * 2001, "notes is 2001 characters"),
    ("contacts", "tags", [f"t{i}" for i in range(13)], "at most 12 tags"),
    ("interactions", "note", "bell\x07", "control characters"),
    ("checkins", "count", 10**7, "count 10000000 is outside"),
    ("goals", "counts", "interactions:tea", "unknown interaction kind 'tea'"),
    ("goals", "counts", "tweets", "counts must be manual"),
], ids=["long-name", "blank-name", "huge-target", "long-notes", "13-tags", "bell", "huge-count",
        "unknown-kind", "unknown-source"])
def test_fields_past_the_limits_of_typing_them_are_refused(
    tmp_path: Path, source: dict[str, Any], where: str, field: str, value: object, fragment: str,
) -> None:
    prefix = {"goals": "rebound", "contacts": "contacts", "interactions": "interactions-",
              "checkins": "checkins-"}[where]
    doc = table(source, prefix, where)[0]
    doc[field] = value
    assert doc["id"] in refused(tmp_path, source, fragment)


def test_an_id_twice_in_one_import_is_refused_not_merged(tmp_path: Path, source: dict[str, Any]) -> None:
    checkins = table(source, "checkins-", "checkins")
    twin = copy.deepcopy(checkins[0])
    twin["count"] = 5
    checkins.append(twin)
    refused(tmp_path, source, f"two checkins records with the id {twin['id']!r}")


def test_checkins_skips_and_interactions_of_missing_records_are_refused(
    tmp_path: Path, source: dict[str, Any]
) -> None:
    no_goal = copy.deepcopy(source)
    del no_goal["records"]["rebound"]["goals"]
    message = refused(tmp_path, no_goal, "belongs to the goal")
    assert "neither in the file nor in the data folder" in message
    no_contact = copy.deepcopy(source)
    del no_contact["records"]["contacts"]
    refused(tmp_path, no_contact, "belongs to the contact")


def test_merge_accepts_checkins_of_a_goal_already_in_the_folder(tmp_path: Path,
                                                                source: dict[str, Any]) -> None:
    target = open_rb(tmp_path / "target")
    path = tmp_path / "full.json"
    path.write_bytes(orjson.dumps(source))
    transfer.import_records(target, transfer.read_export(path))
    checkin = copy.deepcopy(table(source, "checkins-", "checkins")[0])
    checkin["id"] = "another"
    only_checkins = {**source, "records": {"checkins-2026": {"checkins": [checkin]}}}
    path.write_bytes(orjson.dumps(only_checkins))
    assert transfer.import_records(target, transfer.read_export(path), merge=True).added == 1


@pytest.mark.parametrize("name", ["checkins-1900", "mood-1999", "checkins-2027", "interactions-9999"])
def test_a_year_file_rebound_cannot_have_written_is_refused(tmp_path: Path, source: dict[str, Any],
                                                            name: str) -> None:
    year_file = next(f for f in source["records"] if f.startswith("checkins-"))
    source["records"][name] = source["records"].pop(year_file)
    refused(tmp_path, source, f"{name!r} is not a year Rebound could have written")


def test_bidi_controls_in_imported_text_are_dropped(tmp_path: Path, source: dict[str, Any]) -> None:
    goal = source["records"]["rebound"]["goals"][0]
    goal["name"] = "\u202eylppA"
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(source))
    rb = open_rb(tmp_path / "target")
    transfer.import_records(rb, transfer.read_export(path))
    assert [g["name"] for g in transfer.export_data(rb)["records"]["rebound"]["goals"]] == ["ylppA"]


def test_an_import_is_one_pass_without_a_search_per_record(tmp_path: Path, source: dict[str, Any],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """10k records: 9 s, 20k: 40 s before (each record searched the table and took its max id)."""
    checkins = table(source, "checkins-", "checkins")
    checkins.extend({**checkins[0], "id": f"c{i}", "count": 1} for i in range(2000))
    searches = []
    real_find = records.find
    monkeypatch.setattr(records, "find", lambda *a: searches.append(a) or real_find(*a))
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(source))
    rb = open_rb(tmp_path / "target")
    assert transfer.import_records(rb, transfer.read_export(path)).added > 2000
    assert len(searches) < 10


# Loop archives --------------------------------------------------------------------------------
def loop_zip(path: Path, extra: bytes = b"") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for p in LOOP.rglob("*.csv"):
            archive.write(p, p.relative_to(LOOP).as_posix())
        if extra:
            archive.writestr("005 Bomb/Checkmarks.csv", extra)
    return path


def test_a_loop_zip_unpacking_past_the_cap_is_refused(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loop_import, "MAX_UNPACKED", 1_000_000)  # the real cap is 64 MB
    bomb = loop_zip(tmp_path / "bomb.zip", b"0" * 2_000_000)
    assert bomb.stat().st_size < 20_000
    rb = open_rb(tmp_path / "target")
    with pytest.raises(InputError, match="unpacks to more than 0 MB of CSV.*nothing was imported"):
        loop_import.import_loop(rb, bomb)
    assert list((tmp_path / "target").glob("*.json")) == []


def test_a_loop_zip_whose_sizes_lie_stops_reading_at_the_cap(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loop_import, "MAX_UNPACKED", 1_000_000)
    bomb = loop_zip(tmp_path / "bomb.zip", b"0" * 2_000_000)
    real_infolist = zipfile.ZipFile.infolist

    def lying(self: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        infos = real_infolist(self)
        for info in infos:
            info.file_size = min(info.file_size, 10)  # as a crafted central directory would
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying)
    read: list[int] = []
    real_read = zipfile.ZipExtFile.read
    monkeypatch.setattr(zipfile.ZipExtFile, "read",
                        lambda self, n=-1: read.append(n) or real_read(self, n))
    with pytest.raises(InputError):
        loop_import.import_loop(open_rb(tmp_path / "target"), bomb)
    assert read and all(0 <= n <= 1_000_001 for n in read)


def test_a_loop_zip_within_the_cap_still_imports(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path / "target", lambda: datetime(2026, 3, 20, 12, tzinfo=timezone.utc))
    assert loop_import.import_loop(rb, loop_zip(tmp_path / "loop.zip")).goals == 4


HABITS_HEADER = ("Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,"
                 "Color,Unit,Target Type,Target Value,Archived?\n")


@pytest.mark.parametrize("habit, checkmarks, fragment", [
    ("001,Run,YES_NO,,,1,1,#FF8F00,,,,false", "2026-01-01,YES_MANUAL,bell\x07\n",
     "habit 'Run': 2026-01-01: note cannot contain control characters"),
    ("001,,YES_NO,,,1,1,#FF8F00,,,,false", "", "goal name cannot be empty"),
    ("001," + "R" * 81 + ",YES_NO,,,1,1,#FF8F00,,,,false", "", "81 characters"),
], ids=["control-character-note", "no-name", "long-name"])
def test_a_loop_habit_that_cannot_be_a_goal_is_refused_by_name(
    tmp_path: Path, habit: str, checkmarks: str, fragment: str,
) -> None:
    rb = loop_target(tmp_path)
    with pytest.raises(InputError) as caught:
        loop_import.import_loop(rb, loop_folder(tmp_path, habit, checkmarks))
    assert fragment in str(caught.value) and "nothing was imported" in str(caught.value)
    assert list((tmp_path / "target").glob("*.json")) == []


def test_a_loop_target_loop_cannot_have_written_is_read_as_none(tmp_path: Path) -> None:
    """"inf" crashed the import with an OverflowError; it now reads as no target (1 a day)."""
    rb = loop_target(tmp_path)
    habit = "001,Run,NUMERICAL,,,1,1,#FF8F00,km,AT_LEAST,inf,false"
    loop_import.import_loop(rb, loop_folder(tmp_path, habit, "2026-01-01,5000,\n"))
    assert [(g.name, g.target) for g in repo.goals(rb.store)] == [("Run", 1)]


def loop_target(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path / "target", lambda: datetime(2026, 3, 20, 12, tzinfo=timezone.utc))


def loop_folder(tmp_path: Path, habit: str, checkmarks: str) -> Path:
    source = tmp_path / "loop"
    (source / "001 Run").mkdir(parents=True)
    (source / "Habits.csv").write_text(HABITS_HEADER + habit + "\n", encoding="utf-8")
    (source / "001 Run" / "Checkmarks.csv").write_text("Date,Value,Notes\n" + checkmarks, encoding="utf-8")
    return source
