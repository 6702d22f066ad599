"""The pipeline rules of product.md §3 "Applications": validation, the duplicate guard, quiet
applications and the funnel (hand-computed tables and a hypothesis property)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.applications import (
    OPEN_STAGES,
    STAGES,
    Application,
    check_move,
    check_source,
    clean_company,
    clean_link,
    clean_role,
    duplicate_open,
    funnel,
    in_window,
    quiet_days,
    quiet_label,
)
from tui.core.errors import InputError

TODAY = date(2026, 12, 4)
NOV = date(2026, 11, 12)


def app(company: str = "Northwind", role: str = "Data analyst", applied: date = NOV,
        moves: tuple[tuple[str, int], ...] = (), source: str = "other",
        contacts: tuple[str, ...] = ()) -> Application:
    """``moves``: (stage, days after applying)."""
    history = (("applied", applied), *((s, applied + timedelta(days=d)) for s, d in moves))
    return Application(f"id-{company}-{role}-{len(moves)}", company, role, applied, history,
                       source=source, contacts=contacts)


# Validation --------------------------------------------------------------------------------------
@pytest.mark.parametrize("clean", [clean_company, clean_role])
def test_company_and_role_are_required(clean) -> None:
    with pytest.raises(InputError, match="cannot be empty"):
        clean("   ")


def test_a_link_with_control_characters_is_refused() -> None:
    with pytest.raises(InputError, match="link cannot contain control characters"):
        clean_link("https://example.com/\x1b[31mjob")
    assert clean_link(" https://example.com/job ") == "https://example.com/job"


def test_sources_and_stages() -> None:
    assert check_source("Job-board") == "job board"
    assert check_source("") == "other"
    with pytest.raises(InputError, match="unknown source 'newspaper'"):
        check_source("newspaper")


@pytest.mark.parametrize("stage, day, message", [
    ("offered", TODAY, "unknown stage 'offered'"),
    ("screen", NOV - timedelta(days=1), "before the application"),
    ("screen", TODAY + timedelta(days=1), "is in the future"),
    ("applied", TODAY, "already at applied"),
])
def test_bad_moves_are_refused(stage: str, day: date, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_move(app(), stage, day, TODAY)


def test_a_move_on_the_day_of_applying_and_reopening_are_fine() -> None:
    assert check_move(app(), "screen", NOV, TODAY) == "screen"
    assert check_move(app(moves=(("rejected", 5),)), "interview", TODAY, TODAY) == "interview"


# Duplicate guard ---------------------------------------------------------------------------------
def test_a_second_open_application_is_refused_with_the_first_day() -> None:
    with pytest.raises(InputError, match=r"^already applied to Northwind · Data analyst on 12 Nov$"):
        duplicate_open("northwind", "DATA ANALYST", [app()])


def test_a_closed_one_or_another_role_is_no_duplicate() -> None:
    duplicate_open("Northwind", "Data analyst", [app(moves=(("rejected", 3),))])
    duplicate_open("Northwind", "Engineer", [app()])
    first = app()
    duplicate_open("Northwind", "Data analyst", [first], exclude_id=first.id)


# Quiet applications ------------------------------------------------------------------------------
@pytest.mark.parametrize("moves, latest, expected", [
    ((), {}, 22),                                   # applied 22 days ago, nothing since
    ((("screen", 2),), {}, None),                   # moved 20 days ago: not yet
    ((), {"c1": date(2026, 11, 20)}, None),         # talked to its contact 14 days ago
    ((), {"other": date(2026, 12, 1)}, 22),         # someone else's contact does not count
    ((("rejected", 1),), {}, None),                 # closed: never quiet
])
def test_quiet_detection(moves, latest, expected) -> None:
    one = app(moves=moves, contacts=("c1",))
    assert quiet_days(one, TODAY, latest) == expected


def test_quiet_uses_the_setting_and_says_weeks() -> None:
    assert quiet_days(app(), TODAY, {}, ghost_days=30) is None
    assert quiet_days(app(), TODAY, {}, ghost_days=22) == 22
    assert quiet_label(22) == "no reply in 3 weeks"
    assert quiet_label(90) == "no reply in 12 weeks"
    assert quiet_label(91) == "no reply in 3 months"
    assert quiet_label(729) == "no reply in 24 months"
    assert quiet_label(1810) == "no reply in 4 years"
    assert quiet_label(5) == "no reply in 5 days"


# The funnel --------------------------------------------------------------------------------------
def ten() -> list[Application]:
    """10 applications: 4 silent, 1 rejected at once (day 3), 5 screened (days 2,4,6,8,10);
    of those 3 interviewed, 2 reached final, 1 an offer it accepted."""
    apps = [app(role=f"silent {i}") for i in range(4)]
    apps.append(app(role="rejected", moves=(("rejected", 3),)))
    apps.append(app(role="s1", moves=(("screen", 2),)))
    apps.append(app(role="s2", moves=(("screen", 4), ("rejected", 9))))
    apps.append(app(role="s3", moves=(("screen", 6), ("interview", 10))))
    apps.append(app(role="s4", moves=(("screen", 8), ("interview", 12), ("final", 15))))
    apps.append(app(role="s5", source="referral",
                    moves=(("screen", 10), ("interview", 12), ("final", 14), ("offer", 16), ("accepted", 17))))
    return apps


def test_funnel_counts_conversions_response_and_median() -> None:
    result = funnel(ten())
    assert result.reached == {"applied": 10, "screen": 5, "interview": 3, "final": 2, "offer": 1}
    # applied→screen 5/10; screen→interview 3/5; the rest rest on fewer than 5: not shown
    assert result.conversions == {"applied": 0.5, "screen": 0.6, "interview": None, "final": None}
    assert result.response_rate == 0.6  # 5 screened + 1 rejected of 10
    assert result.median_days == 5.0  # first responses after 3, 2, 4, 6, 8, 10 days
    assert result.by_source["referral"].total == 1
    assert result.by_source["referral"].response_rate is None  # 1 application: no figure
    assert result.by_source["other"].reached["screen"] == 4


def test_funnel_of_fewer_than_five_shows_no_figures() -> None:
    result = funnel(ten()[5:9])
    assert result.total == 4
    assert result.response_rate is None and result.median_days is None
    assert set(result.conversions.values()) == {None}


def test_the_window_is_by_day_applied() -> None:
    old = app(role="old", applied=TODAY - timedelta(days=30))
    edge = app(role="edge", applied=TODAY - timedelta(days=29))
    assert in_window([old, edge], TODAY, 30) == [edge]
    assert in_window([old, edge], TODAY, None) == [old, edge]


histories = st.lists(st.tuples(st.sampled_from(STAGES[1:]), st.integers(0, 60)), max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(histories, st.sampled_from(("referral", "other", "job board"))), max_size=30))
def test_funnel_property(rows) -> None:
    apps = [app(role=str(i), moves=tuple(h), source=s) for i, (h, s) in enumerate(rows)]
    for result in (funnel(apps), *funnel(apps).by_source.values()):
        counts = [result.reached[s] for s in OPEN_STAGES]
        assert counts == sorted(counts, reverse=True)
        assert counts[0] == result.total
        for value in (*result.conversions.values(), result.response_rate):
            assert value is None or 0 <= value <= 1
        assert result.median_days is None or result.median_days >= 0
