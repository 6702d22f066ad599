"""The sync row of product.md §6: `rebound sync` of one day's changes on both sides (a local bare
remote) against plain `git pull` + `git push` of the same commits.

``measure(data, work, runs)`` takes a generated data folder (left as it is: it is copied) and a
scratch folder, and returns (median seconds of `rebound sync` on A then on B, median seconds of
`git pull` + `git push` on two plain clones holding the same changes). Each run:

1. A and B (synced data folders) and P and Q (plain git clones of a second bare remote) start
   from the same files.
2. One day's changes are made on A and on B: a check-in on two goals, a mood entry, an
   interaction; the files they changed are copied into P and into Q and committed there (not
   timed: `rebound sync` makes its commit inside the timed run, so the baseline is flattered).
3. Timed: `rebound sync` on A (it pushes), then on B (fetch, record-level merge, push).
   Timed: `git pull --no-rebase -X ours` + `git push` on P, then on Q (git's own text merge,
   taking Q's side of a conflicting line: what plain git does fastest, not what is right).

``row(...)`` turns the two figures into the table's row (budget 3×). Standalone:
``python -m bench.sync_row --years 1`` prints the figures for a freshly generated data set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "import sys; from tui.__main__ import main; sys.exit(main())"  # what `rebound` runs
BUDGET = 3.0


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REBOUND_", "GIT_"))}
    env.update(HOME=str(home), PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
               GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr!r}")
    return elapsed


def _rebound(folder: Path, env: dict[str, str], *args: str) -> float:
    return _run([sys.executable, "-c", SCRIPT, "--data-dir", str(folder), *args], env)


def _git(folder: Path, env: dict[str, str], *args: str) -> float:
    return _run(["git", "-C", str(folder), *args], env)


def _data_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.json") if not p.name.startswith(".")}


def _one_day(folder: Path, n: int) -> None:
    """A day's changes made through Rebound's own services (not timed)."""
    from tui.services import Rebound, checkins, contacts, mood
    from tui.store import contacts as contact_repo
    from tui.store import repo

    rb = Rebound.open(folder)
    for goal in repo.goals(rb.store)[:2]:
        checkins.log(rb, goal.id, 1, day=rb.today())
    mood.log_mood(rb, 1 + n % 5, note=f"bench {n}")
    people = contact_repo.contacts(rb.store)
    if people:
        contacts.log_interaction(rb, people[n % len(people)].id, kind="message", note=f"bench {n}")


def _copy_changes(source: Path, before: dict[str, bytes], target: Path) -> None:
    for name, data in _data_files(source).items():
        if before.get(name) != data:
            (target / name).write_bytes(data)


def measure(data: Path, work: Path, runs: int = 3) -> tuple[float, float]:
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = _env(home)
    remote, plain_remote = work / "remote.git", work / "plain.git"
    for bare in (remote, plain_remote):
        _run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], env)
    a, b, p, q = (work / n for n in "abpq")
    shutil.copytree(data, a, ignore=shutil.ignore_patterns("backups", ".*"))
    _rebound(a, env, "sync", "init", str(remote))
    _rebound(b, env, "sync", "init", str(remote))
    p.mkdir()
    for name, content in _data_files(a).items():
        (p / name).write_bytes(content)
    _git(p, env, "init", "-q", "-b", "main")
    _git(p, env, "add", "-A")
    _git(p, env, "commit", "-qm", "base")
    _git(p, env, "remote", "add", "origin", str(plain_remote))
    _git(p, env, "push", "-q", "-u", "origin", "main")
    _run(["git", "clone", "-q", str(plain_remote), str(q)], env)
    synced, plain = [], []
    for n in range(runs):
        base = _data_files(a)
        for clone in (p, q):  # the plain clones start from the same files as A and B
            for name, content in base.items():
                (clone / name).write_bytes(content)
        _git(p, env, "add", "-A")
        _git(p, env, "commit", "-qm", f"base {n}", "--allow-empty")
        _git(p, env, "push", "-q", "-f", "origin", "main")
        _git(q, env, "fetch", "-q")
        _git(q, env, "reset", "-q", "--hard", "origin/main")
        _one_day(a, 2 * n)
        _one_day(b, 2 * n + 1)
        _copy_changes(a, base, p)
        _copy_changes(b, base, q)
        for clone in (p, q):
            _git(clone, env, "add", "-A")
            _git(clone, env, "commit", "-qm", f"day {n}")
        synced.append(_rebound(a, env, "sync") + _rebound(b, env, "sync"))
        plain.append(sum(_git(c, env, "pull", "-q", "--no-rebase", "--no-edit", "-X", "ours")
                         + _git(c, env, "push", "-q", "origin", "main") for c in (p, q)))
        _rebound(a, env, "sync")  # A takes B's merge: both start the next run alike
    return median(synced), median(plain)


def row(data: Path, work: Path, runs: int = 3):  # -> bench.stats.Row
    from .stats import ratio_row

    synced, plain = measure(data, work, runs)
    return ratio_row("`rebound sync` of a day on both sides vs `git pull` + `git push`",
                     synced, plain, BUDGET)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tui.demo import generate_history
    from tui.demo.contacts import generate_contacts
    from tui.services import Rebound

    with tempfile.TemporaryDirectory(prefix="rebound-sync-bench-") as tmp:
        data = Path(tmp) / "data"
        rb = Rebound.open(data)
        generate_history(rb, years=args.years, seed=7)
        generate_contacts(rb, contacts=160 * args.years, interactions=1600 * args.years,
                          years=args.years, seed=7)
        synced, plain = measure(data, Path(tmp) / "work", args.runs)
    print(f"{date.today()} {args.years} y: rebound sync A+B {synced:.3f} s, git pull+push P+Q "
          f"{plain:.3f} s, ratio {synced / plain:.2f} (budget {BUDGET})")


if __name__ == "__main__":
    main()
