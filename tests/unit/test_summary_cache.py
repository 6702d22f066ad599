"""`status` on years of data reads only this year's and last year's check-ins, from what each goal
carried into the year (kept in ``.summaries.json``): the same answer as reading everything."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from tui.demo import generate_history
from tui.demo.contacts import generate_contacts
from tui.services import Rebound, checkins, goals, mood
from tui.services.status import status
from tui.services.settings import current, save
from tui.services.cache_file import CACHE, STATUS, TODAY_SUMMARIES

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=timezone.utc)  # early in the year: weeks straddle it


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three-years")
    rb = Rebound.open(folder, now=lambda: NOW)
    generate_history(rb, years=3, seed=11)
    generate_contacts(rb, contacts=60, interactions=900, years=3, seed=11)
    return folder


@pytest.fixture
def folder(three_years: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(three_years, copy)
    return copy


def fresh(folder: Path, now: datetime = NOW) -> Rebound:
    return Rebound.open(folder, now=lambda: now)


def old_files_read(rb: Rebound) -> list[str]:
    return sorted(n for n in ("checkins-2023.json", "checkins-2024.json", "interactions-2023.json",
                              "interactions-2024.json") if rb.store.file(n).loaded)


def test_a_second_status_reads_only_recent_years_and_answers_the_same(folder: Path) -> None:
    first = fresh(folder)
    full = status(first)
    assert old_files_read(first) == ["checkins-2023.json", "checkins-2024.json",
                                     "interactions-2023.json", "interactions-2024.json"]
    assert (folder / CACHE).exists()
    assert full["goals"] and full["followups_due"]
    second = fresh(folder)
    assert status(second) == full
    assert old_files_read(second) == []


@pytest.mark.parametrize("back", [400, 500, 30])  # 2025, 2024 and (via last year's file) 2026
def test_a_change_to_an_older_day_is_never_hidden_by_the_cache(folder: Path, back: int) -> None:
    status(fresh(folder))  # fills the cache
    rb = fresh(folder)
    goal = goals.find_goal(rb, "Send applications")
    day = NOW.date() - timedelta(days=back)
    checkins.set_count(rb, goal.id, day, 0 if back % 2 else 5)  # break or mend an old day
    assert status(fresh(folder)) == uncached(folder)


def test_a_check_in_filed_in_another_years_file_is_counted(folder: Path) -> None:
    """A hand edit can move a 2024 day into this year's file: the cache must not skip it."""
    status(fresh(folder))
    path = folder / "checkins-2026.json"
    data = orjson.loads(path.read_bytes())
    goal_id = next(iter(data["checkins"].values()))["goal_id"]
    data["checkins"]["99999"] = {"id": "moved", "goal_id": goal_id, "day": "2024-06-03",
                                 "count": 9, "note": "", "at": ""}
    path.write_bytes(orjson.dumps(data))
    assert status(fresh(folder)) == uncached(folder)


def test_a_broken_or_unwritable_cache_only_costs_time(folder: Path) -> None:
    expected = status(fresh(folder))
    (folder / CACHE).write_bytes(b"{not json")
    assert status(fresh(folder)) == expected
    (folder / CACHE).unlink()
    (folder / CACHE).mkdir()  # the cache cannot be written
    assert status(fresh(folder)) == expected


def uncached(folder: Path, day: date | None = None) -> dict[str, object]:
    """status read from every file: the cache set aside, then put back as it was."""
    kept = (folder / CACHE).read_bytes() if (folder / CACHE).is_file() else None
    (folder / CACHE).unlink(missing_ok=True)
    try:
        return status(fresh(folder), day)
    finally:
        (folder / CACHE).unlink(missing_ok=True)
        if kept is not None:
            (folder / CACHE).write_bytes(kept)


@pytest.mark.parametrize("week_start", [0, 6])
def test_every_few_days_of_a_year_and_both_week_starts_agree(folder: Path, week_start: int) -> None:
    """As of days across this year (the weeks around New Year included): cache or not, the same."""
    rb = fresh(folder)
    save(rb, replace(current(rb), week_start=week_start))
    status(fresh(folder))  # fills the cache
    for offset in range(0, 79, 3):
        day = date(2026, 1, 1) + timedelta(days=offset)
        cached_rb = fresh(folder)
        cached = status(cached_rb, day)
        assert old_files_read(cached_rb) == []  # the cache answered
        assert cached == uncached(folder, day), day


