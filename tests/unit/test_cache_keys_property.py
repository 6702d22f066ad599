"""Issue 16.1: any change to any record in any year, then what `.summaries.json` answers equals
what reading every file answers. Stateful: each step changes one record (a rest day or a skip
before 1 January, a goal's target, weekdays or start, a backfilled check-in, interaction or win
in an older year's file) and then compares `status` and the wins' kinds, cached and uncached.
A key that leaves out anything its entry depends on fails here. Issue 19: two goals count an
activity (coffee interactions, new contacts), so their entries depend on the interactions too:
logging, deleting and re-kinding interactions in any year, and changing what a goal counts."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, rule,
                                 run_state_machine_as_test)

from tui.services import Rebound, checkins, contacts, goals
from tui.services.contacts import ContactFields
from tui.services.status import status
from tui.services.older_cache import win_kinds
from tui.services.cache_file import CACHE, STATUS, TODAY_SUMMARIES
from tui.services.wins import add_win, wins_deferred
from tui.store import repo
from tui.store import wins as wins_repo

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)  # March: the month's entry is used too
TODAY = NOW.date()
FIRST = date(2023, 1, 1)
OLD_FILES = ("checkins-2023.json", "checkins-2024.json", "interactions-2023.json",
             "interactions-2024.json")

# The days where a change most often moves what a goal carries into the year or the month.
NEAR_EDGES = [date(2025, 12, 31), date(2025, 12, 29), date(2025, 12, 27), date(2025, 12, 24),
              date(2025, 12, 22), date(2024, 12, 31), date(2024, 11, 3), date(2023, 6, 1),
              date(2026, 1, 2), date(2026, 2, 27), date(2026, 2, 10)]
# (goal, day): days a goal was missed just before New Year, where a skip mends a run.
MISSED = [(1, date(2025, 12, 27)), (0, date(2025, 12, 31)), (1, date(2025, 12, 22)),
          (0, date(2025, 12, 24))]
days = st.one_of(st.sampled_from(NEAR_EDGES), st.dates(FIRST, TODAY))
older_days = st.one_of(st.sampled_from([d for d in NEAR_EDGES if d.year < 2026]),
                       st.dates(FIRST, date(2025, 12, 31)))


def fresh(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


COUNTS = ["manual", "interactions:coffee", "new-contacts", "interactions", "interactions:call,coffee"]


def build(folder: Path) -> None:
    """Three goals (daily on weekdays, daily, weekly), two counted goals (coffee interactions a
    week, new contacts a day) and three contacts, 2023 to today."""
    rb = fresh(folder)
    with rb.change("history"), wins_deferred(rb):
        apply = goals.add_goal(rb, "Apply", target=1, period="day", weekdays="mon,tue,wed,thu,fri")
        walk = goals.add_goal(rb, "Walk")
        chat = goals.add_goal(rb, "Chat", target=2, period="week")
        for counted in (goals.add_goal(rb, "Coffee", target=1, period="week", counts="interactions:coffee"),
                        goals.add_goal(rb, "Met", counts="new-contacts")):
            repo.update_goal(rb.store, replace(counted, start=FIRST))  # counting since 2023
        day = FIRST
        while day <= TODAY:
            n = day.toordinal()
            if n % 7 != 3 and day.weekday() < 5:
                checkins.log(rb, apply.id, 1, day=day)
            if n % 11 not in (0, 5):
                checkins.log(rb, walk.id, 1, day=day)
            if n % 4 == 0:
                checkins.log(rb, chat.id, 1, day=day)
            day += timedelta(days=1)
        met = {"Ana": [date(2023, 4, 2)], "Bo": [date(2024, 2, 9), date(2024, 8, 1)],
               "Cy": [date(2023, 9, 9), date(2026, 2, 1)]}
        for name, seen in met.items():
            person = contacts.add_contact(rb, ContactFields(name, cadence=30))
            for when in seen:
                contacts.log_interaction(rb, person.id, day=when)
                contacts.log_interaction(rb, person.id, day=when + timedelta(days=3), kind="coffee")
        add_win(rb, "first offer", date(2024, 5, 5))


class CachedEqualsUncached(RuleBasedStateMachine):
    template: Path

    @initialize()
    def copy_folder(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="rebound-keys-")) / "data"
        shutil.copytree(self.template, self.folder)
        status(fresh(self.folder))  # the copy's files have new inodes: fill 1 January's entries
        forget_the_days_summaries(self.folder)  # else the next answers from the day's entry
        status(fresh(self.folder))  # and 1 March's
        self.goal_ids = [g.id for g in repo.goals(fresh(self.folder).store)]
        people = sorted(contacts.repo.contacts(fresh(self.folder).store), key=lambda c: c.name)
        self.contact_ids = [c.id for c in people]  # Ana, Bo, Cy (ids are random)

    def teardown(self) -> None:
        shutil.rmtree(self.folder.parent, ignore_errors=True)

    @rule(day=older_days, rest=st.booleans())
    def rest_day(self, day: date, rest: bool) -> None:
        checkins.set_rest(fresh(self.folder), day, rest)

    @rule(pick=st.one_of(st.sampled_from(MISSED), st.tuples(st.integers(0, 2), older_days)),
          skipped=st.booleans())
    def skip(self, pick: tuple[int, date], skipped: bool) -> None:
        goal, day = pick
        checkins.set_skip(fresh(self.folder), self.goal_ids[goal], day, skipped)

    @rule(goal=st.integers(0, 2), size=st.integers(1, 3),
          weekdays=st.sampled_from([None, "mon,wed,fri", "sat,sun", "tue"]))
    def edit(self, goal: int, size: int, weekdays: str | None) -> None:
        rb = fresh(self.folder)
        old = goals.goal_by_id(rb, self.goal_ids[goal])
        goals.edit_goal(rb, old.id, name=old.name, target=size, period=old.period,
                        weekdays=None if old.is_weekly else weekdays)

    @rule(goal=st.integers(0, 2), start=days)
    def move_start(self, goal: int, start: date) -> None:
        rb = fresh(self.folder)
        with rb.change("move the start"):
            old = goals.goal_by_id(rb, self.goal_ids[goal])
            repo.update_goal(rb.store, replace(old, start=start))

    @rule(goal=st.integers(0, 2), day=days, count=st.integers(0, 2))
    def backfill(self, goal: int, day: date, count: int) -> None:
        checkins.set_count(fresh(self.folder), self.goal_ids[goal], day, count)

    @rule(person=st.integers(0, 2), day=older_days)
    def old_interaction(self, person: int, day: date) -> None:
        contacts.log_interaction(fresh(self.folder), self.contact_ids[person], day=day)

    @rule(person=st.integers(0, 2), day=days, kind=st.sampled_from(["coffee", "call", "message"]))
    def interaction(self, person: int, day: date, kind: str) -> None:
        contacts.log_interaction(fresh(self.folder), self.contact_ids[person], day=day, kind=kind)

    @rule(pick=st.integers(0, 50), kind=st.sampled_from([None, "coffee", "email"]))
    def change_interaction(self, pick: int, kind: str | None) -> None:
        """Delete an interaction (``kind`` None) or change its kind, in any year."""
        rb = fresh(self.folder)
        every = sorted(contacts.repo.interactions(rb.store), key=lambda i: (i.day, i.id))
        if not every:
            return
        item = every[pick % len(every)]
        if kind is None:
            contacts.delete_interaction(rb, item.id)
        else:
            contacts.edit_interaction(rb, item.id, kind=kind)

    @rule(goal=st.integers(0, 4), counts=st.sampled_from(COUNTS))
    def counts(self, goal: int, counts: str) -> None:
        rb = fresh(self.folder)
        old = goals.goal_by_id(rb, self.goal_ids[goal])
        goals.edit_goal(rb, old.id, name=old.name, target=old.target, period=old.period,
                        weekdays=None if old.is_weekly else old.weekdays, counts=counts)

    @rule(day=older_days)
    def old_win(self, day: date) -> None:
        add_win(fresh(self.folder), "an old win", day)

    @invariant()
    def cached_equals_uncached(self) -> None:
        if not hasattr(self, "folder"):
            return
        cached = status(fresh(self.folder))
        kinds = win_kinds(fresh(self.folder), TODAY)
        truth, true_kinds = uncached(self.folder)
        assert cached == truth
        assert +kinds == +true_kinds


def forget_the_days_summaries(folder: Path) -> None:
    """The day's summaries set aside, and the status object made from them (it is kept too)."""
    found = orjson.loads((folder / CACHE).read_bytes())
    del found["entries"][TODAY_SUMMARIES]
    del found["entries"][STATUS]
    (folder / CACHE).write_bytes(orjson.dumps(found))


def uncached(folder: Path) -> tuple[dict[str, object], Counter[str]]:
    """status and the wins' kinds from every file: the cache set aside, then put back."""
    path = folder / CACHE
    kept = path.read_bytes() if path.is_file() else None
    path.unlink(missing_ok=True)
    try:
        rb = fresh(folder)
        return status(rb), wins_repo.kind_counts(rb.store)
    finally:
        path.unlink(missing_ok=True)
        if kept is not None:
            path.write_bytes(kept)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys") / "data"
    build(folder)
    status(fresh(folder))
    status(fresh(folder))
    warm = fresh(folder)
    status(warm)
    assert [n for n in OLD_FILES if warm.store.file(n).loaded] == []  # the cache answers
    return folder


def test_any_change_in_any_year_then_cached_equals_uncached(template: Path) -> None:
    CachedEqualsUncached.template = template
    run_state_machine_as_test(CachedEqualsUncached, settings=settings(
        max_examples=12, stateful_step_count=5, derandomize=True, deadline=None,
        suppress_health_check=list(HealthCheck), database=None))
