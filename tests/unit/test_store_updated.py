"""Every record carries ``updated`` (when it last changed, UTC to the microsecond), stamped in one
place of the store's write path; folders from before it are migrated after a backup; export and
import keep it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn
from tui.demo import generate
from tui.services import Rebound, transfer
from tui.services.checkins import set_rest, set_skip
from tui.services.undo import undo
from tui.services.wins import add_win
from tui.store import Store, repo, schema
from tui.store.backups import BACKUPS

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def stored(folder: Path) -> dict[str, dict]:
    return {p.name: orjson.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))
            if not p.name.startswith(".")}  # caches are no records


def every_record(folder: Path):
    for name, data in stored(folder).items():
        for table, docs in data.items():
            if table != schema.META:
                for doc in docs.values():
                    yield name, table, doc


def test_every_kind_of_record_is_stamped(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path, lambda: NOW)
    generate(rb)  # goals, check-ins, rest days, skips, contacts, interactions, moods,
    goal = repo.goals(rb.store)[0]  # rejections, reflections, applications and wins
    set_skip(rb, goal.id, date(2026, 11, 20), True)
    set_rest(rb, date(2026, 11, 21), True, "off")
    add_win(rb, "mine", date(2026, 11, 25))
    repo.set_setting(rb.store, "week_start", 0)
    tables = set()
    for name, table, doc in every_record(tmp_path):
        assert STAMP.match(doc.get("updated", "")), (name, table, doc)
        tables.add(table)
    assert tables >= {"goals", "checkins", "rest_days", "skips", "settings", "contacts",
                      "interactions", "mood", "rejections", "applications", "wins"}


def test_a_change_stamps_what_it_changed_and_nothing_else(tmp_path: Path) -> None:
    times = iter([NOW, NOW + timedelta(minutes=1), NOW + timedelta(minutes=2)])
    store = Store.open(tmp_path, now=lambda: next(times))
    one = repo.goal_from_doc({"id": "g1", "name": "One", "start": "2026-11-01", "target": 1,
                              "period": "day", "weekdays": [0, 1, 2, 3, 4, 5, 6]})
    repo.insert_goal(store, one)
    repo.insert_goal(store, repo.goal_from_doc({**repo.goal_to_doc(one), "id": "g2", "name": "Two"}))
    repo.update_goal(store, repo.goal_from_doc({**repo.goal_to_doc(one), "name": "Uno"}))
    goals = {d["id"]: d for d in stored(tmp_path)["rebound.json"]["goals"].values()}
    assert goals["g1"]["updated"] == "2026-11-26T09:32:00.000000Z"
    assert goals["g2"]["updated"] == "2026-11-26T09:31:00.000000Z"
    before = (tmp_path / "rebound.json").read_bytes()
    repo.update_goal(store, repo.goal_from_doc({**repo.goal_to_doc(one), "name": "Uno"}))
    assert (tmp_path / "rebound.json").read_bytes() == before  # the same content is no change


def test_one_change_has_one_time_and_a_clock_stepping_back_never_orders_changes_backwards(
        tmp_path: Path) -> None:
    times = iter([NOW, NOW - timedelta(hours=1)])
    store = Store.open(tmp_path, now=lambda: next(times))
    with store.transaction():
        repo.insert_checkin(store, CheckIn("c1", "g", date(2026, 11, 25), 1))
        repo.insert_checkin(store, CheckIn("c2", "g", date(2026, 11, 25), 1))
    repo.insert_checkin(store, CheckIn("c3", "g", date(2026, 11, 25), 1))
    stamps = {d["id"]: d["updated"] for d in stored(tmp_path)["checkins-2026.json"]["checkins"].values()}
    assert stamps["c1"] == stamps["c2"] == "2026-11-26T09:30:00.000000Z"
    assert stamps["c3"] == "2026-11-26T09:30:00.000001Z"


def test_undo_puts_a_record_back_exactly_with_its_stamp(tmp_path: Path) -> None:
    clock = [NOW]
    rb = Rebound.open(tmp_path, lambda: clock[0])
    repo.set_setting(rb.store, "theme", "dark")
    before = stored(tmp_path)["rebound.json"]["settings"]
    clock[0] = NOW + timedelta(hours=1)
    with rb.change("theme"):
        repo.set_setting(rb.store, "theme", "light")
    assert stored(tmp_path)["rebound.json"]["settings"] != before
    undo(rb)
    assert stored(tmp_path)["rebound.json"]["settings"] == before  # to a sync: untouched


def test_an_old_folder_gains_updated_after_a_backup(tmp_path: Path) -> None:
    goal = {"id": "g1", "name": "One", "start": "2026-11-01", "target": 1, "period": "day",
            "weekdays": [0, 1, 2, 3, 4, 5, 6]}
    app = {"id": "a1", "company": "Acme", "role": "Dev", "applied": "2026-11-02",
           "history": [["applied", "2026-11-02"]], "updated": "2026-11-02T10:00:00+01:00"}
    old_main = orjson.dumps({"_meta": {"1": {"schema": 1, "kind": "rebound"}},
                             "goals": {"1": goal}, "settings": {"1": {"id": "settings", "theme": "x"}}})
    old_apps = orjson.dumps({"_meta": {"1": {"schema": 1, "kind": "applications"}},
                             "applications": {"1": app}})
    (tmp_path / "rebound.json").write_bytes(old_main)
    (tmp_path / "applications-2026.json").write_bytes(old_apps)

    rb = Rebound.open(tmp_path, lambda: NOW)
    assert repo.get_settings(rb.store) == {"theme": "x"}  # ``updated`` is no setting
    assert (tmp_path / "rebound.json").read_bytes() == old_main  # reading alone writes nothing
    repo.set_setting(rb.store, "week_start", 0)
    assert (tmp_path / BACKUPS / "pre-migration-v1" / "rebound.json").read_bytes() == old_main
    saved = stored(tmp_path)["rebound.json"]
    assert saved["_meta"]["1"]["schema"] == schema.SCHEMA_VERSION == 2
    assert saved["goals"]["1"] == {**goal, "updated": schema.NEVER}  # older than any change
    assert saved["settings"]["1"]["updated"] == "2026-11-26T09:30:00.000000Z"

    [migrated] = rb.store.file("applications-2026.json").read()["applications"].values()
    assert migrated["updated"] == "2026-11-02T09:00:00.000000Z"  # its own time, in the new form
    assert schema.file_problem(old_apps) is None  # a v1 backup is still a good backup


def test_export_and_import_keep_every_stamp(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path / "a", lambda: NOW)
    generate(rb)
    with rb.change("later"):
        repo.set_setting(rb.store, "theme", "dark")
    exported = transfer.export_bytes(rb)
    other = Rebound.open(tmp_path / "b", lambda: NOW + timedelta(days=3))
    repo.set_setting(other.store, "theme", "light")  # opening the app may save a setting first
    transfer.import_records(other, transfer.read_export(write(tmp_path / "x.json", exported)))
    assert transfer.export_bytes(other) == exported
    assert b'"updated"' in exported


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("value", ["2026-11-02", "yesterday", None, 7])
def test_a_migrated_stamp_that_is_no_moment_becomes_the_oldest(value: object) -> None:
    data = {"_meta": {"1": {"schema": 1, "kind": "x"}}, "t": {"1": {"id": "r", "updated": value}}}
    assert schema.migrate(data)["t"]["1"]["updated"] == schema.NEVER


def test_generated_busy_years_are_stamped_in_the_one_form(tmp_path: Path) -> None:
    """Bulk inserts stamp too; an application's own time is kept, in the one form."""
    from tui.demo import generate_history

    generate_history(Rebound.open(tmp_path, lambda: NOW), years=1)
    stamps = {(table, doc.get("updated")) for _, table, doc in every_record(tmp_path)}
    assert {table for table, _ in stamps} >= {"checkins", "mood", "rejections", "applications",
                                              "wins"}
    assert all(isinstance(s, str) and STAMP.match(s) for _, s in stamps)
    assert len({s for table, s in stamps if table == "applications"}) > 1  # each its own time
