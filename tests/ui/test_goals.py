"""Pilot tests for the Goals screen: every key, what the store holds, what the screen shows.

The clock is frozen on Thursday 2026-11-26 (tests/ui/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, Select

from tui.screens.form_fields import field_value

from tui.screens import goals as goals_module
from tui.screens.confirm import ConfirmScreen
from tui.screens.goal_form import GoalForm
from tui.screens.goals import GoalsScreen
from tui.screens.help import HelpScreen
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.status import goal_summaries
from tui.store import repo
from tui.widgets.goal_table import COLUMNS, GoalTable
from tui.widgets.heatmap import Heatmap
from tui.screens.palette import key_commands

SIZE = (110, 34)
TODAY = date(2026, 11, 26)
YESTERDAY = TODAY - timedelta(days=1)


# Helpers -------------------------------------------------------------------------------------
async def open_goals(app, pilot) -> GoalsScreen:
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, GoalsScreen)
    return app.screen


def table(app) -> GoalTable:
    return app.screen.query_one(GoalTable)


def row(app, name: str) -> dict[str, str]:
    """The cells of the goal called ``name``, by column title (a cell the layout broke onto two
    lines reads as one)."""
    t = table(app)
    for index in range(t.row_count):
        cells = [" ".join(cell.plain.split("\n")) for cell in t.get_row_at(index)]
        if cells[0] == name:
            return dict(zip(COLUMNS, cells))
    raise AssertionError(f"no row for {name!r}")


def names(app) -> list[str]:
    t = table(app)
    return [t.get_row_at(i)[0].plain for i in range(t.row_count)]


def selected_name(app) -> str:
    t = table(app)
    return t.get_row_at(t.cursor_row)[0].plain


def day_line(app) -> str:
    return str(app.screen.query_one("#goals-day").render())


def heatmap_text(app) -> str:
    return "\n".join(line.plain for line in app.screen.query_one(Heatmap).lines())


def cursor_cell(app) -> str:
    """The glyph between the cursor's brackets: "[■]" → "■"."""
    text = heatmap_text(app)
    at = text.index("[", text.index("\n"))  # skip the month row
    assert text[at + 2] == "]"
    return text[at + 1]


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


def count_on(rb, goal_id: str, day: date) -> int:
    return repo.day_count(rb.store, goal_id, day)


def streak_of(rb, name: str) -> int:
    return next(s for s in goal_summaries(rb) if s.goal.name == name).streak.current


@pytest.fixture
def broken(rb):
    """ "Apply": done on the 23rd and 24th, yesterday (25th) missed, so the streak is broken."""
    goal = goal_service.add_goal(rb, "Apply")
    for back in (3, 2):
        checkin_service.log(rb, goal.id, 1, day=TODAY - timedelta(days=back))
    rb.history.clear()
    return goal


# Opening -------------------------------------------------------------------------------------
async def test_key_2_opens_goals_with_numbers_heatmap_and_day_line(make_app, rb):
    apply = goal_service.add_goal(rb, "Apply", target=2)
    goal_service.add_goal(rb, "Coffee chats", target=3, period="week")
    for back in (1, 2, 3):
        checkin_service.log(rb, apply.id, 2, day=TODAY - timedelta(days=back))
    checkin_service.log(rb, apply.id, 1, day=TODAY)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        assert names(app) == ["Apply", "Coffee chats"]
        cells = row(app, "Apply")
        assert cells["This period"] == "1/2"
        assert cells["Streak"] == "3d" and cells["Best"] == "3d"
        assert cells["State"] == "at risk"
        assert cells["30 days"] == "100%" and cells["90 days"] == "100%"
        assert cells["Strength"].endswith("%")
        # started on Thursday: 4 active days this week lower the target to ceil(3 × 4/7) = 2,
        # shown with its reason (issue 14.1)
        assert row(app, "Coffee chats")["This period"] == "this week 0/2 (3 a week, part week)"
        assert row(app, "Coffee chats")["Streak"] == "0w"
        assert "Thu 26 Nov 2026: 1/2" in day_line(app) and "still open" in day_line(app)
        title = str(app.screen.query_one("#goals-heatmap-title").render())
        assert "Apply" in title and "2 a day" in title
        text = heatmap_text(app)
        assert text.splitlines()[1].startswith("Mon")  # weeks start on Monday
        assert "today" in text and "Nov" in text


