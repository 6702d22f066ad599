"""Mood statistics: table-driven, including too little data to say anything."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.mood import MoodEntry
from tui.core.mood_stats import MIN_DAYS, compare, daily, grouped, level, tag_comparisons, trend, window_mean

D = date(2026, 1, 1)


def days(n: int, start: int = 0) -> list[date]:
    return [D + timedelta(days=start + i) for i in range(n)]


def means_of(pairs: list[tuple[list[date], float]]) -> dict[date, float]:
    return {day: value for group, value in pairs for day in group}


@pytest.mark.parametrize(
    "with_days, without_days, with_mean, without_mean, shown",
    [
        (5, 5, 4.0, 2.0, True),
        (10, 20, 3.9, 2.8, True),
        (4, 20, 4.0, 2.0, False),  # too few days with
        (20, 4, 4.0, 2.0, False),  # too few days without
        (0, 0, 0.0, 0.0, False),  # no data at all
        (10, 10, 3.6, 3.6, False),  # no difference is not an insight
        (10, 10, 3.8, 3.6, False),  # 0.2 apart: within the noise
        (10, 10, 3.9, 3.6, True),  # 0.3 apart, enough days: shown
        (10, 10, 3.3, 3.6, True),  # lower counts too
    ],
)
def test_compare_needs_enough_days_on_both_sides(with_days, without_days, with_mean, without_mean, shown):
    marked = days(with_days)
    means = means_of([(marked, with_mean), (days(without_days, start=100), without_mean)])
    found = compare(means, marked, "you met all your goals")
    assert (found is not None) is shown
    if found:
        assert found.with_mean == pytest.approx(with_mean)
        assert found.without_mean == pytest.approx(without_mean)
        assert (found.with_days, found.without_days) == (with_days, without_days)
        assert found.sentence == (
            f"On days you met all your goals your mood averaged {with_mean:.1f}; "
            f"on other days {without_mean:.1f}"
        )


def test_days_marked_without_a_mood_are_ignored():
    means = means_of([(days(5), 4.0), (days(5, start=10), 2.0)])
    found = compare(means, days(5) + days(30, start=50), "x")
    assert found is not None and found.with_days == MIN_DAYS


def test_tag_comparisons_show_only_tags_with_enough_days():
    entries = [MoodEntry(f"r{i}", d, 5, ("rest",)) for i, d in enumerate(days(6))]
    entries += [MoodEntry(f"o{i}", d, 2, ()) for i, d in enumerate(days(6, start=10))]
    entries += [MoodEntry(f"x{i}", d, 3, ("exercise",)) for i, d in enumerate(days(2, start=30))]
    means = {e.day: float(e.score) for e in entries}
    found = tag_comparisons(entries, means)
    assert [c.label for c in found] == ["tagged rest"]
    assert found[0].with_mean == 5 and found[0].without_mean == pytest.approx(2.25)


def test_trend_is_the_window_of_daily_means_oldest_first():
    today = D + timedelta(days=40)
    means = {D: 1.0, today - timedelta(days=29): 2.0, today - timedelta(days=3): 4.0, today: 5.0}
    assert trend(means, today, 30) == [2.0, 4.0, 5.0]
    assert trend(means, today, 90) == [1.0, 2.0, 4.0, 5.0]
    assert trend({}, today, 30) == []
    assert window_mean(means, today, 30) == pytest.approx(11 / 3)
    assert window_mean({}, today, 30) is None


def test_daily_keeps_a_place_for_every_day_and_grouped_counts_back_from_today():
    today = D + timedelta(days=40)
    means = {D: 1.0, today - timedelta(days=4): 2.0, today - timedelta(days=3): 4.0, today: 5.0}
    assert daily(means, today, 5) == [2.0, 4.0, None, None, 5.0]
    assert len(daily(means, today, 90)) == 90 and daily({}, today, 3) == [None] * 3
    assert grouped([2.0, 4.0, None, None, 5.0], 2) == [2.0, 4.0, 5.0]
    assert grouped([2.0, 4.0, None, None, 5.0], 3) == [3.0, 5.0]  # the oldest group is short
    assert grouped([None, None, 1.0], 1) == [None, None, 1.0]


@pytest.mark.parametrize("mean, expected", [(1.0, 1), (1.49, 1), (2.5, 3), (3.5, 4), (4.6, 5), (5.0, 5)])
def test_level_rounds_halves_up(mean, expected):
    assert level(mean) == expected
