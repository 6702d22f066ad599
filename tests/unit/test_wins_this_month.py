"""A change to days of this month re-derives its goals' wins from what each goal carried into the
month (kept in ``.summaries.json``), reading this year's files only: the stored wins stay equal to
a derivation from every year's data (hypothesis), first-check-in wins included."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.demo import generate_history
from tui.demo.contacts import generate_contacts
from tui.services import Rebound, checkins, goals
from tui.services.status import status
from tui.services.cache_file import CACHE, STATUS, TODAY_SUMMARIES
from tui.services.wins import every_day, reconcile, wins_deferred
from tui.store import repo
from tui.store import wins as wins_repo

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)
MONTH = date(2026, 3, 1)
OLDER = ("checkins-2024.json", "checkins-2025.json", "interactions-2024.json", "interactions-2025.json",
         "wins-2024.json", "wins-2025.json")


def fresh(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


def warm(folder: Path) -> None:
    """Two cold runs, as two days of use leave the cache: 1 January's entries, then the month's."""
    for _ in range(2):
        status(fresh(folder))
        found = orjson.loads((folder / CACHE).read_bytes())
        found["entries"].pop(TODAY_SUMMARIES, None)  # so that the next run computes its summaries
        found["entries"].pop(STATUS, None)  # (and its status object, made from them)
        (folder / CACHE).write_bytes(orjson.dumps(found))


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years and a quarter of busy history (three goals count interactions), and two goals
    started in 2024 that were never checked in: their first check-in is still to come."""
    folder = tmp_path_factory.mktemp("three-years")
    rb = fresh(folder)
    generate_history(rb, years=3, seed=5)
    generate_contacts(rb, contacts=40, interactions=600, years=3, seed=5)
    then = Rebound.open(folder, now=lambda: datetime(2024, 6, 3, 9, tzinfo=timezone.utc))
    goals.add_goal(then, "Quiet daily", target=2)
    goals.add_goal(then, "Quiet weekly", target=3, period="week")
    derived_from_scratch(folder)  # their days since 2024 end no more days with all goals done
    return folder


@pytest.fixture
def folder(three_years: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(three_years, copy)
    warm(copy)  # the cache knows files by inode too: a copy is another file
    return copy


def stored_wins(folder: Path) -> list[tuple[str, str | None, date]]:
    rb = fresh(folder)
    return sorted((w.key, w.goal_id, w.day) for w in wins_repo.wins(rb.store) if not w.manual)


def derived_from_scratch(folder: Path) -> list[tuple[str, str | None, date]]:
    """The stored wins once every goal's every day is reconciled from every year's files."""
    rb = fresh(folder)
    with rb.change("derive"):
        reconcile(rb, None, every_day(rb))
    return stored_wins(folder)


def goal_ids(folder: Path) -> list[str]:
    return sorted(g.id for g in repo.goals(fresh(folder).store))


def test_a_tick_today_reads_this_years_files_only(folder: Path) -> None:
    rb = fresh(folder)
    for goal_id in goal_ids(folder):
        checkins.log(rb, goal_id, 1, day=NOW.date())
    assert [n for n in OLDER if (o := rb.store.opened(n)) and o.loaded] == []
    assert stored_wins(folder) == derived_from_scratch(folder)


def test_a_first_check_in_this_month_is_won_then_taken_back(folder: Path) -> None:
    rb = fresh(folder)
    quiet = goals.find_goal(rb, "Quiet daily")
    first = lambda: [w.day for w in wins_repo.wins(fresh(folder).store)  # noqa: E731
                     if w.kind == "first_checkin" and w.goal_id == quiet.id]
    checkins.log(rb, quiet.id, 1, day=MONTH + timedelta(days=9))
    checkins.log(fresh(folder), quiet.id, 1, day=MONTH + timedelta(days=4))
    assert first() == [MONTH + timedelta(days=4)]
    checkins.set_count(fresh(folder), quiet.id, MONTH + timedelta(days=4), 0)
    assert first() == [MONTH + timedelta(days=9)]
    assert [n for n in OLDER if (o := rb.store.opened(n)) and o.loaded] == []
    assert stored_wins(folder) == derived_from_scratch(folder)


CHANGES = st.lists(st.tuples(st.integers(0, 13), st.integers(0, 19), st.integers(0, 4)),
                   min_size=1, max_size=3)


@settings(max_examples=12, derandomize=True, database=None)
@given(steps=st.lists(CHANGES, min_size=1, max_size=4))
def test_changes_this_month_leave_the_wins_a_full_derivation_gives(three_years: Path,
                                                                   tmp_path_factory, steps) -> None:
    """Any goals (daily, weekly, counted, never checked in), any days of this month up to today,
    any counts, a few at once (as a merge brings them: goals whose walks start on different days,
    a weekly goal's in February), each change in its own process: the stored wins equal every
    year's derivation; the older years' files were never read."""
    folder = tmp_path_factory.mktemp("steps") / "data"
    shutil.copytree(three_years, folder)
    warm(folder)
    ids = goal_ids(folder)
    for changes in steps:
        rb = fresh(folder)
        with rb.change("changes"), wins_deferred(rb):
            for pick, offset, count in changes:
                checkins.set_count(rb, ids[pick % len(ids)], MONTH + timedelta(days=offset), count)
        assert [n for n in OLDER if (o := rb.store.opened(n)) and o.loaded] == []
    assert stored_wins(folder) == derived_from_scratch(folder)
    shutil.rmtree(folder)
