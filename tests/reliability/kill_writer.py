"""Writer for the kill -9 test: loops forever over three kinds of transaction.

Sequence n is one all-or-nothing transaction over two files: a check-in with note "n"
(checkins-YYYY.json) and the one skip moved from day(n - 1) to day(n) (rebound.json). Then two
single-file transactions: setting ``last_seq = n`` (rebound.json) and a check-in with note "s<n>"
(checkins-YYYY.json). On start it finishes the single-file steps of the last n.

Usage: kill_writer.py FOLDER TODAY
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from tui.core.goals import CheckIn, Goal
from tui.store import Store, repo

GOAL_ID = "0" * 31 + "1"
BASE = date(2000, 1, 1)
PER_YEAR = 300  # spread check-ins over several yearly files so that each stays small


def skip_day(n: int) -> date:
    return BASE + timedelta(days=n)


def checkin_day(n: int) -> date:
    return date(2001 + n // PER_YEAR, 6, 1)


def main() -> None:
    folder, today = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
    store = Store.open(folder, today=lambda: today)
    with store.transaction():
        if not any(g.id == GOAL_ID for g in repo.goals(store, include_archived=True)):
            repo.insert_goal(store, Goal(GOAL_ID, "Apply", BASE))
        notes = {c.note for c in repo.checkins(store)}
        n = max((int(note) for note in notes if note.isdigit()), default=0)
        if n:  # finish the single-file steps a kill cut short, so the sequences stay gapless
            if repo.get_settings(store).get("last_seq") != n:
                repo.set_setting(store, "last_seq", n)
            if f"s{n}" not in notes:
                single = CheckIn(repo.new_id(), GOAL_ID, checkin_day(n), 1, f"s{n}")
                repo.insert_checkin(store, single)
    print("started", n, flush=True)
    while True:
        n += 1
        with store.transaction():
            repo.insert_checkin(store, CheckIn(repo.new_id(), GOAL_ID, checkin_day(n), 1, str(n)))
            repo.set_skip(store, GOAL_ID, skip_day(n - 1), False)
            repo.set_skip(store, GOAL_ID, skip_day(n), True)
        repo.set_setting(store, "last_seq", n)
        repo.insert_checkin(store, CheckIn(repo.new_id(), GOAL_ID, checkin_day(n), 1, f"s{n}"))


if __name__ == "__main__":
    main()
