"""The Wins screen's first page reads the newest year files only, and says what `all_wins` says."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

import orjson
import pytest

from tui.core.clock import week_start_of
from tui.demo import generate_history
from tui.screens.wins import ALL, newest
from tui.services import Rebound
from tui.services.wins import all_wins
from tui.store.wins import kind_counts

NOW = datetime(2026, 1, 3, 9, 30, tzinfo=timezone.utc)  # a week that straddles New Year


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wins")
    generate_history(Rebound.open(folder, now=lambda: NOW), years=2, seed=5)
    return folder


@pytest.fixture
def folder(two_years: Path, tmp_path: Path) -> Path:
    shutil.copytree(two_years, tmp_path / "data")
    return tmp_path / "data"


def fresh(folder: Path) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


@pytest.mark.parametrize("at_least", [1, 5, 40, 400])
@pytest.mark.parametrize("week_start", [0, 6])
def test_the_newest_wins_are_a_prefix_of_all_wins_in_whole_weeks(
        folder: Path, at_least: int, week_start: int) -> None:
    rb = fresh(folder)
    every = all_wins(rb)
    for kind in [ALL, *sorted(kind_counts(rb.store))]:
        found = newest(rb, kind, at_least, NOW.date(), week_start)
        assert found == every[:len(found)]
        shown = [w for w in found if kind in (ALL, w.kind)]
        all_shown = [w for w in every if kind in (ALL, w.kind)]
        assert len(shown) >= min(at_least, len(all_shown))
        if len(found) < len(every):  # stopped early: the weeks it covers are whole
            last_week = week_start_of(shown[min(at_least, len(shown)) - 1].day, week_start)
            this_week = week_start_of(NOW.date(), week_start)
            assert not [w for w in every[len(found):] if w.day >= last_week or w.day >= this_week]


def test_a_first_page_reads_only_the_newest_files(tmp_path: Path) -> None:
    mid_year = datetime(2026, 6, 10, 9, 30, tzinfo=timezone.utc)
    generate_history(Rebound.open(tmp_path, now=lambda: mid_year), years=2, seed=5)
    rb = Rebound.open(tmp_path, now=lambda: mid_year)
    names = sorted(p.name for p in tmp_path.glob("wins-*.json"))
    assert len(names) == 3
    assert newest(rb, ALL, 5, mid_year.date(), 0) == all_wins(rb)[:len(newest(rb, ALL, 5, mid_year.date(), 0))]
    rb = Rebound.open(tmp_path, now=lambda: mid_year)
    newest(rb, ALL, 5, mid_year.date(), 0)  # this year's file holds a page and this week
    converted = [n for n in names if "wins" in rb.store.file(n)._memo]
    assert converted == [names[-1]]


def test_a_win_filed_in_another_years_file_falls_back_to_every_win(folder: Path) -> None:
    path = sorted(folder.glob("wins-*.json"))[-1]
    data = orjson.loads(path.read_bytes())
    doc = next(iter(data["wins"].values()))
    data["wins"]["99999"] = {**doc, "id": "moved", "day": "2020-02-02"}
    path.write_bytes(orjson.dumps(data))
    rb = fresh(folder)
    found = newest(rb, ALL, 3, NOW.date(), 0)
    assert found == all_wins(rb)


def test_win_counts_by_kind_come_from_the_cache_and_follow_a_change_to_an_older_file(folder: Path) -> None:
    from tui.services.status import status
    from tui.services.older_cache import win_kinds

    today = date(2026, 6, 1)
    expected = kind_counts(fresh(folder).store)
    assert win_kinds(fresh(folder), today) == expected  # fills the cache
    status(fresh(folder))  # a `status` run keeps the entry it did not use
    rb = fresh(folder)
    assert win_kinds(rb, today) == expected
    assert not rb.store.file("wins-2025.json").loaded  # not even read: the cache answered
    path = folder / "wins-2025.json"
    data = orjson.loads(path.read_bytes())
    doc = next(iter(data["wins"].values()))
    data["wins"]["99999"] = {**doc, "id": "added", "kind": "manual"}
    path.write_bytes(orjson.dumps(data))
    assert win_kinds(fresh(folder), today) == expected + Counter(manual=1)
