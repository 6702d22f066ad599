"""Issue 16.1: one summary cache per run. The app's goals, follow-ups and wins read
`.summaries.json` once between them, and what one part saved does not drop another's entries."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tui.demo import generate_history
from tui.demo.contacts import generate_contacts
from tui.services import Rebound, checkins, goals, memo
from tui.services import cache_file, older_cache
from tui.services.status import status
from tui.store import repo

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)
OLD_INTERACTIONS = ("interactions-2023.json", "interactions-2024.json", "interactions-2025.json")


def fresh(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("once") / "data"
    rb = fresh(folder)
    generate_history(rb, years=3, seed=3)
    generate_contacts(rb, contacts=20, interactions=200, years=3, seed=3)
    # Goals that count interactions (issue 19) read the old interaction files for their own walk;
    # these tests are about the follow-ups' entry, so here every goal counts by hand.
    with rb.change("by hand"):
        for goal in repo.goals(rb.store):
            repo.update_goal(rb.store, replace(goal, counts="manual"))
    return folder


@pytest.fixture
def folder(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(built, copy)
    status(fresh(copy))  # fills the cache (a file's identity holds its inode: after the copy)
    return copy


def test_the_app_reads_the_summary_file_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    read = cache_file.SummaryCache._read

    def counted(self: cache_file.SummaryCache) -> object:
        reads.append(self.path)
        return read(self)

    monkeypatch.setattr(cache_file.SummaryCache, "_read", counted)
    rb = fresh(folder)
    day = rb.today()
    assert memo.summaries(rb, day)  # Today's goals
    memo.followups_due(rb, day)  # Today's follow-ups
    older_cache.win_kinds(rb, day)  # the Wins screen's title
    assert reads == [folder / cache_file.CACHE]


def test_refreshing_the_goals_entries_keeps_the_follow_ups_entry(folder: Path) -> None:
    """A change before 1 January makes the goals' entries new; saving them must not drop what
    the follow-ups read from the same file, or Today's follow-ups read every old interaction."""
    checkins.set_skip(fresh(folder), goals.find_goal(fresh(folder), "Send applications").id,
                      date(2025, 12, 30))
    rb = fresh(folder)
    day = rb.today()
    memo.summaries(rb, day)  # new entries for the goals, saved
    assert memo.followups_due(rb, day)
    assert [n for n in OLD_INTERACTIONS if rb.store.file(n).loaded] == []


def test_a_new_follow_ups_entry_replaces_the_one_made_stale(folder: Path) -> None:
    """An older year's interactions file that changed (here: its time) makes the follow-ups'
    entry new; the stale one is dropped, not kept beside it: the file (and what every start
    parses) would otherwise grow by an entry each time an older year changed."""
    def latest_keys() -> set[str]:
        cache = cache_file.SummaryCache(folder)
        return {key for key in cache.entries if key.startswith("latest:")}

    before = latest_keys()
    assert len(before) == 1
    old = folder / OLD_INTERACTIONS[0]
    stamp = old.stat().st_mtime_ns
    os.utime(old, ns=(stamp + 10**9, stamp + 10**9))
    rb = fresh(folder)
    assert memo.followups_due(rb, rb.today())
    after = latest_keys()
    assert len(after) == 1 and after != before
