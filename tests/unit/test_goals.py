"""product.md §3 "Goals": names, targets, periods, schedules, and matching a goal by name."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.core.goals import (
    ALL_DAYS,
    Goal,
    check_period,
    check_target,
    clean_goal_name,
    match_by_name,
)

START = date(2026, 3, 2)


def goal(name: str, id: str | None = None, **kw) -> Goal:
    return Goal(id=id or name, name=name, start=START, **kw)


# Names -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Applications", "Applications"),
        ("  Applications  ", "Applications"),  # trimmed
        ("\tApplications\n", "Applications"),  # surrounding control whitespace is trimmed away
        ("a", "a"),  # 1 character is enough
        ("x" * 80, "x" * 80),  # 80 is the limit
        ("   " + "x" * 80 + "   ", "x" * 80),  # the limit applies after trimming
        ("📨 Send applications", "📨 Send applications"),  # emoji welcome
        ("🎯" * 80, "🎯" * 80),
        ("שליחת קורות חיים", "שליחת קורות חיים"),  # Hebrew (RTL)
        ("تقديم طلبات العمل", "تقديم طلبات العمل"),  # Arabic (RTL)
        ("Coffee ☕ with مريم", "Coffee ☕ with مريم"),  # mixed direction
        ("Learn 日本語", "Learn 日本語"),
        ("Network  twice", "Network  twice"),  # inner spaces are kept
    ],
)
def test_valid_goal_names_are_trimmed_and_accepted(raw, expected):
    assert clean_goal_name(raw, []) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\t \n", "empty"),
        ("x" * 81, "81"),
        ("  " + "x" * 81 + "  ", "81"),
        ("🎯" * 81, "81"),
        ("line\nbreak", "control"),
        ("tab\tinside", "control"),
        ("nul\x00byte", "control"),
        ("bell\x07", "control"),
        ("\x1b[31mred", "control"),
        ("del\x7f", "control"),
    ],
)
def test_invalid_goal_names_are_refused_with_a_clear_message(raw, fragment):
    with pytest.raises(InputError, match=fragment) as caught:
        clean_goal_name(raw, [])
    assert "\n" not in str(caught.value)  # one clear line for the user


OTHERS = [goal("Applications", "1"), goal("Networking", "2", archived=True), goal("Straße", "3")]


@pytest.mark.parametrize(
    "raw", ["Applications", "applications", "APPLICATIONS", "  aPpLiCaTiOnS ", "STRASSE"]
)
def test_names_are_unique_among_active_goals_case_insensitively(raw):
    with pytest.raises(InputError):
        clean_goal_name(raw, OTHERS)


def test_duplicate_message_names_the_existing_goal():
    with pytest.raises(InputError, match="Applications"):
        clean_goal_name("applications", OTHERS)


@pytest.mark.parametrize("raw", ["Networking", "networking", "Applications 2", "Apps"])
def test_archived_names_and_different_names_are_free(raw):
    assert clean_goal_name(raw, OTHERS) == raw


def test_renaming_a_goal_may_keep_its_own_name_in_another_case():
    assert clean_goal_name("APPLICATIONS", OTHERS, exclude_id="1") == "APPLICATIONS"
    with pytest.raises(InputError):  # but not take another active goal's name
        clean_goal_name("Straße", OTHERS, exclude_id="1")


def test_two_archived_goals_with_the_same_name_do_not_block_a_new_one():
    others = [goal("Walk", "a", archived=True), goal("walk", "b", archived=True)]
    assert clean_goal_name("WALK", others) == "WALK"


def test_input_error_is_a_value_error_naming_the_field():
    with pytest.raises(ValueError):
        clean_goal_name("", [])
    for call, field in [(lambda: clean_goal_name("", []), "name"),
                        (lambda: clean_goal_name("applications", OTHERS), "name"),
                        (lambda: check_target(0), "target"), (lambda: check_period("x"), "period")]:
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.field == field


def test_lone_surrogates_are_refused():
    with pytest.raises(InputError):
        clean_goal_name("bad\ud800name", [])


def is_control(ch: str) -> bool:
    """C0/C1 controls, plus lone surrogates (not text at all)."""
    return ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or 0xD800 <= ord(ch) <= 0xDFFF


@given(st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=100))
def test_any_accepted_name_obeys_the_rules(raw):
    try:
        name = clean_goal_name(raw, [])
    except InputError:
        stripped = raw.strip()
        assert not stripped or len(stripped) > 80 or any(map(is_control, stripped))
    else:
        assert name == raw.strip()
        assert 1 <= len(name) <= 80
        assert not any(map(is_control, name))


# Targets and periods -----------------------------------------------------------------------------
@pytest.mark.parametrize("target", [1, 2, 5, 100, 1000])
def test_positive_whole_targets_are_accepted(target):
    assert check_target(target) == target


@pytest.mark.parametrize("target", [0, -1, -100, 1001, 1.0, 2.5, "3", None, True, False])
def test_other_targets_are_refused(target):
    # ≥ 1 and whole per the spec; 1000 is the implementation's sanity ceiling.
    with pytest.raises(InputError):
        check_target(target)


@pytest.mark.parametrize("period", ["day", "week"])
def test_periods_day_and_week(period):
    assert check_period(period) == period


@pytest.mark.parametrize("period", ["", "month", "Day", "weekly"])
def test_other_periods_are_refused(period):
    with pytest.raises(InputError):
        check_period(period)


def test_goal_defaults_target_one_daily_every_day_active():
    g = goal("Walk")
    assert (g.target, g.period, g.weekdays, g.archived) == (1, "day", ALL_DAYS, False)
    assert ALL_DAYS == frozenset(range(7))
    assert not g.is_weekly
    assert goal("Apply", period="week").is_weekly


@pytest.mark.parametrize(
    ("weekdays", "period", "day", "scheduled"),
    [
        (ALL_DAYS, "day", date(2026, 3, 7), True),  # Saturday, every day
        ({0, 2, 4}, "day", date(2026, 3, 2), True),  # Monday
        ({0, 2, 4}, "day", date(2026, 3, 3), False),  # Tuesday
        ({0, 2, 4}, "day", date(2026, 3, 8), False),  # Sunday
        ({6}, "day", date(2026, 3, 8), True),
        ({0}, "week", date(2026, 3, 3), True),  # weekdays do not apply to weekly goals
    ],
)
def test_scheduled_weekdays(weekdays, period, day, scheduled):
    assert goal("G", weekdays=frozenset(weekdays), period=period).scheduled_on(day) is scheduled


# Matching by name --------------------------------------------------------------------------------
GOALS = [goal(n) for n in ("Applications", "Networking", "Net income review", "Learn",
                           "Learning SQL", "📨 Outreach")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Applications", "Applications"),  # exact
        ("applications", "Applications"),  # case-insensitive
        ("  NETWORKING ", "Networking"),  # trimmed
        ("app", "Applications"),  # unambiguous prefix
        ("A", "Applications"),
        ("networ", "Networking"),
        ("net income", "Net income review"),
        ("learn", "Learn"),  # an exact name wins over being a prefix of another
        ("learni", "Learning SQL"),
        ("📨", "📨 Outreach"),
    ],
)
def test_match_by_name_exact_or_unambiguous_prefix(query, expected):
    assert match_by_name(query, GOALS).name == expected


@pytest.mark.parametrize(("query", "names"), [("net", ["Net income review", "Networking"]),
                                              (" NET ", ["Net income review", "Networking"]),
                                              ("l", ["Learn", "Learning SQL"])])
def test_match_by_name_ambiguous_prefix_lists_the_candidates(query, names):
    with pytest.raises(InputError, match="several") as caught:
        match_by_name(query, GOALS)
    for name in names:
        assert name in str(caught.value)


@pytest.mark.parametrize("query", ["xyz", "working", "SQL", "Applications!", "Learning SQL 2"])
def test_match_by_name_without_a_match(query):
    with pytest.raises(InputError, match="no goal"):
        match_by_name(query, GOALS)


@pytest.mark.parametrize("query", ["", "   "])
def test_match_by_name_needs_a_query(query):
    with pytest.raises(InputError):
        match_by_name(query, GOALS)


def test_match_by_name_with_no_goals():
    with pytest.raises(InputError):
        match_by_name("app", [])
