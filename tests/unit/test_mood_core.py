"""Mood rules: scores, tags, daily means, bounce-backs, reflections, and Today's words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.encourage import DayContext, encouragement
from tui.core.errors import InputError
from tui.core.mood import (
    MoodEntry,
    Rejection,
    bounce_backs,
    check_score,
    daily_means,
    newest_first,
    parse_tags,
    reflection_win,
)

D = date(2026, 11, 2)


def entries(*scores_by_day: tuple[int, int]) -> list[MoodEntry]:
    """(day offset, score) pairs → entries, timestamps in the order given."""
    return [
        MoodEntry(f"e{i}", D + timedelta(days=off), score, at=f"2026-11-26T09:{i:02d}:00+00:00")
        for i, (off, score) in enumerate(scores_by_day)
    ]


@pytest.mark.parametrize("given, expected", [(1, 1), (5, 5), ("3", 3), (" 4 ", 4)])
def test_scores_one_to_five_are_accepted(given, expected):
    assert check_score(given) == expected


@pytest.mark.parametrize("given", [0, 6, -1, "7", "abc", "", 3.5, True, None])
def test_scores_outside_one_to_five_are_refused(given):
    with pytest.raises(InputError) as err:
        check_score(given)
    assert err.value.field == "score"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ()),
        ("Rejection, interview", ("rejection", "interview")),
        ("rest  exercise,rest", ("rest", "exercise")),
        ("#offer 🎉", ("offer", "🎉")),
        (["Rest", "rest"], ("rest",)),
    ],
)
def test_tags_are_free_words_lower_cased_once(text, expected):
    assert parse_tags(text) == expected


@pytest.mark.parametrize("text", ["x" * 31, "bell\x07", " ".join(f"t{i}" for i in range(11))])
def test_bad_tags_are_refused(text):
    with pytest.raises(InputError) as err:
        parse_tags(text)
    assert err.value.field == "tags"


def test_a_days_mood_is_the_mean_of_its_entries():
    assert daily_means(entries((0, 2), (0, 4), (0, 3), (1, 5))) == {D: 3.0, D + timedelta(1): 5.0}
    assert daily_means([]) == {}


def test_newest_first_orders_by_day_then_time():
    found = newest_first(entries((0, 2), (1, 4), (1, 3)))
    assert [e.id for e in found] == ["e2", "e1", "e0"]


@pytest.mark.parametrize(
    "pattern, bounce_days",
    [
        ([], []),
        ([(0, 2), (1, 4)], [1]),  # next day
        ([(0, 1), (3, 5)], [3]),  # three days later still counts
        ([(0, 2), (4, 4)], []),  # four days is too late
        ([(0, 2), (0, 4)], [0]),  # later the same day
        ([(0, 4), (0, 2)], []),  # good before the low: no bounce
        ([(0, 2), (1, 4), (2, 5)], [1]),  # once per low spell
        ([(0, 2), (1, 1), (2, 4)], [2]),  # a longer low spell, one bounce
        ([(0, 2), (1, 4), (2, 2), (3, 4)], [1, 3]),  # two spells, two bounces
        ([(0, 3), (1, 4)], []),  # 3 is not low
        ([(0, 2), (1, 3)], []),  # 3 is not good
    ],
)
def test_bounce_back_is_a_good_mood_within_three_days_of_a_low(pattern, bounce_days):
    wins = list(bounce_backs(entries(*pattern)))
    assert [(w.day - D).days for w in wins] == bounce_days
    assert all(w.key == f"bounce_back:-:{w.day.isoformat()}" for w in wins)


def test_reflection_wins_only_with_a_lesson_and_once_per_rejection():
    rejection = Rejection("r1", D, "Northwind", "Analyst")
    assert reflection_win(rejection) is None
    assert reflection_win(Rejection("r1", D, "Northwind", lesson="   ")) is None
    win = reflection_win(Rejection("r1", D, "Northwind", "Analyst", lesson="practise SQL"))
    assert win is not None and win.key == f"reflected:r1:{D.isoformat()}"
    assert "Northwind · Analyst" in win.title


def context(**changes: object) -> DayContext:
    values: dict[str, object] = dict(goals=3, complete=1, at_risk=0, best_current_streak=0, rest_day=False)
    values.update(changes)
    return DayContext(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes, words",
    [
        (dict(rejection=True), "not a verdict on you"),
        (dict(rejection=True, lesson_written=True), "lesson is written down"),
        (dict(rejection=True, rest_day=True), "not a verdict on you"),
        (dict(rest_day=True), "Rest is part of the plan"),
        (dict(best_current_streak=5), "5 in a row"),
        (dict(), "Good start"),
    ],
)
def test_encouragement_speaks_to_the_day(changes, words):
    assert words in encouragement(context(**changes))
