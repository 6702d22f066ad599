"""Any sequence of adds, edits and deletes of mood entries, interactions and own wins, undone in
reverse, gives back the exact starting export; and after every step the derived wins equal what
a recomputation from scratch gives."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.contact_wins import CONTACT_KINDS, contact_wins
from tui.core.mood import bounce_backs
from tui.services import Rebound
from tui.services import contacts as contact_service
from tui.services import mood
from tui.services import wins as win_service
from tui.services.transfer import export_data
from tui.services.undo import undo
from tui.services.wins import all_wins
from tui.store import contacts as contacts_repo

NOW = datetime(2026, 1, 3, 9, 30, tzinfo=timezone.utc)  # early January: edits cross into last year
TODAY = date(2026, 1, 3)

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["mood", "edit mood", "delete mood", "talk", "edit talk", "move talk",
                         "delete talk", "win", "edit win", "delete win"]),
        st.integers(0, 5),  # which record (modulo how many there are) and which score
        st.integers(0, 12),  # how many days back
    ),
    min_size=1,
    max_size=10,
)


def seeded(folder: Path) -> Rebound:
    ticks = itertools.count()  # a clock that moves: entries of one day keep their order
    rb = Rebound.open(folder, now=lambda: NOW + timedelta(seconds=next(ticks)))
    for name, every in (("Ada", 7), ("Bob", None)):
        contact_service.add_contact(rb, contact_service.ContactFields(name, cadence=every))
    mood.log_mood(rb, 2, day=TODAY - timedelta(days=4))
    rb.history.clear()
    return rb


def apply(rb: Rebound, action: str, which: int, back: int) -> None:
    day = TODAY - timedelta(days=back)
    entries = mood.entries(rb)
    talks = contacts_repo.interactions(rb.store)
    people = contacts_repo.contacts(rb.store)
    own = [w for w in all_wins(rb) if w.manual]
    if action == "mood":
        mood.log_mood(rb, which % 5 + 1, day=day)
    elif action == "edit mood" and entries:
        entry = entries[which % len(entries)]
        mood.edit_mood(rb, entry.id, score=(entry.score + which) % 5 + 1, day=day)
    elif action == "delete mood" and entries:
        mood.delete_mood(rb, entries[which % len(entries)])
    elif action == "talk":
        contact_service.log_interaction(rb, people[which % 2].id, day=day)
    elif action == "edit talk" and talks:
        contact_service.edit_interaction(rb, talks[which % len(talks)].id, day=day, note=f"n{back}")
    elif action == "move talk" and talks:
        talk = talks[which % len(talks)]
        other = next(p for p in people if p.id != talk.contact_id)
        contact_service.edit_interaction(rb, talk.id, contact_id=other.id)
    elif action == "delete talk" and talks:
        contact_service.delete_interaction(rb, talks[which % len(talks)].id)
    elif action == "win":
        win_service.add_win(rb, f"win {which}", day)
    elif action == "edit win" and own:
        win_service.edit_win(rb, own[which % len(own)].id, text=f"edited {back}", day=day)
    elif action == "delete win" and own:
        win_service.delete_win(rb, own[which % len(own)].id)


def derived_right(rb: Rebound) -> None:
    stored = all_wins(rb)
    bounces = sorted(w.day for w in stored if w.kind == "bounce_back")
    assert bounces == sorted(w.day for w in bounce_backs(mood.entries(rb)))
    networking = sorted(w.key for w in stored if w.kind in CONTACT_KINDS)
    expected = contact_wins(contacts_repo.contacts(rb.store), contacts_repo.interactions(rb.store),
                            TODAY)
    assert networking == sorted(w.key for w in expected)


@settings(max_examples=40, deadline=None)
@given(STEPS)
def test_undoing_every_edit_in_reverse_restores_the_exact_export(steps) -> None:
    folder = Path(tempfile.mkdtemp(prefix="rebound-edit-"))
    try:
        rb = seeded(folder)
        start = export_data(rb)
        for step in steps:
            apply(rb, *step)
            derived_right(rb)
        while rb.history:
            undo(rb)
            derived_right(rb)
        assert export_data(rb) == start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