BROKEN = date(2024, 6, 1)


@pytest.fixture
def streak_folder(tmp_path: Path) -> Path:
    """A daily walk done every day since 2024-01-01 but on BROKEN: this year's streak reaches back
    into files the cache stands in for."""
    from tui.services.wins import wins_deferred

    rb = fresh(tmp_path)
    walk = goals.add_goal(rb, "Walk")
    with rb.change("history"), wins_deferred(rb):
        day = date(2024, 1, 1)
        while day <= NOW.date():
            if day != BROKEN:
                checkins.log(rb, walk.id, 1, day=day)
            day += timedelta(days=1)
    return tmp_path


def walk_streak(result: dict[str, object]) -> tuple[int, int]:
    goal = next(g for g in result["goals"] if g["name"] == "Walk")  # type: ignore[union-attr]
    return goal["current_streak"], goal["best_streak"]


def test_mending_a_day_in_an_old_file_reaches_todays_streak(streak_folder: Path) -> None:
    since_break = (NOW.date() - BROKEN).days
    assert walk_streak(status(fresh(streak_folder))) == (since_break, since_break)
    assert walk_streak(status(fresh(streak_folder))) == (since_break, since_break)  # from the cache
    rb = fresh(streak_folder)
    checkins.log(rb, goals.find_goal(rb, "Walk").id, 1, day=BROKEN)
    whole = (NOW.date() - date(2024, 1, 1)).days + 1
    assert walk_streak(status(fresh(streak_folder))) == (whole, whole)


def test_a_check_in_for_an_old_day_filed_in_this_years_file_reaches_the_streak(
    streak_folder: Path,
) -> None:
    status(fresh(streak_folder))  # fills the cache
    path = streak_folder / "checkins-2026.json"
    data = orjson.loads(path.read_bytes())
    goal_id = next(iter(data["checkins"].values()))["goal_id"]
    data["checkins"]["99999"] = {"id": "moved", "goal_id": goal_id, "day": BROKEN.isoformat(),
                                 "count": 1, "note": "", "at": ""}
    path.write_bytes(orjson.dumps(data))
    whole = (NOW.date() - date(2024, 1, 1)).days + 1
    assert walk_streak(status(fresh(streak_folder))) == (whole, whole)


def test_cache_entries_of_the_wrong_shape_are_read_as_missing(folder: Path) -> None:
    """A hand edit that keeps the keys but breaks the values: recomputed, never a crash."""
    expected = status(fresh(folder))
    data = orjson.loads((folder / CACHE).read_bytes())
    assert data["entries"]
    for i, key in enumerate(data["entries"]):
        value = [{"at": "2026-13-01", "run": 1, "closed_best": 0, "score": 0.5},
                 {"at": "2026-01-01", "run": "7", "closed_best": 0, "score": 0.5},
                 {"at": "2026-01-01", "run": 7, "closed_best": 0, "score": "high"},
                 {"c": {"day": "x"}}, "nonsense", None][i % 6]
        # each entry is its own JSON text; some left as a bare value or as text that is no JSON
        data["entries"][key] = [orjson.dumps(value).decode(), value, "{not json"][i % 3]
    (folder / CACHE).write_bytes(orjson.dumps(data))
    assert status(fresh(folder)) == expected


def test_from_february_a_warm_status_reads_only_this_years_check_ins(folder: Path) -> None:
    """What each goal carried into this month is kept too: a warm start reads no other year."""
    expected = status(fresh(folder))  # remembers 1 January
    forget_the_days_summaries(folder)  # (see the next test) so that the summaries are computed
    status(fresh(folder))  # walks on from 1 January and remembers 1 March
    forget_the_days_summaries(folder)
    rb = fresh(folder)
    assert status(rb) == expected
    assert [n for n in ("checkins-2024.json", "checkins-2025.json", "checkins-2026.json")
            if rb.store.file(n).loaded] == ["checkins-2026.json"]


