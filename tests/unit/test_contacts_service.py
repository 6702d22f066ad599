"""Contact use cases: one undoable change each, follow-ups moved by logging, wins kept in step."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.contacts import Urgency
from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import contacts as cs
from tui.services.status import status
from tui.services.undo import undo
from tui.services.wins import all_wins
from tui.store import contacts as repo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def view(rb: Rebound, name: str) -> cs.ContactView:
    return next(v for v in cs.contact_views(rb) if v.contact.name == name)


def add(rb: Rebound, name: str = "Ada", cadence: int | None = 14, **kw) -> str:
    return cs.add_contact(rb, cs.ContactFields(name, cadence=cadence, **kw)).id


def test_recruiter_story(rb: Rebound) -> None:
    """The issue's "done when": 14-day cadence, a coffee, then a backdated call goes overdue."""
    ada = add(rb, "Ada Recruiter", company="Initech", tags="recruiter")
    cs.log_interaction(rb, ada, kind="coffee", note="talked roles")
    assert view(rb, "Ada Recruiter").next == TODAY + timedelta(days=14)
    bob = add(rb, "Bob")
    cs.log_interaction(rb, bob, kind="call", day=ago(20))
    assert view(rb, "Bob").urgency is Urgency.OVERDUE
    assert status(rb)["followups_due"] == [{"name": "Bob", "due": ago(6).isoformat(), "overdue": True}]
    cs.log_interaction(rb, bob, kind="message", note="checked in")
    assert status(rb)["followups_due"] == []


def test_explicit_follow_up_is_cleared_by_logging_in_the_second_half_of_the_wait(
        tmp_path: Path) -> None:
    """Issue 14.3: "in 2 weeks" set on 4 Dec; a thank-you email that day leaves the 18 Dec
    follow-up (and earns no "followed up on time"); an email on 12 Dec clears it, with the win."""
    now = [datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)]
    rb = Rebound.open(tmp_path, now=lambda: now[0])
    ada = add(rb, cadence=None)
    cs.set_follow_up(rb, ada, "in 2 weeks")
    rb.take_earned()
    cs.log_interaction(rb, ada, kind="email", note="thank you")
    assert repo.contact_by_id(rb.store, ada).follow_up == date(2026, 12, 18)
    assert view(rb, "Ada").next == date(2026, 12, 18)
    assert "followed_up" not in {w.kind for w in rb.take_earned()}
    assert "followed_up" not in {w.kind for w in all_wins(rb)}
    now[0] = datetime(2026, 12, 12, 9, 30, tzinfo=timezone.utc)
    cs.log_interaction(rb, ada, kind="email", note="checking in")
    assert repo.contact_by_id(rb.store, ada).follow_up is None
    assert view(rb, "Ada").next is None
    assert "followed_up" in {w.kind for w in rb.take_earned()}


def test_a_same_day_email_leaves_a_follow_up_and_cadence_still_works(rb: Rebound) -> None:
    ada = add(rb, cadence=None)
    cs.set_follow_up(rb, ada, "in 3 days")
    assert view(rb, "Ada").next == TODAY + timedelta(days=3)
    cs.log_interaction(rb, ada, kind="email")
    assert view(rb, "Ada").next == TODAY + timedelta(days=3)  # the first half of the wait
    cs.set_follow_up(rb, ada, "none")
    assert view(rb, "Ada").next is None
    cs.set_follow_up(rb, ada, "every 2 weeks")
    assert view(rb, "Ada").next == TODAY + timedelta(days=14)
    cs.set_follow_up(rb, ada, "none")
    assert view(rb, "Ada").contact.cadence is None


def test_undo_of_a_log_brings_the_follow_up_back(rb: Rebound) -> None:
    ada = add(rb)
    cs.log_interaction(rb, ada, day=ago(20))
    cs.set_follow_up(rb, ada, "today")
    cs.log_interaction(rb, ada, note="on time")
    assert {w.kind for w in rb.take_earned()} == {"followed_up", "reached_out"}
    assert view(rb, "Ada").next == TODAY + timedelta(days=14)
    assert undo(rb) is not None  # deleting the last interaction
    assert view(rb, "Ada").next == TODAY
    assert view(rb, "Ada").last_day == ago(20)
    assert {w.kind for w in all_wins(rb)} == {"reached_out"}  # the one 20 days ago stays


def test_delete_takes_interactions_and_wins_in_one_undoable_change(rb: Rebound) -> None:
    ada = add(rb)
    for n in (400, 30, 2):  # spans two year files
        cs.log_interaction(rb, ada, day=ago(n))
    assert len(rb.store.names_matching(repo.INTERACTIONS)) == 2
    wins_before = len(all_wins(rb))
    assert wins_before
    assert cs.delete_contact(rb, ada) == 3
    assert repo.contacts(rb.store) == [] and repo.interactions(rb.store) == []
    assert all_wins(rb) == []
    undo(rb)
    assert len(repo.interactions(rb.store)) == 3 and len(all_wins(rb)) == wins_before


def test_edit_and_refusals_write_nothing(rb: Rebound) -> None:
    ada = add(rb)
    add(rb, "Bob")
    edited = cs.edit_contact(rb, ada, cs.ContactFields("Ada L", company="Initech", tags="a b", cadence=7))
    assert edited.tags == ("a", "b") and edited.cadence == 7
    history = len(rb.history)
    for call in (
        lambda: cs.edit_contact(rb, ada, cs.ContactFields("bob")),
        lambda: cs.add_contact(rb, cs.ContactFields("  ")),
        lambda: cs.log_interaction(rb, ada, kind="dance"),
        lambda: cs.log_interaction(rb, ada, day=TODAY + timedelta(days=1)),
        lambda: cs.set_follow_up(rb, ada, "someday"),
    ):
        with pytest.raises(InputError):
            call()
    assert len(rb.history) == history
    assert repo.interactions(rb.store) == []


def test_views_sort_by_urgency(rb: Rebound) -> None:
    for name, cadence, back in (("Later", 14, 1), ("Due", 7, 7), ("None", None, 3),
                                ("Overdue", 7, 30), ("Soon", 7, 5)):
        cs.log_interaction(rb, add(rb, name, cadence), day=ago(back))
    assert [v.contact.name for v in cs.contact_views(rb)] == ["Overdue", "Due", "Soon", "Later", "None"]
    assert [v.contact.name for v in cs.followups_due(rb)] == ["Overdue", "Due"]
