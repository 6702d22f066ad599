"""Editing and deleting past records (product.md §3 "Editing the past"): mood entries,
interactions and own wins; each one undoable change that keeps the derived wins right."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import contacts as contact_service
from tui.services import mood
from tui.services import wins as win_service
from tui.services.transfer import export_data
from tui.services.undo import undo
from tui.services.wins import all_wins

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def kinds(rb: Rebound) -> list[tuple[str, date]]:
    return sorted((w.kind, w.day) for w in all_wins(rb))


# Mood ------------------------------------------------------------------------------------------
def test_deleting_the_good_mood_takes_its_bounce_back_and_undo_brings_both(rb: Rebound) -> None:
    mood.log_mood(rb, 1, day=ago(2))
    good = mood.log_mood(rb, 5)
    assert kinds(rb) == [("bounce_back", TODAY)]
    before = export_data(rb)
    mood.delete_mood(rb, good)
    assert kinds(rb) == [] and [e.score for e in mood.entries(rb)] == [1]
    assert undo(rb) == "delete mood 5 on 2026-11-26"
    assert export_data(rb) == before


def test_editing_a_score_or_day_moves_the_bounce_back(rb: Rebound) -> None:
    mood.log_mood(rb, 2, day=ago(5))
    later = mood.log_mood(rb, 3, day=ago(3))
    assert kinds(rb) == []
    mood.edit_mood(rb, later.id, score=4)
    assert kinds(rb) == [("bounce_back", ago(3))]
    mood.edit_mood(rb, later.id, day=ago(4))
    assert kinds(rb) == [("bounce_back", ago(4))]
    mood.edit_mood(rb, later.id, day=ago(1))  # four days after the low one: too late
    assert kinds(rb) == []
    undo(rb)
    assert kinds(rb) == [("bounce_back", ago(4))]


def test_editing_a_mood_into_last_year_moves_it_between_files(rb: Rebound) -> None:
    entry = mood.log_mood(rb, 3, tags="interview", note="went ok")
    before = export_data(rb)
    edited = mood.edit_mood(rb, entry.id, day=date(2025, 12, 30), tags="offer", note="")
    assert mood.entries(rb) == [edited]
    assert (edited.day, edited.tags, edited.note, edited.score) == (date(2025, 12, 30), ("offer",), "", 3)
    assert set(export_data(rb)["records"]) >= {"mood-2025"}
    undo(rb)
    assert export_data(rb) == before


@pytest.mark.parametrize("change", [
    {"score": 9}, {"score": "x"}, {"day": TODAY + timedelta(days=1)}, {"note": "a\x00b"},
    {"tags": "t" * 40},
])
def test_a_bad_mood_edit_is_refused_and_changes_nothing(rb: Rebound, change: dict) -> None:
    entry = mood.log_mood(rb, 3)
    before = export_data(rb)
    with pytest.raises(InputError):
        mood.edit_mood(rb, entry.id, **change)
    assert export_data(rb) == before and len(rb.history) == 1


def test_a_mood_entry_deleted_elsewhere_is_refused(rb: Rebound) -> None:
    entry = mood.log_mood(rb, 3)
    mood.delete_mood(rb, entry)
    with pytest.raises(InputError, match="no longer exists"):
        mood.delete_mood(rb, entry)
    with pytest.raises(InputError, match="no longer exists"):
        mood.edit_mood(rb, entry.id, score=4)


def test_find_entry_takes_an_id_prefix(rb: Rebound) -> None:
    entry = mood.log_mood(rb, 3)
    assert mood.find_entry(rb, entry.id[:8].upper()) == entry
    with pytest.raises(InputError, match="no mood entry has id"):
        mood.find_entry(rb, "zzzzzzzz")
    with pytest.raises(InputError, match="too short"):
        mood.find_entry(rb, entry.id[:2])


# Interactions ----------------------------------------------------------------------------------
def _contact(rb: Rebound, name: str = "Ada", every: int | None = 7) -> str:
    return contact_service.add_contact(rb, contact_service.ContactFields(name, cadence=every)).id


def test_deleting_the_interaction_behind_followed_up_on_time_removes_the_win(rb: Rebound) -> None:
    ada = _contact(rb)
    contact_service.log_interaction(rb, ada, day=ago(10))
    on_time = contact_service.log_interaction(rb, ada, day=ago(4))
    assert ("followed_up", ago(4)) in kinds(rb)
    before = export_data(rb)
    contact_service.delete_interaction(rb, on_time.id)
    assert ("followed_up", ago(4)) not in kinds(rb)
    assert [i.day for i in contact_service.history(rb, ada)] == [ago(10)]
    undo(rb)
    assert export_data(rb) == before


def test_editing_an_interaction_day_past_its_due_day_takes_the_win(rb: Rebound) -> None:
    ada = _contact(rb)
    contact_service.log_interaction(rb, ada, day=ago(10))
    item = contact_service.log_interaction(rb, ada, day=ago(4))
    contact_service.edit_interaction(rb, item.id, day=ago(1), kind="call", note="late after all")
    assert ("followed_up", ago(4)) not in kinds(rb) and ("followed_up", ago(1)) not in kinds(rb)
    edited = contact_service.interaction_by_id(rb, item.id)
    assert (edited.day, edited.kind, edited.note) == (ago(1), "call", "late after all")


def test_moving_an_interaction_to_the_right_contact_answers_its_follow_up(tmp_path: Path) -> None:
    now = [NOW - timedelta(days=2)]
    rb = Rebound.open(tmp_path, now=lambda: now[0])
    ada, bob = _contact(rb, "Ada"), _contact(rb, "Bob", every=None)
    contact_service.set_follow_up(rb, bob, "in 3 days")  # set two days ago: today is in its second half
    now[0] = NOW
    item = contact_service.log_interaction(rb, ada, day=TODAY)
    assert contact_service.contact_by_id(rb, bob).follow_up == TODAY + timedelta(days=1)
    before = export_data(rb)
    moved = contact_service.edit_interaction(rb, item.id, contact_id=bob)
    assert moved.contact_id == bob and moved.due == TODAY + timedelta(days=1)
    assert contact_service.history(rb, ada) == []
    assert contact_service.contact_by_id(rb, bob).follow_up is None  # answered
    assert any(w.title == "Followed up on time: Bob" for w in all_wins(rb))
    undo(rb)
    assert export_data(rb) == before


def test_bad_interaction_edits_are_refused(rb: Rebound) -> None:
    ada = _contact(rb)
    item = contact_service.log_interaction(rb, ada)
    before = export_data(rb)
    for change in ({"kind": "dance"}, {"day": TODAY + timedelta(days=1)}, {"contact_id": "gone"},
                   {"note": "x" * 501}):
        with pytest.raises(InputError):
            contact_service.edit_interaction(rb, item.id, **change)
    with pytest.raises(InputError, match="no longer exists"):
        contact_service.delete_interaction(rb, "nope")
    assert export_data(rb) == before


# Own wins --------------------------------------------------------------------------------------
def test_own_win_edit_delete_and_undo(rb: Rebound) -> None:
    win = win_service.add_win(rb, "landed an interview", ago(1))
    before = export_data(rb)
    edited = win_service.edit_win(rb, win.id, text=" got feedback ", day=ago(3))
    assert [(w.title, w.day, w.id) for w in all_wins(rb)] == [("got feedback", ago(3), win.id)]
    win_service.delete_win(rb, edited.id)
    assert all_wins(rb) == []
    undo(rb)
    undo(rb)
    assert export_data(rb) == before


def test_own_win_moved_to_last_year_changes_file(rb: Rebound) -> None:
    win = win_service.add_win(rb, "offer!")
    win_service.edit_win(rb, win.id, day=date(2025, 6, 1))
    assert "wins-2025" in export_data(rb)["records"]
    assert [w.day for w in all_wins(rb)] == [date(2025, 6, 1)]


def test_automatic_wins_cannot_be_deleted_or_edited(rb: Rebound) -> None:
    mood.log_mood(rb, 1, day=ago(1))
    mood.log_mood(rb, 5)
    (auto,) = all_wins(rb)
    before = export_data(rb)
    with pytest.raises(InputError, match="automatic wins follow your data"):
        win_service.delete_win(rb, auto.id)
    with pytest.raises(InputError, match="automatic"):
        win_service.edit_win(rb, auto.id, text="mine now")
    assert export_data(rb) == before


@pytest.mark.parametrize("change", [{"text": "  "}, {"text": "x" * 201},
                                    {"day": TODAY + timedelta(days=1)}])
def test_bad_win_edits_are_refused(rb: Rebound, change: dict) -> None:
    win = win_service.add_win(rb, "mine")
    with pytest.raises(InputError):
        win_service.edit_win(rb, win.id, **change)
    assert all_wins(rb) == [win]


def test_deleting_a_reflection_takes_its_win_and_undo_brings_both(rb: Rebound) -> None:
    rejection = mood.log_rejection(rb, "Initech", lesson="Ask about the team first")
    assert kinds(rb) == [("reflected", TODAY)]
    before = export_data(rb)
    mood.delete_rejection(rb, rejection.id)
    assert mood.rejections(rb) == [] and kinds(rb) == [] and len(mood.entries(rb)) == 1
    with pytest.raises(InputError):
        mood.delete_rejection(rb, rejection.id)  # already gone: refused, nothing written
    assert undo(rb) == "delete the reflection on Initech"
    assert export_data(rb) == before