async def test_heatmap_shows_at_least_26_weeks(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        heatmap = app.screen.query_one(Heatmap)
        assert len(heatmap.visible_weeks()) >= 26
        assert heatmap.visible_weeks()[-1] == date(2026, 11, 23)  # the week holding today


# Goal cursor ---------------------------------------------------------------------------------
async def test_j_k_and_arrows_move_between_goals_and_the_heatmap_follows(make_app, rb):
    for name in ("Alpha", "Beta", "Gamma"):
        goal_service.add_goal(rb, name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        title = lambda: str(app.screen.query_one("#goals-heatmap-title").render())  # noqa: E731
        assert selected_name(app) == "Alpha" and title().startswith("Alpha")
        await pilot.press("j", "j")
        assert selected_name(app) == "Gamma" and title().startswith("Gamma")
        await pilot.press("k")
        assert selected_name(app) == "Beta" and title().startswith("Beta")
        await pilot.press("up")
        assert selected_name(app) == "Alpha"
        await pilot.press("down", "down")
        assert selected_name(app) == "Gamma"


# Day cursor ----------------------------------------------------------------------------------
async def test_left_right_and_brackets_move_the_day_cursor_never_after_today(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_goals(app, pilot)
        assert screen.day == TODAY
        await pilot.press("right")  # refused: tomorrow cannot be logged
        assert screen.day == TODAY
        assert any("after today" in m for m in toasts(app))
        await pilot.press("left")
        assert screen.day == YESTERDAY
        assert day_line(app).startswith("Wed 25 Nov 2026")
        await pilot.press("left_square_bracket")
        assert screen.day == YESTERDAY - timedelta(days=7)
        assert day_line(app).startswith("Wed 18 Nov 2026")
        await pilot.press("right")
        assert screen.day == date(2026, 11, 19)
        await pilot.press("right_square_bracket")  # a week on would pass today: stops on today
        assert screen.day == TODAY
        await pilot.press("right_square_bracket")
        assert screen.day == TODAY
        assert app.screen.query_one(Heatmap).cursor == TODAY


async def test_cursor_moves_repaint_the_heatmap_without_reading_the_data(make_app, rb, monkeypatch):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        reads = []
        real = goals_module.histories
        monkeypatch.setattr(goals_module, "histories", lambda *a, **k: reads.append(1) or real(*a, **k))
        before = heatmap_text(app)
        await pilot.press("left", "left", "left_square_bracket", "right")
        assert reads == []
        assert heatmap_text(app) != before
        assert day_line(app).startswith("Wed 18 Nov 2026")


async def test_cursor_far_back_scrolls_the_window(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot)
        heatmap = app.screen.query_one(Heatmap)
        shown = len(heatmap.visible_weeks())
        for _ in range(shown + 2):
            await pilot.press("left_square_bracket")
        assert screen.day == TODAY - timedelta(days=7 * (shown + 2))
        weeks = heatmap.visible_weeks()
        assert weeks[0] <= screen.day < weeks[0] + timedelta(days=7)  # the cursor is in view
        assert "before this goal started" in day_line(app)


# Backfill ------------------------------------------------------------------------------------
async def test_backfill_yesterday_heals_the_streak_and_u_undoes_it(make_app, rb, broken):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        assert row(app, "Apply")["Streak"] == "0d"
        await pilot.press("left")
        assert "streak broken here" in day_line(app)
        assert cursor_cell(app) == "×"  # a miss has its own glyph, not only a colour
        await pilot.press("space")
        assert count_on(rb, broken.id, YESTERDAY) == 1
        assert streak_of(rb, "Apply") == 3
        assert row(app, "Apply")["Streak"] == "3d" and row(app, "Apply")["State"] == "at risk"
        assert "done, 3-day streak" in day_line(app)
        assert app.screen.day == YESTERDAY  # the cursor stays on the backfilled day

        await pilot.press("u")
        assert count_on(rb, broken.id, YESTERDAY) == 0
        assert streak_of(rb, "Apply") == 0
        assert row(app, "Apply")["Streak"] == "0d"
        assert "streak broken here" in day_line(app)
        assert any(m.startswith("Undid") for m in toasts(app))


async def test_enter_ticks_and_a_second_tick_clears(make_app, rb, broken):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left", "enter")
        assert count_on(rb, broken.id, YESTERDAY) == 1
        await pilot.press("enter")
        assert count_on(rb, broken.id, YESTERDAY) == 0
        assert row(app, "Apply")["Streak"] == "0d"


async def test_plus_minus_change_the_cursor_days_count_never_below_zero(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply", target=2)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left", "left", "plus")
        day = TODAY - timedelta(days=2)
        assert count_on(rb, goal.id, day) == 1
        assert day_line(app).startswith("Tue 24 Nov 2026: 1/2")
        await pilot.press("plus")
        assert count_on(rb, goal.id, day) == 2
        assert "done" in day_line(app)
        # a backfill before the start moved the start earlier
        assert goal_service.goal_by_id(rb, goal.id).start == day
        await pilot.press("minus", "minus")
        assert count_on(rb, goal.id, day) == 0
        await pilot.press("minus")
        assert count_on(rb, goal.id, day) == 0
        assert any("below zero" in m for m in toasts(app))
        assert count_on(rb, goal.id, TODAY) == 0


async def test_days_after_today_are_refused_by_the_service(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_goals(app, pilot)
        screen.day = TODAY + timedelta(days=1)  # as if the clock went back under the cursor
        screen.action_count(1)
        await pilot.pause()
        assert any("in the future" in m for m in toasts(app))
        assert repo.checkins(rb.store) == []
        assert goal_service.goal_by_id(rb, goal.id).start == TODAY


async def test_s_toggles_a_skip_on_the_cursor_day(make_app, rb, broken):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left", "s")
        assert checkin_service.is_skipped(rb, broken.id, YESTERDAY)
        assert streak_of(rb, "Apply") == 2  # a skip is neutral: the streak survives it
        assert row(app, "Apply")["Streak"] == "2d"
        assert "skipped" in day_line(app)
        assert cursor_cell(app) == "»"
        assert "Apply: skipped on Wed 25 Nov" in toasts(app)
        await pilot.press("s")
        assert not checkin_service.is_skipped(rb, broken.id, YESTERDAY)
        assert row(app, "Apply")["Streak"] == "0d"
        assert "Apply: skip cleared on Wed 25 Nov" in toasts(app)


async def test_r_toggles_a_rest_day_on_the_cursor_day(make_app, rb, broken):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left", "r")
        assert checkin_service.rest_day(rb, YESTERDAY) is not None
        assert row(app, "Apply")["Streak"] == "2d"
        assert "rest day" in day_line(app)
        assert cursor_cell(app) == "○"
        assert "Wed 25 Nov is a rest day for every goal — enjoy it" in toasts(app)
        await pilot.press("r")
        assert checkin_service.rest_day(rb, YESTERDAY) is None
        assert "Wed 25 Nov is no longer a rest day" in toasts(app)
        assert "streak broken here" in day_line(app)


async def test_rest_reason_shows_in_the_day_line(make_app, rb, broken):
    checkin_service.set_rest(rb, YESTERDAY, True, "hiking")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left")
        assert day_line(app).endswith("rest day: hiking")


async def test_a_change_keeps_the_selected_goal_and_the_cursor_day(make_app, rb):
    goals = [goal_service.add_goal(rb, name) for name in ("Alpha", "Beta", "Gamma")]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot)
        await pilot.press("j", "left_square_bracket", "space")
        day = TODAY - timedelta(days=7)
        assert count_on(rb, goals[1].id, day) == 1
        assert selected_name(app) == "Beta" and screen.day == day
        await pilot.press("r")
        assert selected_name(app) == "Beta" and screen.day == day
        assert app.screen.query_one(Heatmap).cursor == day


# Goals: add, edit, archive, delete -----------------------------------------------------------
async def test_a_adds_a_goal_and_selects_it(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, GoalForm)
        await pilot.press(*"Walk", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert [g.name for g in repo.goals(rb.store)] == ["Apply", "Walk"]
        assert names(app) == ["Apply", "Walk"] and selected_name(app) == "Walk"
        assert "Saved Walk" in toasts(app)


async def test_e_edits_with_a_prefilled_validated_form(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply", target=2, weekdays="mon,tue,wed,thu,fri")
    goal_service.add_goal(rb, "Network")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, GoalForm)
        assert str(form.query_one(".form-title").render()) == "Edit goal"
        value = lambda field: field_value(form, field)  # noqa: E731
        assert (value("name"), value("target"), value("period"), value("weekdays")) == (
            "Apply", "2", "day", "mon,tue,wed,thu,fri",
        )
        form.query_one("#name", Input).value = "network"  # taken by another goal
        await pilot.press("enter")
        assert "already a goal" in str(form.query_one("#name-error").render())
        form.query_one("#name", Input).value = "Apply for jobs"
        form.query_one("#target", Input).value = "0"
        await pilot.press("enter")
        assert "between 1 and" in str(form.query_one("#target-error").render())
        assert goal_service.goal_by_id(rb, goal.id).name == "Apply"  # nothing saved yet

        form.query_one("#target", Input).value = "3"
        form.query_one("#weekdays", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        edited = goal_service.goal_by_id(rb, goal.id)
        assert (edited.name, edited.target, len(edited.weekdays)) == ("Apply for jobs", 3, 7)
        assert edited.start == goal.start
        assert selected_name(app) == "Apply for jobs"
        assert row(app, "Apply for jobs")["This period"] == "0/3"
        assert len(repo.goals(rb.store)) == 2

        await pilot.press("e", "escape")  # cancelling changes nothing
        assert isinstance(app.screen, GoalsScreen)
        assert goal_service.goal_by_id(rb, goal.id) == edited


async def test_edit_a_weekly_goal_keeps_its_period(make_app, rb):
    goal_service.add_goal(rb, "Coffee chats", target=2, period="week")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#period", Select).value == "week"
        assert form.query_one("#weekdays", Input).value == ""
        form.query_one("#weekdays", Input).value = "mon"
        await pilot.press("enter")
        assert "daily goals only" in str(form.query_one("#weekdays-error").render())


async def test_shift_a_archives_h_shows_archived_and_shift_a_restores(make_app, rb):
    apply = goal_service.add_goal(rb, "Apply")
    goal_service.add_goal(rb, "Walk")
    checkin_service.log(rb, apply.id, 1, day=YESTERDAY)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("A")
        assert goal_service.goal_by_id(rb, apply.id).archived
        assert names(app) == ["Walk"]
        assert any(m.startswith("Archived Apply; its history is kept") for m in toasts(app))
        assert count_on(rb, apply.id, YESTERDAY) == 1  # history kept

        await pilot.press("H")
        assert names(app) == ["Apply", "Walk"]
        assert row(app, "Apply")["State"] == "archived"
        assert selected_name(app) == "Walk"  # showing archived goals keeps the selection
        assert "archived shown" in str(app.screen.query_one("#goals-title").render())
        await pilot.press("k", "A")  # restore the archived goal
        assert not goal_service.goal_by_id(rb, apply.id).archived
        assert "Restored Apply" in toasts(app)
        assert selected_name(app) == "Apply" and row(app, "Apply")["State"] != "archived"

        await pilot.press("H")
        assert "archived hidden" in str(app.screen.query_one("#goals-title").render())
        assert names(app) == ["Apply", "Walk"]


async def test_d_asks_first_n_and_escape_keep_y_deletes_and_u_restores(make_app, rb):
    apply = goal_service.add_goal(rb, "Apply")
    goal_service.add_goal(rb, "Walk")
    for back in (1, 2, 3):
        checkin_service.log(rb, apply.id, 1, day=TODAY - timedelta(days=back))
    rb.history.clear()
    before = repo.checkins(rb.store)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "“Apply”" in question and "3 check-ins" in question
        await pilot.press("n")
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("d", "escape")
        assert isinstance(app.screen, GoalsScreen)
        assert len(repo.goals(rb.store)) == 2 and len(repo.checkins(rb.store)) == 3

        await pilot.press("d", "y")
        await pilot.pause()
        assert [g.name for g in repo.goals(rb.store)] == ["Walk"]
        assert repo.checkins(rb.store) == []
        assert names(app) == ["Walk"] and selected_name(app) == "Walk"
        assert "Deleted Apply and its 3 check-ins. u undoes it." in toasts(app)

        await pilot.press("u")
        # Undo restores the records, and the goal comes back in its old place.
        assert [g.name for g in repo.goals(rb.store)] == ["Apply", "Walk"]
        assert sorted(repo.checkins(rb.store), key=lambda c: c.id) == sorted(before, key=lambda c: c.id)
        assert names(app) == ["Apply", "Walk"]
        assert row(app, "Apply")["Streak"] == "3d"


async def test_enter_confirms_a_delete(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("d")
        assert "0 check-ins" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")
        await pilot.pause()
        assert repo.goals(rb.store, include_archived=True) == []
        assert names(app) == []
        assert app.screen.query_one("#goals-empty").display


async def test_keys_without_a_goal_do_nothing_harmful(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("space", "plus", "s", "e", "A", "d", "left")
        assert isinstance(app.screen, GoalsScreen)
        assert repo.checkins(rb.store) == [] and repo.skips(rb.store) == []
        assert any("Add a goal first" in m for m in toasts(app))


# Discoverability -----------------------------------------------------------------------------
async def test_help_lists_every_goals_key(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".help-row"))
        for words in ("Next goal", "Previous goal", "Day back", "Day forward", "Week back",
                      "Week forward", "Tick", "+1", "-1", "Skip", "Rest", "Add goal", "Edit goal",
                      "Archive/restore", "Show/hide archived", "Delete goal", "Undo", "Goals"):
            assert words in shown, words


async def test_command_palette_lists_goals_actions_and_runs_one(make_app, rb, broken):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot)
        titles = [command.title for command in key_commands(app, screen)]
        for title in ("Goals", "Goals: Backfill (tick the cursor day)", "Goals: Skip the cursor day",
                      "Goals: Rest day on the cursor day", "Goals: Edit goal", "Goals: Delete goal",
                      "Goals: Archive or restore goal", "Goals: Show or hide archived goals",
                      "Goals: Add 1 on the cursor day", "Goals: Take 1 off the cursor day",
                      "Goals: Day back", "Goals: Week back", "Goals: Add goal"):
            assert title in titles, title
        await pilot.press("left", "ctrl+p", *"Backfill")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert count_on(rb, broken.id, YESTERDAY) == 1


async def test_screen_shows_changes_made_on_today_when_switched_back(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot)
        assert row(app, "Apply")["This period"] == "0/1"
        await pilot.press("1", "space")
        await pilot.pause()
        assert count_on(rb, goal.id, TODAY) == 1
        await open_goals(app, pilot)
        assert row(app, "Apply")["This period"] == "1/1"
        assert row(app, "Apply")["State"] == "✓ done"


async def test_a_click_on_the_heatmap_moves_the_day_cursor(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot)
        heatmap = app.screen.query_one(Heatmap)
        last = len(heatmap.visible_weeks()) - 1
        await pilot.click(Heatmap, offset=(4 + 2 * (last - 1), 1 + 2))  # Wednesday a week ago
        await pilot.pause()
        assert screen.day == date(2026, 11, 18)
        assert day_line(app).startswith("Wed 18 Nov 2026")


async def test_goal_names_with_brackets_show_as_typed(make_app, rb):
    goal = goal_service.add_goal(rb, "Read [b]docs[/b] [red")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        assert str(app.screen.query_one("#goals-heatmap-title").render()).startswith("Read [b]docs[/b] [red")
        assert names(app) == ["Read [b]docs[/b] [red"]
        await pilot.press("left", "s")
        assert checkin_service.is_skipped(rb, goal.id, YESTERDAY)
        assert "Read [b]docs[/b] [red: skipped on Wed 25 Nov" in toasts(app)
        await pilot.press("d")
        assert "“Read [b]docs[/b] [red”" in str(app.screen.query_one("#confirm-question").render())
