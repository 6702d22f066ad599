"""Two real data folders from one common base, changed through the services on two machines, merged
file by file with ``merge_texts`` as git would: the merged folder opens, shows both machines'
changes, and is the same whichever machine merged."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.services import Rebound, transfer
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.contacts import ContactFields, add_contact
from tui.services.mood import log_mood
from tui.services.status import status
from tui.services.wins import add_win
from tui.store import repo
from tui.sync import merge_texts
from tui.sync.tidy import tidy

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


def data_files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in folder.glob("*.json") if not p.name.startswith(".")}


def merge_folders(base: Path, ours: Path, theirs: Path, into: Path) -> None:
    """What ``git merge`` does with the driver: a file changed on one side only is taken as it is."""
    into.mkdir()
    b, o, t = data_files(base), data_files(ours), data_files(theirs)
    for name in sorted({*o, *t}):
        if name in o and name in t and o[name] != t[name]:
            text = merge_texts(name, b.get(name), o[name], t[name])
        else:
            text = o.get(name, t.get(name))
        (into / name).write_text(text)  # type: ignore[arg-type]


def test_two_machines_changes_merge_into_one_readable_folder(tmp_path: Path) -> None:
    base = tmp_path / "base"
    rb = Rebound.open(base, lambda: NOW)
    apply = goal_service.add_goal(rb, "Apply", target=3)
    gone = goal_service.add_goal(rb, "Old habit")
    checkin_service.log(rb, apply.id, 1)
    repo.set_setting(rb.store, "theme", "dark")
    shutil.copytree(base, tmp_path / "laptop")
    shutil.copytree(base, tmp_path / "desktop")

    laptop = Rebound.open(tmp_path / "laptop", lambda: NOW + timedelta(hours=1))
    checkin_service.log(laptop, apply.id, 1)
    goal_service.add_goal(laptop, "Walk")
    add_contact(laptop, ContactFields("Priya Raman", company="Northwind"))
    log_mood(laptop, 4)
    goal_service.delete_goal(laptop, gone.id)

    desktop = Rebound.open(tmp_path / "desktop", lambda: NOW + timedelta(hours=2))
    checkin_service.log(desktop, apply.id, 2)
    goal_service.edit_goal(desktop, apply.id, name="Apply daily", target=3, period="day")
    add_win(desktop, "Sent the portfolio")
    repo.set_setting(desktop.store, "theme", "light")

    merge_folders(base, tmp_path / "laptop", tmp_path / "desktop", tmp_path / "one")
    merge_folders(base, tmp_path / "desktop", tmp_path / "laptop", tmp_path / "other")
    one = Rebound.open(tmp_path / "one", lambda: NOW + timedelta(hours=3))
    other = Rebound.open(tmp_path / "other", lambda: NOW + timedelta(hours=3))
    assert transfer.export_bytes(one) == transfer.export_bytes(other)

    found = status(one)
    goals = {g["name"]: g for g in found["goals"]}
    assert set(goals) == {"Apply daily", "Walk"}  # the delete of "Old habit" was kept too
    assert goals["Apply daily"]["done"] == 1 + 1 + 2  # both machines' ticks add up
    assert repo.get_settings(one.store)["theme"] == "light"  # the later change
    exported = orjson.loads(transfer.export_bytes(one))["records"]
    assert [c["name"] for c in exported["contacts"]["contacts"]] == ["Priya Raman"]
    assert len(exported["mood-2026"]["mood"]) == 1
    assert "Sent the portfolio" in {w["title"] for w in exported["wins-2026"]["wins"]}


def test_what_spans_files_is_settled_after_the_merge(tmp_path: Path) -> None:
    """A goal deleted on one machine and ticked on the other; a contact deleted on one and logged
    on the other; an application moved to another year's file on one and edited on the other.
    File by file, the merge keeps orphans and two copies; ``tidy`` settles them, and the folder
    then survives an export and import into an empty folder unchanged."""
    from tui.services.applications import AppFields, add_application, edit_application
    from tui.services.contacts import delete_contact, log_interaction

    base = tmp_path / "base"
    rb = Rebound.open(base, lambda: NOW)
    walk = goal_service.add_goal(rb, "Walk")
    goal_service.add_goal(rb, "Apply")
    priya = add_contact(rb, ContactFields("Priya Raman"))
    app = add_application(rb, AppFields("Acme", "Dev"), NOW.date() - timedelta(days=340))
    shutil.copytree(base, tmp_path / "laptop")
    shutil.copytree(base, tmp_path / "desktop")

    laptop = Rebound.open(tmp_path / "laptop", lambda: NOW + timedelta(hours=1))
    goal_service.delete_goal(laptop, walk.id)
    log_interaction(laptop, priya.id, kind="call")
    edit_application(laptop, app.id, AppFields("Acme", "Dev", notes="laptop"), NOW.date())
    desktop = Rebound.open(tmp_path / "desktop", lambda: NOW + timedelta(hours=2))
    checkin_service.log(desktop, walk.id, 1)
    delete_contact(desktop, priya.id)
    edit_application(desktop, app.id, AppFields("Acme", "Dev", notes="desktop"))

    merge_folders(base, tmp_path / "laptop", tmp_path / "desktop", tmp_path / "one")
    merged = Rebound.open(tmp_path / "one", lambda: NOW + timedelta(hours=3))
    assert sorted(p.name for p in (tmp_path / "one").glob("applications-*")) == [
        "applications-2025.json", "applications-2026.json"]
    removed = tidy(merged.store)
    assert [(r.table, r.why) for r in removed] == [
        ("applications", "a later copy of it is in applications-2025.json"),
        ("checkins", "its goal was deleted on another machine"),
        ("interactions", "its contact was deleted on another machine"),
    ]
    assert [g["name"] for g in status(merged)["goals"]] == ["Apply"]
    exported = transfer.export_bytes(merged)
    again = Rebound.open(tmp_path / "again", lambda: NOW + timedelta(hours=3))
    export_file = tmp_path / "export.json"
    export_file.write_bytes(exported)
    transfer.import_records(again, transfer.read_export(export_file))
    assert transfer.export_bytes(again) == exported
    assert tidy(merged.store) == []  # settled: nothing more to do


ops = st.lists(st.one_of(
    st.tuples(st.just("tick"), st.integers(0, 3), st.integers(-1, 2)),
    st.tuples(st.just("add goal"), st.sampled_from(["Read", "Call", "Swim"])),
    st.tuples(st.just("delete goal"), st.integers(0, 3)),
    st.tuples(st.just("rename"), st.integers(0, 3), st.sampled_from(["Walk far", "Apply more"])),
    st.tuples(st.just("theme"), st.sampled_from(["dark", "light", "nord"])),
    st.tuples(st.just("win"), st.sampled_from(["Sent it", "Called back"])),
), max_size=6)


def run(rb: Rebound, steps: list[tuple]) -> None:
    for step in steps:
        goals = repo.goals(rb.store)
        pick = goals[step[1] % len(goals)] if goals and isinstance(step[1], int) else None
        try:
            if step[0] == "tick" and pick:
                checkin_service.log(rb, pick.id, step[2] or 1)
            elif step[0] == "add goal":
                goal_service.add_goal(rb, step[1])
            elif step[0] == "delete goal" and pick:
                goal_service.delete_goal(rb, pick.id)
            elif step[0] == "rename" and pick:
                goal_service.edit_goal(rb, pick.id, name=step[2], target=pick.target, period=pick.period)
            elif step[0] == "theme":
                repo.set_setting(rb.store, "theme", step[1])
            elif step[0] == "win":
                add_win(rb, step[1])
        except InputError:
            pass  # refused as it would be on that machine (a name taken, a day below zero)


def checkins_of(folder: Path) -> dict[str, dict]:
    found = {}
    for name, text in data_files(folder).items():
        if name.startswith("checkins-"):
            for doc in orjson.loads(text)["checkins"].values():
                found[doc["id"]] = doc
    return found


def checkin_ids(folder: Path) -> dict[str, str]:
    return {cid: doc["goal_id"] for cid, doc in checkins_of(folder).items()}


@settings(max_examples=25)
@given(ops, ops)
def test_two_machines_random_changes_merge_the_same_either_way_and_lose_nothing(
        tmp_path_factory: pytest.TempPathFactory, laptop_ops: list, desktop_ops: list) -> None:
    tmp = tmp_path_factory.mktemp("sync")
    rb = Rebound.open(tmp / "base", lambda: NOW)
    walk = goal_service.add_goal(rb, "Walk", target=2)
    goal_service.add_goal(rb, "Apply")
    checkin_service.log(rb, walk.id, 1)
    for name, steps, hours in (("laptop", laptop_ops, 1), ("desktop", desktop_ops, 2)):
        shutil.copytree(tmp / "base", tmp / name)
        run(Rebound.open(tmp / name, lambda hours=hours: NOW + timedelta(hours=hours)), steps)

    exports = []
    for into, first, second in (("one", "laptop", "desktop"), ("other", "desktop", "laptop")):
        merge_folders(tmp / "base", tmp / first, tmp / second, tmp / into)
        merged = Rebound.open(tmp / into, lambda: NOW + timedelta(hours=3))
        tidy(merged.store)
        exports.append(transfer.export_bytes(merged))
        status(merged)  # the store reads every merged file
    assert exports[0] == exports[1]  # the same whichever machine merged

    goals = {g.id for g in repo.goals(Rebound.open(tmp / "one").store, include_archived=True)}
    made = {g.id for side in ("laptop", "desktop")
            for g in repo.goals(Rebound.open(tmp / side).store, include_archived=True)}
    based = {g.id for g in repo.goals(Rebound.open(tmp / "base").store, include_archived=True)}
    assert made - based <= goals  # every goal made on either machine is there
    result = checkins_of(tmp / "one")
    for side in ("laptop", "desktop"):
        for cid, doc in checkins_of(tmp / side).items():
            if doc["goal_id"] in goals and cid not in checkin_ids(tmp / "base") and cid not in result:
                # Every tick of a goal that is still there is kept, but a take-back the merged day
                # cannot hold (the other machine deleted what it took back): no day goes below
                # zero (sync.merge.never_below_zero).
                day_total = sum(d["count"] for d in result.values()
                                if (d["goal_id"], d["day"]) == (doc["goal_id"], doc["day"]))
                assert doc["count"] < 0 and day_total == 0, doc


def test_two_copies_with_equal_stamps_keep_the_one_in_the_file_named_last() -> None:
    from tui.sync.tidy import Removal, removals

    doc = {"id": "m1", "day": "2026-01-01", "score": 3, "updated": "2026-01-01T10:00:00.000000Z"}
    meta = {"1": {"schema": 2, "kind": "mood"}}
    files = {"mood-2025.json": {"_meta": meta, "mood": {"1": doc}},
             "mood-2026.json": {"_meta": meta, "mood": {"4": {**doc, "day": "2025-12-31"}}}}
    assert removals(files) == [Removal("mood-2025.json", "mood", "m1",
                                       "a later copy of it is in mood-2026.json")]
    files["mood-2025.json"]["mood"]["1"]["updated"] = "2026-01-02T10:00:00.000000Z"
    assert [r.file for r in removals(files)] == ["mood-2026.json"]
