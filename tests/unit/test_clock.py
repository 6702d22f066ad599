"""product.md §3 "Logical day": day_start_hour, DST, week_start; plus weekday parsing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clock import Clock, format_weekdays, logical_day, parse_weekdays, week_start_of

NY = ZoneInfo("America/New_York")
UTC = timezone.utc


def ny(utc_text: str) -> datetime:
    """A UTC instant seen on a New York wall clock."""
    return datetime.fromisoformat(utc_text).replace(tzinfo=UTC).astimezone(NY)


@pytest.mark.parametrize(
    ("moment", "hour", "expected"),
    [
        (datetime(2026, 3, 12, 1, 30), 4, date(2026, 3, 11)),  # the example in the spec
        (datetime(2026, 3, 12, 3, 59, 59), 4, date(2026, 3, 11)),
        (datetime(2026, 3, 12, 4, 0), 4, date(2026, 3, 12)),
        (datetime(2026, 3, 12, 0, 0), 0, date(2026, 3, 12)),  # default: midnight starts the day
        (datetime(2026, 3, 11, 23, 59, 59), 0, date(2026, 3, 11)),
        (datetime(2026, 3, 12, 22, 59), 23, date(2026, 3, 11)),
        (datetime(2026, 3, 12, 23, 0), 23, date(2026, 3, 12)),
        (datetime(2026, 1, 1, 2, 0), 4, date(2025, 12, 31)),  # across a year
        (datetime(2024, 3, 1, 1, 0), 4, date(2024, 2, 29)),  # into a leap day
        (datetime(2026, 3, 1, 1, 0), 4, date(2026, 2, 28)),
    ],
)
def test_logical_day_respects_day_start_hour(moment, hour, expected):
    assert logical_day(moment, hour) == expected


def test_logical_day_default_hour_is_midnight():
    assert logical_day(datetime(2026, 3, 12, 0, 1)) == date(2026, 3, 12)
    assert logical_day(datetime(2026, 3, 11, 23, 59)) == date(2026, 3, 11)


@pytest.mark.parametrize(
    ("utc", "hour", "expected"),
    [
        # Spring forward, 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
        ("2026-03-08T04:59", 0, date(2026, 3, 7)),  # 23:59 EST
        ("2026-03-08T05:00", 0, date(2026, 3, 8)),  # 00:00 EST
        ("2026-03-08T06:59", 4, date(2026, 3, 7)),  # 01:59 EST
        ("2026-03-08T07:00", 4, date(2026, 3, 7)),  # 03:00 EDT: still before 4 on the wall
        ("2026-03-08T07:30", 4, date(2026, 3, 7)),  # 03:30 EDT
        ("2026-03-08T07:59", 4, date(2026, 3, 7)),  # 03:59 EDT
        ("2026-03-08T08:00", 4, date(2026, 3, 8)),  # 04:00 EDT, only 3 real hours after midnight
        ("2026-03-08T07:00", 3, date(2026, 3, 8)),  # 03:00 EDT with a 3 o'clock start
        ("2026-03-08T06:59", 3, date(2026, 3, 7)),  # 01:59 EST
        # Fall back, 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00 UTC); 01:xx happens twice.
        ("2026-11-01T03:59", 0, date(2026, 10, 31)),  # 23:59 EDT
        ("2026-11-01T04:00", 0, date(2026, 11, 1)),  # 00:00 EDT
        ("2026-11-01T05:30", 4, date(2026, 10, 31)),  # 01:30 EDT (first time)
        ("2026-11-01T06:30", 4, date(2026, 10, 31)),  # 01:30 EST (second time)
        ("2026-11-01T08:30", 4, date(2026, 10, 31)),  # 03:30 EST, 5 real hours after midnight
        ("2026-11-01T08:59", 4, date(2026, 10, 31)),  # 03:59 EST
        ("2026-11-01T09:00", 4, date(2026, 11, 1)),  # 04:00 EST
    ],
)
def test_logical_day_on_dst_changes_follows_the_wall_clock(utc, hour, expected):
    assert logical_day(ny(utc), hour) == expected


def test_both_folds_of_a_repeated_hour_land_on_the_same_day():
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NY, fold=0)
    second = datetime(2026, 11, 1, 1, 30, tzinfo=NY, fold=1)
    assert first.utcoffset() != second.utcoffset()
    assert logical_day(first, 4) == logical_day(second, 4) == date(2026, 10, 31)
    assert logical_day(first, 0) == logical_day(second, 0) == date(2026, 11, 1)


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Europe/London", "UTC",
                                  "Australia/Lord_Howe", "Asia/Kolkata"])
def test_logical_day_depends_on_local_wall_clock_not_offset(zone):
    moment = datetime(2026, 3, 12, 1, 30, tzinfo=ZoneInfo(zone))
    assert logical_day(moment, 4) == date(2026, 3, 11)
    assert logical_day(moment, 0) == date(2026, 3, 12)


@given(
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                        timezones=st.sampled_from([NY, ZoneInfo("Europe/Berlin"), UTC])),
    hour=st.integers(0, 23),
)
@settings(max_examples=200)
def test_logical_day_is_today_or_yesterday_by_wall_clock_hour(moment, hour):
    day = logical_day(moment, hour)
    expected = moment.date() if moment.hour >= hour else moment.date() - timedelta(days=1)
    assert day == expected


# Clock -------------------------------------------------------------------------------------------
def test_clock_today_uses_injected_now_and_day_start_hour():
    clock = Clock(now=lambda: datetime(2026, 3, 12, 1, 30, tzinfo=NY), day_start_hour=4)
    assert clock.today() == date(2026, 3, 11)
    assert Clock(now=lambda: datetime(2026, 3, 12, 1, 30, tzinfo=NY)).today() == date(2026, 3, 12)


@pytest.mark.parametrize("hour", [0, 4, 23])
def test_clock_accepts_day_start_hours_0_to_23(hour):
    assert Clock(day_start_hour=hour).day_start_hour == hour


@pytest.mark.parametrize(("kwargs"), [{"day_start_hour": -1}, {"day_start_hour": 24},
                                      {"week_start": -1}, {"week_start": 7}])
def test_clock_refuses_out_of_range_settings(kwargs):
    with pytest.raises(ValueError):
        Clock(**kwargs)


def test_clock_defaults_are_midnight_and_monday():
    clock = Clock()
    assert clock.day_start_hour == 0
    assert clock.week_start == 0


@pytest.mark.parametrize(
    ("now", "offset"),
    [
        (datetime(2026, 3, 12, 1, 30, tzinfo=NY), timedelta(hours=-4)),  # EDT
        (datetime(2026, 1, 12, 1, 30, tzinfo=NY), timedelta(hours=-5)),  # EST
        (datetime(2026, 1, 12, 1, 30, tzinfo=UTC), timedelta(0)),
    ],
)
def test_timestamp_is_iso_8601_with_utc_offset(now, offset):
    stamp = Clock(now=lambda: now).timestamp()
    parsed = datetime.fromisoformat(stamp)
    assert parsed.utcoffset() == offset
    assert parsed == now


def test_timestamp_of_a_naive_clock_still_carries_an_offset():
    stamp = Clock(now=lambda: datetime(2026, 3, 12, 9, 0)).timestamp()
    assert datetime.fromisoformat(stamp).utcoffset() is not None


# Weeks -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "week_start", "expected"),
    [
        (date(2026, 3, 12), 0, date(2026, 3, 9)),  # Thursday → Monday
        (date(2026, 3, 9), 0, date(2026, 3, 9)),  # a Monday is its own week start
        (date(2026, 3, 15), 0, date(2026, 3, 9)),  # Sunday is the last day of a Monday week
        (date(2026, 3, 12), 6, date(2026, 3, 8)),  # Sunday-start week
        (date(2026, 3, 15), 6, date(2026, 3, 15)),
        (date(2026, 3, 14), 6, date(2026, 3, 8)),  # Saturday ends a Sunday week
        (date(2026, 3, 12), 3, date(2026, 3, 12)),
        (date(2026, 3, 12), 4, date(2026, 3, 6)),  # Friday start: back to last Friday
        (date(2026, 1, 1), 0, date(2025, 12, 29)),  # across a year
    ],
)
def test_week_start_of(day, week_start, expected):
    assert week_start_of(day, week_start) == expected


def test_clock_week_of_uses_its_week_start():
    assert Clock().week_of(date(2026, 3, 12)) == date(2026, 3, 9)
    assert Clock(week_start=6).week_of(date(2026, 3, 12)) == date(2026, 3, 8)


@given(day=st.dates(date(1990, 1, 1), date(2100, 1, 1)), week_start=st.integers(0, 6))
def test_week_start_is_the_latest_matching_weekday_on_or_before_the_day(day, week_start):
    start = week_start_of(day, week_start)
    assert start.weekday() == week_start
    assert 0 <= (day - start).days <= 6


# Weekdays ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon,wed,fri", {0, 2, 4}),
        ("Mon, Wed , FRI", {0, 2, 4}),
        ("monday,tuesday", {0, 1}),
        ("sun", {6}),
        ("sat,sun,sat", {5, 6}),
        ("mon,tue,wed,thu,fri,sat,sun", set(range(7))),
        ("mon,,wed,", {0, 2}),
    ],
)
def test_parse_weekdays(text, expected):
    assert parse_weekdays(text) == frozenset(expected)


@pytest.mark.parametrize("text", ["", " , ", "funday", "mon,xyz", "1,2"])
def test_parse_weekdays_refuses_bad_input(text):
    with pytest.raises(ValueError):
        parse_weekdays(text)


def test_parse_weekdays_error_names_the_bad_part():
    with pytest.raises(ValueError, match="funday"):
        parse_weekdays("mon,funday")


@pytest.mark.parametrize(
    ("days", "text"),
    [(set(range(7)), "every day"), ({0, 2, 4}, "mon,wed,fri"), ({6, 0}, "mon,sun")],
)
def test_format_weekdays(days, text):
    assert format_weekdays(frozenset(days)) == text


@given(st.sets(st.integers(0, 6), min_size=1, max_size=6))
def test_format_then_parse_round_trips(days):
    assert parse_weekdays(format_weekdays(frozenset(days))) == frozenset(days)
