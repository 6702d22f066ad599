"""The prompt state, ``.prompt``: what `rebound prompt` reads instead of the data.

Rewritten after every change (``Rebound.change``, undo, restore), under the folder lock so two
processes never leave an older picture behind. It is derived, not data: it is written without
fsync, and a failure to write it removes it (the prompt then prints nothing rather than a stale
line). Its format is ``tui/prompt.py``'s, which carries it to later days without a change.
"""

from __future__ import annotations

import os
from typing import Any

from ..prompt import STATE, VERSION, data_stamps, dumps, read_state
from ..store import files
from ..store import repo
from ..store.contacts import CONTACTS
from .context import Rebound


def _contact_basis(rb: Rebound) -> dict[str, str] | None:
    """The revision tokens of the files follow-ups are computed from (None: one has no token).
    A token changes with every write of its file, so equal tokens mean the same follow-ups."""
    store = rb.store
    revisions = store.revisions()
    names = store.names_matching("interactions-")
    if (store.folder / CONTACTS).exists():
        names.append(CONTACTS)
    basis = {name: revisions.get(name) for name in names}
    return None if not basis or None in basis.values() else basis  # type: ignore[return-value]


def _follow_ups(rb: Rebound, today: Any, basis: dict[str, str] | None,
                before: dict[str, Any] | None) -> list[str]:
    """Every contact's next follow-up day; the last state's when the contacts and interactions
    are unchanged since (a tick must not pay for 800 contacts)."""
    from . import memo

    if basis is not None and before is not None and before.get("basis") == basis:
        return list(before["followups"])
    return sorted(v.next.isoformat() for v in memo.contact_views(rb, today) if v.next)


def prompt_facts(rb: Rebound, before: dict[str, Any] | None = None) -> dict[str, Any]:
    """Today's figures and what carries them forward (see tui/prompt.py); ``before``: the last
    state, whose follow-ups are reused while their files are unchanged."""
    from . import memo
    from .mood import day_mood

    clock = rb.clock
    today = clock.today()
    daily: list[dict[str, Any]] = []
    weekly: list[dict[str, Any]] = []
    for s in memo.summaries(rb, today):
        neutral = s.streak.target == 0  # a rest day, skip or unscheduled day; a week with none active
        pending = not s.streak.complete and not neutral
        entry = {
            "left": pending,
            "at_risk": s.streak.at_risk,
            "carry": 0 if pending else s.streak.current,  # the run once this period closes as it is
            "target": s.goal.target,
        }
        if s.goal.is_weekly:
            weekly.append(entry | {"week": clock.week_of(today).isoformat(),
                                   "start": s.goal.start.isoformat()})
        else:
            daily.append(entry | {"weekdays": sorted(s.goal.weekdays)})
    mood = day_mood(rb, today)
    basis = _contact_basis(rb)
    return {
        "version": VERSION,
        "day": today.isoformat(),
        "day_start_hour": clock.day_start_hour,
        "week_start": clock.week_start,
        "mood": round(mood[0], 2) if mood else None,
        "rest": sorted(r.day.isoformat() for r in repo.rest_days(rb.store) if r.day > today),
        "followups": _follow_ups(rb, today, basis, before),
        "basis": basis,
        "files": data_stamps(str(rb.store.folder)),
        "daily": daily,
        "weekly": weekly,
    }


def refresh(rb: Rebound) -> None:
    """Rewrite the prompt state from the data as it is now, under the folder lock."""
    path = rb.store.folder / STATE
    try:
        with rb.store.transaction():  # reads only: nothing is committed, the lock orders writers
            data = dumps(prompt_facts(rb, read_state(str(rb.store.folder)))).encode()
            files.write_temp(path, data, durable=False).replace(path)
    except Exception:  # noqa: BLE001 - derived: a failure must never undo or hide the change
        try:
            os.unlink(path)
        except OSError:
            pass
