"""One snapshot per screen and form, from demo data at a fixed date and terminal size."""

from __future__ import annotations

import pytest

from tui.demo.screenshots import CLASSIC, SIZE, demo_app

WIDE = (120, 36)
SCREENS = {"today": [], "goals": ["2"], "contacts": ["3"], "mood": ["4"], "wins": ["5"],
           "applications": ["6"]}


def test_today(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE)


def test_add_goal_form_with_a_refusal(snap_compare, tmp_path):
    async def fill(pilot):
        await pilot.press("a", *"Send applications", "enter")
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=fill)


def test_help(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["question_mark"])


def test_goals_with_the_day_cursor_moved(snap_compare, tmp_path):
    # "2" opens Goals; two weeks and a day back is Wed 11 Nov, a missed day.
    keys = ["2", "left_square_bracket", "left_square_bracket", "left"]
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=keys)


def test_delete_goal_confirmation(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["2", "j", "d"])


def test_mood_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["4"])


def test_mood_form_with_a_score_and_tags(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["m", "4", *"exer", "right"])


def test_rejection_form_with_a_refusal(snap_compare, tmp_path):
    async def fill(pilot):
        await pilot.press("x", "tab", *"Data analyst", "enter")
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=fill)


def test_contacts(snap_compare, tmp_path):
    # "3" opens Contacts: Priya overdue (error colour), Marcus due today (warning colour).
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["3"])


def test_log_interaction_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["3", "l"])


def test_add_contact_form_with_a_refusal(snap_compare, tmp_path):
    async def fill(pilot):
        await pilot.press("3", "a", "tab", *"Initech", "enter")
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=fill)


def test_applications(snap_compare, tmp_path):
    # "6" opens Applications: the offer first, the quiet ones saying so, the funnel for 30 days.
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["6"])


def test_close_application_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["6", "c"])


def test_wins(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["5"])


def test_win_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["w", *"landed an interview"])


def test_settings_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["comma"])


@pytest.mark.parametrize("size", [CLASSIC, WIDE], ids=["80x24", "120x36"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_at_the_classic_and_a_wide_size(snap_compare, tmp_path, screen, size):
    """80×24: nothing that matters cut (product.md §2); 120×36: the width used, rows compact."""
    assert snap_compare(demo_app(tmp_path), terminal_size=size, press=SCREENS[screen])
