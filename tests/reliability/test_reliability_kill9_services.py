"""kill -9 a writer inside the service-level all-or-nothing changes, at random moments.

The writer (a forked child, so that each run starts in milliseconds) performs numbered operations
k = 1, 2, 3, ... through the services, one user action each:
  k % 3 == 1: a rejection reflection (company "Co<k>") with its mood entry (note "r<k>"), a lesson
              (which earns a "reflected" win) and a follow-up on the contact "Recruiter";
  k % 3 == 2: a check-in (note "c<k>") with the wins it earns;
  k % 3 == 0: an interaction (note "i<k>") with the contact "Friend", with its networking wins.
On start it continues after the highest k it finds. After every kill a fresh Store must read every
file, and the committed operations must be exactly 1..K, each wholly there.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from tui.services import Rebound
from tui.services import checkins as checkin_service
from tui.services import contacts as contact_service
from tui.services import goals as goal_service
from tui.services import mood as mood_service
from tui.services.wins import reconcile
from tui.store import files, schema
from tui.store import contacts as contacts_repo
from tui.store import mood as mood_repo
from tui.store import repo
from tui.store import wins as wins_repo
from tui.store.store import JOURNAL

KILLS = int(os.environ.get("REBOUND_SERVICE_KILLS", "320"))
SEED = int(os.environ.get("REBOUND_SEED", "20261126"))
MAX_DELAY = 0.040
NOW = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
BASE = date(2024, 1, 1)


def op_day(k: int) -> date:
    return BASE + timedelta(days=k // 3)  # spans several yearly files; never in the future


def follow_up_day(k: int) -> date:
    return TODAY + timedelta(days=1 + k)


def open_rb(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


def tag(text: str, prefix: str) -> int | None:
    return int(text[len(prefix):]) if text.startswith(prefix) and text[len(prefix):].isdigit() else None


def committed(rb: Rebound) -> int:
    found = [tag(r.company, "Co") for r in mood_repo.rejections(rb.store)]
    found += [tag(c.note, "c") for c in repo.checkins(rb.store)]
    found += [tag(i.note, "i") for i in contacts_repo.interactions(rb.store)]
    return max((k for k in found if k is not None), default=0)


def writer(folder: Path, ready_fd: int) -> None:  # runs in the forked child until killed
    rb = open_rb(folder)
    if not repo.goals(rb.store, include_archived=True):
        with rb.change("setup"):  # the goal and the friend: one change
            goal_service.add_goal(rb, "Apply")
            contact_service.add_contact(rb, contact_service.ContactFields("Friend"))
    goal = repo.goals(rb.store)[0]
    friend = next(c for c in contacts_repo.contacts(rb.store) if c.name == "Friend")
    k = committed(rb)
    os.write(ready_fd, b"started\n")
    while True:
        k += 1
        if k % 3 == 1:
            mood_service.log_rejection(
                rb, f"Co{k}", lesson=f"lesson {k}", note=f"r{k}", score=2, contact="Recruiter",
                follow_up=follow_up_day(k).isoformat(), day=op_day(k),
            )
        elif k % 3 == 2:
            checkin_service.log(rb, goal.id, 1, day=op_day(k), note=f"c{k}")
        else:
            contact_service.log_interaction(rb, friend.id, note=f"i{k}", day=op_day(k))


class _Audit(Exception):
    pass


def wins_that_would_change(rb: Rebound) -> list[object]:
    """Re-derive every automatic win inside a change and roll it back: what would it fix?"""
    changes: list[object] = []
    days = {c.day for c in repo.checkins(rb.store)}
    try:
        with rb.change("audit"):
            reconcile(rb, None, days)
            contact_service.reconcile_contacts(rb)
            for rejection in mood_repo.rejections(rb.store):
                mood_service._sync_reflection(rb, rejection)
            for day in sorted({e.day for e in mood_repo.entries(rb.store)}):
                mood_service.sync_bounce_backs(rb, day)
            changes = list(rb.store._changes)
            raise _Audit
    except _Audit:
        pass
    return changes


def check_invariants(folder: Path, full_audit: bool) -> int:
    for path in folder.iterdir():  # every data file parses as a store file, before any recovery
        if path.is_file() and path.name.endswith(".json") and not path.name.startswith("."):
            assert schema.shape_problem(orjson.loads(path.read_bytes())) is None, path.name
    rb = open_rb(folder)  # rolls a journal forward
    assert not (folder / JOURNAL).exists()
    goals = repo.goals(rb.store, include_archived=True)
    contacts = contacts_repo.contacts(rb.store)
    if not goals:
        assert contacts == [] and repo.checkins(rb.store) == [] and mood_repo.entries(rb.store) == []
        return 0
    assert [g.name for g in goals] == ["Apply"]
    names = sorted(c.name for c in contacts)
    assert names in (["Friend"], ["Friend", "Recruiter"]), names

    rejections = {tag(r.company, "Co"): r for r in mood_repo.rejections(rb.store)}
    entries = {tag(e.note, "r"): e for e in mood_repo.entries(rb.store)}
    checkins = {tag(c.note, "c"): c for c in repo.checkins(rb.store)}
    interactions = {tag(i.note, "i"): i for i in contacts_repo.interactions(rb.store)}
    assert len(rejections) == len(mood_repo.rejections(rb.store)), "duplicate rejection"
    assert len(entries) == len(mood_repo.entries(rb.store)), "duplicate or orphan mood entry"
    assert len(checkins) == len(repo.checkins(rb.store)), "duplicate check-in"
    assert len(interactions) == len(contacts_repo.interactions(rb.store)), "duplicate interaction"
    assert None not in rejections and None not in entries and None not in checkins and None not in interactions

    last = max([0, *rejections, *checkins, *interactions])
    assert set(rejections) == {k for k in range(1, last + 1) if k % 3 == 1}, "a reflection is missing"
    assert set(checkins) == {k for k in range(1, last + 1) if k % 3 == 2}, "a check-in is missing"
    assert set(interactions) == {k for k in range(1, last + 1) if k % 3 == 0}, "an interaction is missing"

    # A reflection is all or nothing: its mood entry, its contact's follow-up, its win.
    assert set(entries) == set(rejections), "a reflection without its mood entry, or the reverse"
    recruiter = next((c for c in contacts if c.name == "Recruiter"), None)
    assert (recruiter is not None) == bool(rejections)
    wins = wins_repo.wins(rb.store)
    reflected = {w.goal_id for w in wins if w.kind == "reflected"}
    assert reflected == {r.id for r in rejections.values()}, "a reflection without its win"
    for k, rejection in rejections.items():
        entry = entries[k]
        assert rejection.mood_id == entry.id and "rejection" in entry.tags
        assert rejection.day == entry.day == op_day(k)
        assert recruiter is not None and rejection.contact_id == recruiter.id
        assert rejection.follow_up == follow_up_day(k)
    if rejections:
        assert recruiter is not None and recruiter.follow_up == follow_up_day(max(rejections))
    for k, checkin in checkins.items():
        assert checkin.day == op_day(k) and checkin.count == 1 and checkin.goal_id == goals[0].id
    friend = next(c for c in contacts if c.name == "Friend")
    for k, item in interactions.items():
        assert item.day == op_day(k) and item.contact_id == friend.id
    ids = [w.id for w in wins] + [w.key for w in wins if w.key]
    assert len(ids) == len(set(ids)), "duplicate win"
    if full_audit:  # every automatic win equals what the data earns: none half-written
        stale = wins_that_would_change(rb)
        assert stale == [], f"stored wins out of step with the data: {stale}"
    return last


@pytest.mark.slow
def test_kill_9_inside_service_changes_leaves_each_wholly_there_or_absent(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    folder = tmp_path / "data"
    seen: Counter[str] = Counter()
    last = 0
    started = time.monotonic()
    for kill in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: write until killed; never return into pytest
            try:
                os.close(read_fd)
                writer(folder, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        try:
            ready, _, _ = select.select([read_fd], [], [], 30)
            assert ready and os.read(read_fd, 64).startswith(b"started"), f"seed {SEED}, kill {kill}"
            time.sleep(rng.uniform(0, MAX_DELAY))
            done, _ = os.waitpid(pid, os.WNOHANG)
            assert done == 0, f"seed {SEED}, kill {kill}: the writer stopped by itself"
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        finally:
            os.close(read_fd)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        seen["journal left"] += (folder / JOURNAL).exists()
        seen["temp files left"] += any(files.TMP_MARK in p.name for p in folder.iterdir())
        n = check_invariants(folder, full_audit=kill % 20 == 19 or kill == KILLS - 1)
        assert n >= last, f"seed {SEED}, kill {kill}: committed changes disappeared"
        seen["runs that committed"] += n > last
        last = n
    elapsed = time.monotonic() - started
    print(
        f"\nkill -9 (services): {KILLS} kills survived in {elapsed:.1f} s (seed {SEED}); "
        f"operations committed {last} (reflections {(last + 2) // 3}); {dict(seen)}"
    )
    assert last >= 30, "too few changes committed: the test proved little"
    assert seen["runs that committed"] >= KILLS // 4
