"""Two processes log check-ins for the same goal into the same folder at the same time."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from datetime import date
from pathlib import Path

import orjson

from tui.core.goals import Goal
from tui.store import Store, repo

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
PER_PROCESS = 200
TAGS = ("A", "B")


def test_two_racing_writers_lose_no_check_in(tmp_path: Path) -> None:
    store = Store.open(tmp_path, today=lambda: date(2024, 5, 10))
    goal = Goal(id=repo.new_id(), name="Apply", start=date(2024, 1, 1))
    repo.insert_goal(store, goal)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )}
    procs = [
        subprocess.Popen(
            [sys.executable, str(HERE / "race_writer.py"), str(tmp_path), goal.id, tag,
             str(PER_PROCESS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        for tag in TAGS
    ]
    try:
        for proc in procs:  # both have opened the store and warmed their caches
            assert proc.stdout is not None
            ready, _, _ = select.select([proc.stdout], [], [], 30)
            assert ready and proc.stdout.readline() == b"ready\n"
        for proc in procs:  # then both start at once
            assert proc.stdin is not None
            proc.stdin.write(b"go\n")
            proc.stdin.close()
        for proc in procs:
            proc.wait(timeout=120)
        outcomes = [(proc.stdout.read(), proc.stderr.read()) for proc in procs]  # type: ignore[union-attr]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for stream in (proc.stdout, proc.stderr):
                if stream is not None and not stream.closed:
                    stream.close()
    for proc, (out, err) in zip(procs, outcomes):
        assert proc.returncode == 0, err.decode()
        assert out == b"done\n"

    found = repo.checkins(Store.open(tmp_path))
    assert len(found) == 2 * PER_PROCESS
    assert len({c.id for c in found}) == 2 * PER_PROCESS
    assert sorted(c.note for c in found) == sorted(
        f"{tag}-{i}" for tag in TAGS for i in range(PER_PROCESS)
    )
    assert repo.day_count(Store.open(tmp_path), goal.id, date(2024, 5, 10)) == 2 * PER_PROCESS
    assert repo.day_count(store, goal.id, date(2024, 5, 10)) == 2 * PER_PROCESS  # stale cache

    raw = orjson.loads((tmp_path / "checkins-2024.json").read_bytes())["checkins"]
    assert len(raw) == 2 * PER_PROCESS
    in_file_order = [raw[k]["note"] for k in sorted(raw, key=int)]
    for tag in TAGS:  # each writer's own check-ins are stored in the order it logged them
        own = [n for n in in_file_order if n.startswith(f"{tag}-")]
        assert own == [f"{tag}-{i}" for i in range(PER_PROCESS)]
    switches = sum(a[0] != b[0] for a, b in zip(in_file_order, in_file_order[1:]))
    assert switches >= 2, "the writers never interleaved: this was not a race"
    print(f"\nrace: {len(found)} check-ins, {len({c.id for c in found})} distinct ids, "
          f"writers alternated {switches} times")
