"""The networking wins (product.md §3): pure functions of contacts and interactions.

* "followed up on time": an interaction logged on or before the due day of the follow-up it
  answered (``Interaction.due``, see ``contacts.answered_due``: an explicit follow-up only from
  the second half of its wait on), once per (contact, day).
* "reached out this week": the first interaction of each week, across every contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .clock import week_start_of
from .contacts import Contact, Interaction
from .victories import EarnedWin

FOLLOWED_UP = "followed_up"
REACHED_OUT = "reached_out"
CONTACT_KINDS = frozenset({FOLLOWED_UP, REACHED_OUT})


def contact_wins(
    contacts: Iterable[Contact], interactions: Iterable[Interaction], as_of: date, week_start: int = 0
) -> list[EarnedWin]:
    names = {c.id: c.name for c in contacts}
    wins: dict[str, EarnedWin] = {}
    first_of_week: dict[object, Interaction] = {}
    for item in interactions:
        if item.contact_id not in names or item.day > as_of:
            continue
        if item.due is not None and item.day <= item.due:
            win = EarnedWin(FOLLOWED_UP, item.day, f"Followed up on time: {names[item.contact_id]}",
                            item.contact_id)
            wins[win.key] = win
        week = week_start_of(item.day, week_start)
        seen = first_of_week.get(week)
        if seen is None or (item.day, item.at, item.id) < (seen.day, seen.at, seen.id):
            first_of_week[week] = item
    for item in first_of_week.values():
        win = EarnedWin(REACHED_OUT, item.day, f"Reached out this week: {names[item.contact_id]}")
        wins[win.key] = win
    return sorted(wins.values(), key=lambda w: (w.day, w.key))

