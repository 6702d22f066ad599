"""kill -9 during `rebound sync`, many times at random moments (the whole process group: Rebound
and the git it runs, as a crash or a closed terminal does). After every kill the data folder reads
(`rebound status` works), it holds either what it held before the sync or the merged data, never
a mix, and the next sync completes without counting anything twice."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from tui.services import Rebound, checkins, goals
from tui.services.status import status
from tui.services.sync import sync
from tui.services.sync_setup import init

from sync_pair import bare_remote

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
              pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("REBOUND_SYNC_KILLS", "30"))


def total(folder: Path) -> int:
    """Every check-in count in the folder: reading it is also the check that it reads."""
    rb = Rebound.open(folder)  # finishes a journalled change, as any command does
    status(rb)
    found = 0
    for path in rb.store.data_files():
        if path.name.startswith("checkins-"):
            found += sum(d["count"] for d in orjson.loads(path.read_bytes())["checkins"].values())
    return found


def sync_process(folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "tui", "--data-dir", str(folder), "sync"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def test_kill9_during_sync_leaves_the_old_or_the_merged_data(tmp_path: Path) -> None:
    seed = int(os.environ.get("REBOUND_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    remote = bare_remote(tmp_path)
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a = Rebound.open(a_dir)
    goal = goals.add_goal(a, "Apply", target=1000)
    init(a, str(remote))
    init(Rebound.open(b_dir), str(remote))
    logged = 0
    spans = []
    for _ in range(3):  # whole runs that merge: how long a sync takes here
        a = Rebound.open(a_dir)
        checkins.log(a, goal.id, 1)
        sync(a)
        checkins.log(Rebound.open(b_dir), goal.id, 1)
        logged += 2
        started = time.monotonic()
        proc = sync_process(b_dir)
        assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
        spans.append(time.monotonic() - started)
    span = max(spans)
    figures: Counter[str] = Counter()
    for _ in range(KILLS):
        a = Rebound.open(a_dir)
        checkins.log(a, goal.id, 1)
        logged += 1
        sync(a)
        checkins.log(Rebound.open(b_dir), goal.id, 1)
        logged += 1
        before = total(b_dir)
        proc = sync_process(b_dir)
        time.sleep(rng.uniform(0.2, 1.0) * span)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(60)
        after = total(b_dir)  # reads: exit 0 of `rebound status`
        assert after in (before, logged), (seed, before, after, logged)
        figures["post-merge" if after == logged and before != logged else "pre-merge"] += 1
        done = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(b_dir), "status"],
                              capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stderr
        sync(Rebound.open(b_dir))  # the next sync completes
        assert total(b_dir) == logged, (seed, "counted twice or lost")
    sync(Rebound.open(a_dir))
    assert total(a_dir) == total(b_dir) == logged
    print(f"\nsync kill -9: {KILLS} kills (seed {seed}), {dict(figures)}, one sync {span:.2f} s")
