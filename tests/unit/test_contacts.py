"""The follow-up rules of product.md §3, table-driven, and the contact validation rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.contact_wins import contact_wins
from tui.core.contacts import (
    Contact,
    Interaction,
    Urgency,
    answers_follow_up,
    check_cadence,
    check_kind,
    clean_contact_name,
    clean_tags,
    humanize_days,
    next_follow_up,
    parse_follow_up,
    urgency,
)
from tui.core.errors import InputError
from tui.core.goals import match_by_name

TODAY = date(2026, 11, 26)  # a Thursday
ADDED = date(2026, 10, 1)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def contact(cadence=None, follow_up=None, follow_up_set=None) -> Contact:
    return Contact("c1", "Ada", ADDED, cadence=cadence, follow_up=follow_up,
                   follow_up_set=follow_up_set)


@pytest.mark.parametrize(
    "case, cadence, explicit, last, expected",
    [
        ("no cadence, no date", None, None, days(-3), None),
        ("cadence from the last interaction", 14, None, days(-3), days(11)),
        ("cadence, never contacted: from the day added", 14, None, None, ADDED + timedelta(days=14)),
        ("explicit date ahead of the last interaction", 14, days(5), days(-3), days(5)),
        ("explicit date wins over a later cadence day", 3, days(10), days(-3), days(10)),
        ("explicit date, never contacted", None, days(2), None, days(2)),
        ("explicit date not ahead of the last: cadence", 14, days(-5), days(-3), days(11)),
        ("explicit date on the last interaction day: cadence", 7, days(-3), days(-3), days(4)),
        ("explicit date passed, no cadence: nothing", None, days(-5), days(-3), None),
    ],
)
def test_next_follow_up(case, cadence, explicit, last, expected) -> None:
    assert next_follow_up(contact(cadence, explicit), last) == expected, case


@pytest.mark.parametrize(
    "case, interactions, expected",
    [
        # cadence 14; explicit follow-up of today set 10 days ago
        ("logging early clears the explicit date; cadence moves on", [-20, -2], days(12)),
        ("logging late (after the due day) still moves it", [-20, 0], days(14)),
        ("deleting the last interaction brings the follow-up back", [-20], TODAY),
        ("a backdated interaction from before it was set does not clear it", [-20, -15], TODAY),
        ("the first half of the wait leaves it (issue 14.3)", [-20, -10, -6], TODAY),
        ("from the halfway day on it clears", [-20, -5], days(9)),
    ],
)
def test_logging_moves_the_follow_up(case, interactions, expected) -> None:
    """Replays what the service does: each log clears the explicit date when it answers it."""
    current = contact(14, TODAY, days(-10))
    last = None
    for offset in interactions:
        day = days(offset)
        if answers_follow_up(current, day, last):
            current = Contact(current.id, current.name, current.added, cadence=current.cadence)
        last = max(last, day) if last else day
    assert next_follow_up(current, last) == expected, case


@pytest.mark.parametrize(
    ("set_on", "due", "day", "last", "expected"),
    [
        # "in 2 weeks" set on 4 Dec: due 18 Dec, the second half of the wait starts on 11 Dec
        (date(2026, 12, 4), date(2026, 12, 18), date(2026, 12, 4), None, False),
        (date(2026, 12, 4), date(2026, 12, 18), date(2026, 12, 10), None, False),
        (date(2026, 12, 4), date(2026, 12, 18), date(2026, 12, 11), None, True),
        (date(2026, 12, 4), date(2026, 12, 18), date(2026, 12, 12), None, True),
        (date(2026, 12, 4), date(2026, 12, 18), date(2026, 12, 20), None, True),  # late still clears
        (date(2026, 12, 4), date(2026, 12, 7), date(2026, 12, 5), None, False),  # 3 days: from the 6th
        (date(2026, 12, 4), date(2026, 12, 7), date(2026, 12, 6), None, True),
        (date(2026, 12, 4), date(2026, 12, 4), date(2026, 12, 4), None, True),  # "today"
        # set before the day was stored: as before, the newest interaction answers it
        (None, date(2026, 12, 18), date(2026, 12, 4), date(2026, 12, 1), True),
        (None, date(2026, 12, 18), date(2026, 12, 1), date(2026, 12, 4), False),
    ],
)
def test_only_the_second_half_of_the_wait_answers_a_follow_up(set_on, due, day, last, expected):
    assert answers_follow_up(contact(None, due, set_on), day, last) is expected


@pytest.mark.parametrize(
    "next_day, expected",
    [(None, Urgency.NONE), (days(-1), Urgency.OVERDUE), (TODAY, Urgency.DUE), (days(1), Urgency.LATER)],
)
def test_urgency(next_day, expected) -> None:
    assert urgency(next_day, TODAY) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in 2 weeks", ("date", days(14))),
        ("in 3 days", ("date", days(3))),
        ("In  1 day", ("date", days(1))),
        ("2026-12-10", ("date", date(2026, 12, 10))),
        ("today", ("date", TODAY)),
        ("every 14 days", ("every", 14)),
        ("every 2 weeks", ("every", 14)),
        ("every 5", ("every", 5)),
        ("none", ("none", None)),
    ],
)
def test_parse_follow_up(text, expected) -> None:
    assert parse_follow_up(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["tomorrowish", "2026-11-01", "2026-02-30", "every 0 days", "in 0 days", "every 99999 days"]
)
def test_parse_follow_up_refuses(text) -> None:
    with pytest.raises(InputError) as err:
        parse_follow_up(text, TODAY)
    assert err.value.field == "when"


@pytest.mark.parametrize(
    "day, expected",
    [(None, "never"), (TODAY, "today"), (days(-1), "yesterday"), (days(-3), "3 days ago"),
     (days(-21), "3 weeks ago"), (days(-70), "2 months ago"), (days(14), "in 2 weeks")],
)
def test_humanize(day, expected) -> None:
    assert humanize_days(day, TODAY) == expected


def test_validation() -> None:
    others = [contact()]
    assert clean_contact_name("  Grace 🎉 ", others) == "Grace 🎉"
    for bad in ("", "   ", "x" * 81, "bell\x07", "ada"):
        with pytest.raises(InputError) as err:
            clean_contact_name(bad, others)
        assert err.value.field == "name"
    assert clean_contact_name("ADA", others, exclude_id="c1") == "ADA"
    assert clean_tags("Recruiter, #fintech recruiter") == ("recruiter", "fintech")
    assert check_kind(" Coffee ") == "coffee"
    with pytest.raises(InputError):
        check_kind("dance")
    for bad in (0, -1, 3651, True):
        with pytest.raises(InputError):
            check_cadence(bad)


def test_match_by_name_works_for_contacts() -> None:
    people = [Contact("1", "Ada Lovelace", ADDED), Contact("2", "Adam Smith", ADDED)]
    assert match_by_name("ada lovelace", people, what="contact").id == "1"
    assert match_by_name("adam", people, what="contact").id == "2"
    with pytest.raises(InputError, match="several contacts"):
        match_by_name("ada", people, what="contact")
    with pytest.raises(InputError, match="no contact matches"):
        match_by_name("zed", people, what="contact")


def test_contact_wins() -> None:
    people = [contact()]
    monday = date(2026, 11, 23)
    items = [
        Interaction("i1", "c1", monday + timedelta(days=1), due=monday + timedelta(days=1)),  # on time
        Interaction("i2", "c1", monday + timedelta(days=2), due=monday),  # late
        Interaction("i3", "c1", monday - timedelta(days=3)),  # the week before, no follow-up
        Interaction("i4", "gone", monday),  # a deleted contact's: earns nothing
    ]
    wins = contact_wins(people, items, TODAY)
    assert [(w.rule, w.day) for w in wins] == [
        ("reached_out", monday - timedelta(days=3)),
        ("followed_up", monday + timedelta(days=1)),
        ("reached_out", monday + timedelta(days=1)),
    ]
    assert wins[1].goal_id == "c1" and wins[1].title == "Followed up on time: Ada"


def test_humanize_says_what_arrow_says_for_every_day_of_eleven_years_either_way() -> None:
    """The words are arrow's (``humanize`` with the granularity the span picks), computed
    without importing it: held equal day by day."""
    import arrow

    for delta in range(-4000, 4001):
        day = TODAY - timedelta(days=delta)
        if delta in (0, 1, -1):
            continue  # today, yesterday, tomorrow: Rebound's own words
        span = abs(delta)
        granularity = "day" if span < 14 else "week" if span < 60 else "month" if span < 730 else "year"
        expected = arrow.get(day).humanize(arrow.get(TODAY), granularity=granularity)
        assert humanize_days(day, TODAY) == expected, delta