def test_nothing_changed_since_the_last_run_then_no_check_in_file_is_read(folder: Path) -> None:
    """The day's summaries as the last run left them answer a start that changed nothing; any
    change to any file (a mood entry here: a counted goal may count it) is a miss."""
    expected = status(fresh(folder))
    rb = fresh(folder)
    assert status(rb) == expected
    assert [n for n in rb.store.years_named("checkins") if rb.store.file(n).loaded] == []
    mood.log_mood(fresh(folder), 4, day=NOW.date())
    rb = fresh(folder)
    assert status(rb)["goals"] == expected["goals"]
    assert "checkins-2026.json" in [n for n in rb.store.years_named("checkins")
                                    if rb.store.file(n).loaded]


def forget_the_days_summaries(folder: Path) -> None:
    """The day's summaries set aside, and the status object made from them (it is kept too)."""
    found = orjson.loads((folder / CACHE).read_bytes())
    del found["entries"][TODAY_SUMMARIES]
    del found["entries"][STATUS]
    (folder / CACHE).write_bytes(orjson.dumps(found))


@pytest.mark.parametrize("day", [date(2026, 2, 27), date(2026, 1, 5), date(2026, 3, 1)])
@pytest.mark.parametrize("name", ["Send applications", "Coffee chats"])  # daily, weekly
def test_a_change_earlier_this_year_is_never_hidden_by_the_months_entry(
        folder: Path, day: date, name: str) -> None:
    """27 February lies before 1 March but in the week that holds it (weeks start on Monday)."""
    status(fresh(folder))
    forget_the_days_summaries(folder)
    status(fresh(folder))  # both entries kept
    rb = fresh(folder)
    goal = goals.find_goal(rb, name)
    checkins.set_count(rb, goal.id, day, 0 if checkins_on(rb, goal.id, day) else 4)
    assert status(fresh(folder)) == uncached(folder)


def checkins_on(rb: Rebound, goal_id: str, day: date) -> int:
    from tui.store import repo

    return repo.day_count(rb.store, goal_id, day)


def test_scores_cached_by_an_older_version_are_recomputed(folder: Path) -> None:
    """Issue 23: strength changed its rule (Loop's doubled window), so a cache written by the
    version before must not be read: its scores, whatever they say, give way to fresh ones."""
    status(fresh(folder))
    path = folder / CACHE
    data = orjson.loads(path.read_bytes())
    changed = 0
    for key, text in data["entries"].items():
        entry = orjson.loads(text)
        if isinstance(entry, dict) and "score" in entry:
            entry["score"] = 0.5  # what the old rule might have carried
            changed += 1
        data["entries"][key] = entry  # as the old version kept them: parsed, not as text
    assert changed
    data["version"] = 1
    path.write_bytes(orjson.dumps(data))
    assert status(fresh(folder)) == uncached(folder)


def test_a_status_inside_a_change_saves_no_cache(folder: Path) -> None:
    """An import checks itself with `status` before it commits: the entries it computed from
    records that may be rolled back are not written under the files' unmoved identity."""
    rb = fresh(folder)
    cache_file = folder / ".summaries.json"
    cache_file.unlink(missing_ok=True)
    with pytest.raises(RuntimeError):
        with rb.change("a change that fails"):
            status(rb)
            raise RuntimeError("refused")
    assert not cache_file.exists()
    status(fresh(folder))
    assert cache_file.exists()  # outside a change it is written as before


def test_entries_are_held_as_text_and_parsed_afresh_when_asked(folder: Path) -> None:
    """The app keeps its run's cache as long as it runs: the entries stay JSON text (the
    follow-ups' entry alone is 1,600 interactions at ten years), each parsed when asked for."""
    status(fresh(folder))
    cache = fresh(folder).summary_cache()
    assert cache.entries and all(type(text) is str for text in cache.entries.values())
    key = next(k for k, text in cache.entries.items() if text.startswith("{"))
    first = cache.get(key)
    first["changed by the caller"] = True
    assert cache.get(key) == orjson.loads(cache.entries[key]) != first
