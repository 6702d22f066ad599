"""Writer for the race test: waits for "go" on stdin, then logs COUNT check-ins, each its own
transaction.

Usage: race_writer.py FOLDER GOAL_ID TAG COUNT
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

from tui.core.goals import CheckIn
from tui.store import Store, repo


def main() -> None:
    folder, goal_id, tag, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    store = Store.open(folder, today=lambda: date(2024, 5, 10))
    repo.checkins(store)  # warm the cache, as an open app would have
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        sys.exit(2)
    for i in range(count):
        repo.insert_checkin(store, CheckIn(repo.new_id(), goal_id, date(2024, 5, 10), 1, f"{tag}-{i}"))
        # A little work between changes, as a real caller does. Without it the writer that just
        # released the lock takes it again at once (filelock polls every 50 ms), and the two
        # writers run one after the other instead of interleaving.
        time.sleep(random.uniform(0, 0.004))
    print("done", flush=True)


if __name__ == "__main__":
    main()
