"""Records held in memos for years of data share what repeats (``store/compact.py``): one object
per contact id, kind, day and tag set, across files; and contacts.json lets its parsed records
go once its memo is made, like a year's file, while every change is still seen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.core.contacts import Contact, Interaction
from tui.core.mood import MoodEntry
from tui.store import Store, repo
from tui.store import contacts as contact_repo
from tui.store import mood as mood_repo

TODAY = date(2026, 5, 10)


def open_store(folder: Path) -> Store:
    return Store.open(folder, today=lambda: TODAY)


def test_interactions_from_two_years_share_their_contact_id_kind_and_day(tmp_path: Path) -> None:
    writer = open_store(tmp_path)
    contact = Contact(repo.new_id(), "Ada", date(2024, 1, 1))
    contact_repo.save_contact(writer, contact)
    for n, day in enumerate((date(2024, 3, 1), date(2025, 3, 1), date(2025, 3, 1))):
        contact_repo.insert_interaction(writer, Interaction(repo.new_id(), contact.id, day, "coffee", f"n{n}"))
    found = contact_repo.interactions(open_store(tmp_path))
    assert len(found) == 3 and {i.contact_id for i in found} == {contact.id}
    assert len({id(i.contact_id) for i in found}) == 1  # parsed from two files, held once
    assert len({id(i.kind) for i in found}) == 1
    assert found[1].day == found[2].day and found[1].day is found[2].day
    assert not hasattr(found[0], "__dict__")  # slotted: no per-record dictionary


def test_mood_entries_share_their_tag_sets(tmp_path: Path) -> None:
    writer = open_store(tmp_path)
    for n, day in enumerate((date(2024, 6, 1), date(2025, 6, 1))):
        mood_repo.insert_entry(writer, MoodEntry(repo.new_id(), day, 4, ("interview", "walk"), f"n{n}"))
    first, second = mood_repo.entries(open_store(tmp_path))
    assert first.tags == second.tags == ("interview", "walk")
    assert first.tags is second.tags


def test_contacts_file_is_let_go_after_its_memo_and_a_change_is_still_seen(tmp_path: Path) -> None:
    writer = open_store(tmp_path)
    ada = Contact(repo.new_id(), "Ada", date(2024, 1, 1))
    contact_repo.save_contact(writer, ada)
    store = open_store(tmp_path)
    assert [c.name for c in contact_repo.contacts(store)] == ["Ada"]
    held = store.file(contact_repo.CONTACTS)
    assert held.data is None and held.loaded  # let go, its memo current
    contact_repo.save_contact(store, Contact(repo.new_id(), "Grace", date(2024, 2, 1)))
    assert sorted(c.name for c in contact_repo.contacts(store)) == ["Ada", "Grace"]
    assert sorted(c.name for c in contact_repo.contacts(open_store(tmp_path))) == ["Ada", "Grace"]
