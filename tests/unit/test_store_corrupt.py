"""Store: corrupt or foreign files are refused and never overwritten; schema versions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core.goals import CheckIn, Goal
from tui.store import CorruptFileError, NewerSchemaError, Store, StoreError, repo, schema
from tui.store.store import BACKUPS

TODAY = date(2024, 5, 10)


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def open_store(folder: Path, today: date = TODAY) -> Store:
    return Store.open(folder, today=Clock(today))


def make_goal(name: str = "Apply") -> Goal:
    return Goal(id=repo.new_id(), name=name, start=date(2024, 1, 1))


def meta(version: int = 1, kind: str = "rebound") -> dict[str, Any]:
    return {"1": {"schema": version, "kind": kind}}


GOAL_DOC = {"id": "a" * 32, "name": "x", "start": "2024-01-01", "target": 1, "period": "day",
            "weekdays": [0], "archived": False, "created_at": ""}


def valid_main() -> bytes:
    return orjson.dumps({"_meta": meta(), "goals": {"1": GOAL_DOC}}, option=orjson.OPT_INDENT_2)


BROKEN = {
    "truncated JSON": valid_main()[: len(valid_main()) // 2],
    "empty file": b"",
    "only whitespace": b" \n\n",
    "hand-broken JSON (trailing comma)": b'{"_meta": {"1": {"schema": 1}},}',
    "binary garbage": b"\x00\xff\xfe\x00garbage",
    "a JSON list": b"[1, 2, 3]",
    "a JSON string": b'"rebound"',
    "a table that is a list": orjson.dumps({"_meta": meta(), "goals": [GOAL_DOC]}),
    "a record with a non-numeric id": orjson.dumps({"_meta": meta(), "goals": {"abc": GOAL_DOC}}),
    "a record that is not an object": orjson.dumps({"_meta": meta(), "goals": {"1": [1]}}),
    "missing _meta": orjson.dumps({"goals": {"1": GOAL_DOC}}),
    "_meta without schema": orjson.dumps({"_meta": {"1": {"kind": "rebound"}}, "goals": {}}),
    "schema that is a string": orjson.dumps({"_meta": meta("1"), "goals": {}}),  # type: ignore[arg-type]
    "schema that is a bool": orjson.dumps({"_meta": meta(True), "goals": {}}),  # type: ignore[arg-type]
    "schema zero": orjson.dumps({"_meta": meta(0), "goals": {}}),
}


def all_files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".rebound.lock"
    }


@pytest.mark.parametrize("content", BROKEN.values(), ids=list(BROKEN))
def test_broken_main_file_is_refused_named_and_never_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "rebound.json"
    path.write_bytes(content)
    before = all_files(tmp_path)
    store = open_store(tmp_path)

    with pytest.raises(CorruptFileError) as caught:
        repo.goals(store)
    error = caught.value
    assert isinstance(error, StoreError)
    assert error.path == path
    assert str(path) in str(error)
    assert "left untouched" in str(error)
    assert error.backup is None and "no backup" in str(error)

    # Attempts to write, by this store and by a fresh one, are refused too.
    for writer in (store, open_store(tmp_path)):
        for change in (
            lambda s: repo.insert_goal(s, make_goal()),
            lambda s: repo.set_setting(s, "theme", "dark"),
            lambda s: repo.set_skip(s, "a" * 32, TODAY, True),
        ):
            with pytest.raises(CorruptFileError) as again:
                change(writer)
            assert str(path) in str(again.value)
    assert path.read_bytes() == content
    assert all_files(tmp_path) == before  # nothing new: no temp file, journal or backup


@pytest.mark.parametrize("content", [BROKEN["truncated JSON"], b"", b"{}"], ids=["truncated", "empty", "no meta"])
def test_broken_checkins_file_is_refused(tmp_path: Path, content: bytes) -> None:
    store = open_store(tmp_path)
    goal = make_goal()
    repo.insert_goal(store, goal)
    path = tmp_path / "checkins-2024.json"
    path.write_bytes(content)
    fresh = open_store(tmp_path)
    with pytest.raises(CorruptFileError) as caught:
        repo.daily_counts(fresh)
    assert str(path) in str(caught.value)
    with pytest.raises(CorruptFileError):
        repo.insert_checkin(fresh, CheckIn(repo.new_id(), goal.id, TODAY, 1))
    with pytest.raises(CorruptFileError):
        repo.insert_checkin(open_store(tmp_path), CheckIn(repo.new_id(), goal.id, TODAY, 1))
    assert path.read_bytes() == content
    # A change that does not touch the broken file still works and leaves it alone.
    repo.insert_checkin(open_store(tmp_path), CheckIn(repo.new_id(), goal.id, date(2025, 1, 1), 1))
    assert path.read_bytes() == content


def test_file_broken_while_cached_is_noticed_and_kept(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    repo.insert_goal(store, make_goal())
    assert len(repo.goals(store)) == 1
    path = tmp_path / "rebound.json"
    path.write_bytes(b'{"_meta": ')  # another program breaks it
    with pytest.raises(CorruptFileError):
        repo.goals(store)
    with pytest.raises(CorruptFileError):
        repo.insert_goal(store, make_goal("second"))
    assert path.read_bytes() == b'{"_meta": '


def test_error_names_the_newest_readable_backup(tmp_path: Path) -> None:
    clock = Clock(date(2024, 5, 1))
    store = Store.open(tmp_path, today=clock)
    goal = make_goal()
    repo.insert_goal(store, goal)
    for offset in range(1, 3):  # each new day backs up the files before its first change
        clock.day = date(2024, 5, 1) + timedelta(days=offset)
        repo.set_setting(store, "day", offset)
    good_backup = tmp_path / BACKUPS / "2024-05-03" / "rebound.json"
    assert orjson.loads(good_backup.read_bytes())["settings"]["1"]["day"] == 1

    path = tmp_path / "rebound.json"
    path.write_bytes(b"{ broken")
    with pytest.raises(CorruptFileError) as caught:
        repo.goals(open_store(tmp_path, clock.day))
    assert caught.value.backup == good_backup
    assert str(good_backup) in str(caught.value)

    # A later day's change that does not need rebound.json still makes a daily backup, which
    # leaves the broken file out; the error must keep offering a backup that can actually be read.
    clock.day = date(2024, 5, 4)
    repo.insert_checkin(Store.open(tmp_path, today=clock), CheckIn(repo.new_id(), goal.id, clock.day, 1))
    assert not (tmp_path / BACKUPS / "2024-05-04" / "rebound.json").exists()
    with pytest.raises(CorruptFileError) as caught:
        repo.goals(open_store(tmp_path, clock.day))
    assert caught.value.backup == good_backup
    assert path.read_bytes() == b"{ broken"


def test_newer_schema_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "rebound.json"
    content = orjson.dumps({"_meta": meta(schema.SCHEMA_VERSION + 1), "goals": {"1": GOAL_DOC}})
    path.write_bytes(content)
    store = open_store(tmp_path)
    with pytest.raises(NewerSchemaError) as caught:
        repo.goals(store)
    assert isinstance(caught.value, StoreError)
    message = str(caught.value)
    assert str(path) in message
    assert f"schema {schema.SCHEMA_VERSION + 1}" in message and "newer" in message
    with pytest.raises(NewerSchemaError):
        repo.insert_goal(store, make_goal())
    with pytest.raises(NewerSchemaError):
        repo.insert_goal(open_store(tmp_path), make_goal())
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [".rebound.lock", "rebound.json"]


def test_new_files_carry_the_schema_version_and_kind(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    goal = make_goal()
    repo.insert_goal(store, goal)
    repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, TODAY, 1))
    main = orjson.loads((tmp_path / "rebound.json").read_bytes())
    checkins = orjson.loads((tmp_path / "checkins-2024.json").read_bytes())
    assert main["_meta"] == {"1": {"schema": schema.SCHEMA_VERSION, "kind": "rebound"}}
    assert checkins["_meta"] == {"1": {"schema": schema.SCHEMA_VERSION, "kind": "checkins"}}


def test_migration_runs_in_memory_then_saves_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    goals = [make_goal("one"), make_goal("two")]
    for goal in goals:
        repo.insert_goal(store, goal)
    repo.insert_checkin(store, CheckIn(repo.new_id(), goals[0].id, TODAY, 1))
    path = tmp_path / "rebound.json"
    v1 = path.read_bytes()
    checkins_v1 = (tmp_path / "checkins-2024.json").read_bytes()

    calls = []
    now, then = schema.SCHEMA_VERSION, schema.SCHEMA_VERSION + 1  # a future migration

    def to_v2(tables: schema.Tables) -> schema.Tables:
        calls.append(tables[schema.META]["1"]["kind"])
        for doc in tables.get("goals", {}).values():
            doc["name"] = doc["name"].upper()
            doc["colour"] = "teal"
        return tables

    monkeypatch.setattr(schema, "SCHEMA_VERSION", then)
    monkeypatch.setitem(schema.MIGRATIONS, now, to_v2)

    migrated = open_store(tmp_path)
    assert sorted(g.name for g in repo.goals(migrated)) == ["ONE", "TWO"]
    assert calls == ["rebound"]
    assert path.read_bytes() == v1  # reading alone writes nothing
    assert not (tmp_path / BACKUPS / f"pre-migration-v{now}").exists()

    repo.set_setting(migrated, "theme", "dark")  # the first change saves the migrated file
    backup = tmp_path / BACKUPS / f"pre-migration-v{now}" / "rebound.json"
    assert backup.read_bytes() == v1
    saved = orjson.loads(path.read_bytes())
    assert saved["_meta"]["1"]["schema"] == then
    assert {d["name"] for d in saved["goals"].values()} == {"ONE", "TWO"}
    assert {d["colour"] for d in saved["goals"].values()} == {"teal"}
    assert saved["settings"]["1"] == {"id": "settings", "theme": "dark",
                                      "updated": saved["settings"]["1"]["updated"]}
    assert (tmp_path / "checkins-2024.json").read_bytes() == checkins_v1  # untouched: unchanged

    # Once saved, the file is at the new version: no second migration, no second backup.
    again = open_store(tmp_path)
    assert sorted(g.name for g in repo.goals(again)) == ["ONE", "TWO"]
    repo.set_setting(again, "theme", "light")
    assert calls == ["rebound"]
    assert [p.name for p in (tmp_path / BACKUPS).iterdir() if p.name.startswith("pre-")] == [
        f"pre-migration-v{now}"
    ]


@pytest.mark.parametrize("text", ["esc \x1b[31m", "del \x7f", "c1 \x9b", "bell \x07"])
def test_control_codes_in_a_hand_edit_are_refused_whatever_their_encoding(
    tmp_path: Path, text: str
) -> None:
    """The quick byte test that spares the field scan must never miss a control character."""
    store = open_store(tmp_path)
    repo.insert_goal(store, make_goal("fine"))
    path = tmp_path / "rebound.json"
    data = orjson.loads(path.read_bytes())
    next(iter(data["goals"].values()))["name"] = text
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(CorruptFileError, match="control characters"):
        repo.goals(open_store(tmp_path))
