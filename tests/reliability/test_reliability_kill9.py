"""kill -9 a writer at random moments, many times; after every kill a fresh Store reads everything.

The writer (kill_writer.py) runs a two-file all-or-nothing transaction for each sequence number n
(check-in "n" + the skip moved to day(n)), then two single-file transactions. After any kill, and
after the next open has rolled a journal forward, the data must be readable and consistent.
"""

from __future__ import annotations

import importlib.util
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from tui.store import Store, files, repo, schema
from tui.store.store import BACKUPS, JOURNAL

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
KILLS = int(os.environ.get("REBOUND_KILLS", "200"))
MAX_DELAY = 0.030  # seconds between "started" and the kill

_spec = importlib.util.spec_from_file_location("kill_writer", HERE / "kill_writer.py")
assert _spec and _spec.loader
writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(writer)


def data_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.name.endswith(".json") and not p.name.startswith(".")
    )


def unreadable(folder: Path) -> list[str]:
    """Data files whose bytes are not a valid store file, looked at before any recovery."""
    bad = []
    for path in data_files(folder):
        try:
            problem = schema.shape_problem(orjson.loads(path.read_bytes()))
        except orjson.JSONDecodeError as exc:
            problem = str(exc)
        if problem:
            bad.append(f"{path.name}: {problem}")
    return bad


def check_invariants(store: Store) -> int:
    """Everything the writer could have committed is consistent. Returns the last sequence n."""
    for name in [p.name for p in data_files(store.folder)]:
        store.file(name).read()  # every file readable through the Store (raises if not)
    goals = repo.goals(store, include_archived=True)
    checkins = repo.checkins(store)
    skips = repo.skips(store)
    last_seq = repo.get_settings(store).get("last_seq", 0)
    if not goals:  # killed before the very first transaction committed
        assert checkins == [] and skips == [] and last_seq == 0
        return 0
    assert [g.id for g in goals] == [writer.GOAL_ID]
    assert len({c.id for c in checkins}) == len(checkins), "duplicate check-in ids"

    combos = sorted(int(c.note) for c in checkins if c.note.isdigit())
    singles = sorted(int(c.note[1:]) for c in checkins if c.note.startswith("s"))
    assert len(combos) + len(singles) == len(checkins)
    for c in checkins:
        n = int(c.note.lstrip("s"))
        assert c.day == writer.checkin_day(n) and c.goal_id == writer.GOAL_ID and c.count == 1

    last = len(combos)
    assert combos == list(range(1, last + 1)), "a combined change is missing or doubled"
    # The all-or-nothing pair: check-in n exists exactly when the skip sits on day(n).
    assert [s.day for s in skips] == ([writer.skip_day(last)] if last else [])
    assert last_seq in ((last - 1, last) if last else (0,))
    assert singles == list(range(1, len(singles) + 1))
    assert len(singles) in ((last - 1, last) if last else (0,))
    if len(singles) == last:
        assert last_seq == last  # written in that order
    return last


def wait_for_line(proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else b""


@pytest.mark.slow
def test_kill_9_at_random_moments_never_breaks_or_tears_the_data(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    folder = tmp_path / "data"
    stderr_path = tmp_path / "writer-stderr.txt"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )}
    seen: Counter[str] = Counter()
    last = 0
    started = time.monotonic()

    for kill in range(KILLS):
        today = date(2024, 1, 1) + timedelta(days=kill // 20)  # a new backup every 20 runs
        with open(stderr_path, "wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, str(HERE / "kill_writer.py"), str(folder), today.isoformat()],
                stdout=subprocess.PIPE, stderr=stderr, env=env,
            )
        try:
            line = wait_for_line(proc, timeout=30)
            context = f"seed {seed}, kill {kill}: {stderr_path.read_text()}"
            assert line.startswith(b"started"), f"writer did not start ({line!r}); {context}"
            time.sleep(rng.uniform(0, MAX_DELAY))
            assert proc.poll() is None, f"writer stopped by itself; {context}"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            assert proc.stdout is not None
            proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL

        # What the kill left behind, before anything recovers it.
        seen["journal left"] += (folder / JOURNAL).exists()
        seen["temp files left"] += any(files.TMP_MARK in p.name for p in folder.iterdir())
        assert unreadable(folder) == [], f"seed {seed}, kill {kill}"

        store = Store.open(folder, today=lambda: today)  # rolls a journal forward
        assert not (folder / JOURNAL).exists()
        n = check_invariants(store)
        assert n >= last, f"seed {seed}, kill {kill}: committed changes disappeared"
        seen["runs that committed"] += n > last
        last = n

    # Every completed daily backup is a consistent copy too (checked on a copy of it).
    backups = [p for p in sorted((folder / BACKUPS).iterdir()) if not p.name.startswith(".")]
    assert 1 <= len(backups) <= 7
    for backup in backups:
        assert unreadable(backup) == [], backup.name
        copy = tmp_path / "check" / backup.name
        shutil.copytree(backup, copy)
        check_invariants(Store.open(copy))

    elapsed = time.monotonic() - started
    print(
        f"\nkill -9: {KILLS} kills survived in {elapsed:.1f} s (seed {seed}); last sequence {last}; "
        f"{dict(seen)}; backups {len(backups)}"
    )
    assert last > 0, "the writer never committed a combined change: the test proved nothing"
