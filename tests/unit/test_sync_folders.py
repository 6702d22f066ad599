"""Two real data folders from one common base, changed through the services on two machines, merged
file by file with ``merge_texts`` as git would: the merged folder opens, shows both machines'
changes, and is the same whichever machine merged."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import orjson

from tui.services import Rebound, transfer
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.contacts import ContactFields, add_contact
from tui.services.mood import log_mood
from tui.services.status import status
from tui.services.wins import add_win
from tui.store import repo
from tui.sync import merge_texts

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
