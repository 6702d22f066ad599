"""The plain-TinyDB baseline: the same data in one file with the default JSONStorage, and the
same tick as a single check-in insert."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
from tinydb import TinyDB

from tui.store import repo


def build(data_dir: Path, target: Path) -> dict[str, int]:
    """One TinyDB file holding every table of the Rebound data folder (check-ins of all years in
    one ``checkins`` table)."""
    tables: dict[str, list[dict[str, object]]] = {}
    for path in sorted(data_dir.glob("*.json")):
        if path.name.startswith("."):
            continue
        for name, docs in orjson.loads(path.read_bytes()).items():
            if name != "_meta":
                tables.setdefault(name, []).extend(docs.values())
    target.unlink(missing_ok=True)
    with TinyDB(target) as db:
        for name, docs in tables.items():
            db.table(name).insert_multiple(docs)
    return {name: len(docs) for name, docs in tables.items()}


def tick_times(path: Path, goal_id: str, runs: int) -> list[float]:
    """Seconds per insert of one check-in doc (read the file, add, write it all back)."""
    times = []
    with TinyDB(path) as db:
        checkins = db.table("checkins")
        for i in range(runs):
            doc = {"id": repo.new_id(), "goal_id": goal_id, "day": "2030-01-01",
                   "count": 1 if i % 2 == 0 else -1, "note": "", "at": "2030-01-01T09:00:00+00:00"}
            started = time.perf_counter()
            checkins.insert(doc)
            times.append(time.perf_counter() - started)
    return times
