"""Pilot tests for the Today screen: every key, what the store holds, what the screen shows."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Select, Static

from tui.screens.goal_form import GoalForm
from tui.screens.help import HelpScreen
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.status import goal_summaries
from tui.store import repo
from tui.widgets.goal_list import GoalList

SIZE = (110, 34)


def rows_text(app) -> list[str]:
    return app.screen.query_one(GoalList).lines()


def count_today(rb, name: str) -> int:
    summary = next(s for s in goal_summaries(rb) if s.goal.name == name)
    return summary.streak.done


async def test_empty_folder_invites_a_first_goal(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#today-empty", Static)
        assert empty.display
        assert "No goals yet" in str(empty.render())
        assert "Thursday 26 November 2026" in str(app.screen.query_one("#today-date").render())


async def test_add_goal_with_form_then_tick_and_count(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, GoalForm)
        await pilot.press(*"Send applications")
        await pilot.press("tab", "backspace", "2", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm)
        assert [g.name for g in repo.goals(rb.store)] == ["Send applications"]
        assert "0/2" in rows_text(app)[0]

        await pilot.press("space")
        assert count_today(rb, "Send applications") == 2
        assert "2/2" in rows_text(app)[0] and "✓ done" in rows_text(app)[0]

        await pilot.press("space")  # a second tick clears the day
        assert count_today(rb, "Send applications") == 0

        await pilot.press("plus")
        assert count_today(rb, "Send applications") == 1
        await pilot.press("minus")
        assert count_today(rb, "Send applications") == 0
        await pilot.press("minus")  # never below zero: refused, nothing written
        await pilot.pause()
        assert count_today(rb, "Send applications") == 0
        assert len(repo.checkins(rb.store)) == 4


async def test_form_refusals_keep_what_was_typed(make_app, rb):
    goal_service.add_goal(rb, "Network")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"network", "enter")
        form = app.screen
        assert isinstance(form, GoalForm)
        assert "already a goal" in str(form.query_one("#name-error").render())
        assert form.query_one("#name", Input).value == "network"

        form.query_one("#name", Input).value = "Walk"
        form.query_one("#weekdays", Input).value = "mon,funday"
        await pilot.press("enter")
        assert "funday" in str(form.query_one("#weekdays-error").render())

        form.query_one("#weekdays", Input).value = ""
        form.query_one("#target", Input).value = "0"
        await pilot.press("enter")
        assert "between 1 and" in str(form.query_one("#target-error").render())
        assert len(repo.goals(rb.store)) == 1

        await pilot.press("escape")
        assert not isinstance(app.screen, GoalForm)
        assert len(repo.goals(rb.store)) == 1


async def test_j_k_move_and_enter_ticks(make_app, rb):
    for name in ("Alpha", "Beta", "Gamma"):
        goal_service.add_goal(rb, name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(GoalList)
        assert view.index == 0
        await pilot.press("j", "j")
        assert view.index == 2
        await pilot.press("k")
        assert view.index == 1
        await pilot.press("enter")
        assert count_today(rb, "Beta") == 1
        assert count_today(rb, "Alpha") == 0


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_skip_and_rest_day_toggle(make_app, rb):
    """`s` and `r` toggle and say so, in the words the Goals screen and the CLI use."""
    goal = goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        assert checkin_service.is_skipped(rb, goal.id, rb.today())
        assert "skipped" in rows_text(app)[0]
        assert toasts(app)[-1] == "Apply: skipped on Thu 26 Nov"
        await pilot.press("s")
        assert not checkin_service.is_skipped(rb, goal.id, rb.today())
        assert toasts(app)[-1] == "Apply: skip cleared on Thu 26 Nov"

        await pilot.press("r")
        assert checkin_service.rest_day(rb, rb.today()) is not None
        assert "Rest day — enjoy it" in str(app.screen.query_one("#today-date").render())
        assert "Rest is part of the plan" in str(app.screen.query_one("#today-encouragement").render())
        assert toasts(app)[-1] == "Thu 26 Nov is a rest day for every goal — enjoy it"
        await pilot.press("r")
        assert checkin_service.rest_day(rb, rb.today()) is None
        assert toasts(app)[-1] == "Thu 26 Nov is no longer a rest day"
        assert "Rest day" not in str(app.screen.query_one("#today-date").render())


async def test_at_risk_streak_is_marked(make_app, rb, clock):
    goal = goal_service.add_goal(rb, "Apply")
    for back in (1, 2, 3):
        checkin_service.log(rb, goal.id, 1, day=rb.today() - timedelta(days=back))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(GoalList)
        assert drawn_colour(view, "at risk") == view.get_component_rich_style("goal-list--at-risk").color
        assert drawn_colour(view, "streak 3d") == drawn_colour(view, "at risk")
        assert "Apply" in str(app.screen.query_one("#today-at-risk").render())
        await pilot.press("space")
        await pilot.pause()
        assert "at risk" not in view.lines()[0]
        assert drawn_colour(view, "✓ done") == view.get_component_rich_style("goal-list--done").color
        assert drawn_colour(view, "streak 4d") != view.get_component_rich_style("goal-list--at-risk").color


def drawn_colour(view: GoalList, words: str):
    """The colour the first row draws ``words`` in (a row-state colour, not the cursor's)."""
    segment = next(s for s in view.render_line(0) if words in s.text)
    return segment.style.color


async def test_help_lists_every_binding(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".help-row"))
        for words in ("Tick", "+1", "-1", "Add goal", "Skip", "Rest day", "Today", "Quit", "Undo",
                      "Win", "Mood", "Goals", "Contacts", "Wins", "Log follow-up",
                      "Command palette", "Down", "Up"):
            assert words in shown, words
        numbers = str(app.screen.query_one("#help-numbers", Static).render())
        assert "last 14 days" in numbers and "part week" in numbers  # product.md: the help says so
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_add_goal(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Add goal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


async def test_quit_key_exits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_other_process_change_shows_within_a_poll(make_app, rb, tmp_path):
    from tui.services import Rebound

    goal = goal_service.add_goal(rb, "Apply", target=3)
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = Rebound.open(rb.store.folder, now=rb.now)  # a second process's view
        checkin_service.log(other, goal.id, 2)
        await pilot.pause(0.4)
        assert "2/3" in rows_text(app)[0]


async def test_rolls_over_at_the_day_start_hour(make_app, rb, clock):
    repo.set_setting(rb.store, "day_start_hour", 4)
    goal = goal_service.add_goal(rb, "Apply")
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert "1/1" in rows_text(app)[0]
        clock.value = clock.value.replace(hour=23, minute=59) + timedelta(hours=4)  # 03:59 next day
        await pilot.pause(0.3)
        assert "Thursday 26 November" in str(app.screen.query_one("#today-date").render())
        clock.value += timedelta(minutes=2)  # 04:01: a new logical day
        await pilot.pause(0.3)
        assert "Friday 27 November" in str(app.screen.query_one("#today-date").render())
        assert "0/1" in rows_text(app)[0]
        assert goal_service.goal_by_id(rb, goal.id).name == "Apply"


async def test_failed_write_is_reported_and_nothing_changes(make_app, rb, monkeypatch):
    from tui.store import files

    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        def disk_full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(files, "write_temp", disk_full)
        await pilot.press("space")
        await pilot.pause()
        assert any("No space left" in n.message for n in app._notifications)
        assert "0/1" in rows_text(app)[0]
        monkeypatch.undo()
        assert count_today(rb, "Apply") == 0
        await pilot.press("space")
        assert count_today(rb, "Apply") == 1


async def test_theme_is_remembered(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert repo.get_settings(rb.store)["theme"] == "nord"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


def test_a_part_week_count_says_why_its_target_is_lower(rb):
    """Issue 14.1: Today's count cell (the text; its width is the layout's) for a weekly goal of 2
    started on Thursday 26 Nov: ceil(2 × 4/7) = 2 — and of 3: 2, with the reason; past it, 'met'."""
    from tui.widgets.goal_list import cells

    goal = goal_service.add_goal(rb, "Coffee chats", target=3, period="week")
    summary = next(s for s in goal_summaries(rb) if s.goal.id == goal.id)
    assert cells(summary)["count"] == "this week 0/2 (3 a week, part week)"
    checkin_service.log(rb, goal.id, 3)
    summary = next(s for s in goal_summaries(rb) if s.goal.id == goal.id)
    assert cells(summary)["count"] == "this week 3 (target 2 met; 3 a week, part week)"


async def test_goal_form_says_a_target_is_not_a_number_and_picks_the_period(make_app, rb):
    """Target "two" was dropped key by key without a word, and period "weekly" was refused: the
    target now says at once what it wants, and the period is a Select of day and week."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Coffee chats", "tab", "backspace", *"two")
        form = app.screen
        assert isinstance(form, GoalForm)
        assert form.query_one("#target", Input).value == "two"  # kept, not dropped
        assert str(form.query_one("#target-error").render()) == "target must be a whole number, like 2"
        await pilot.press("enter")
        assert app.screen is form and repo.goals(rb.store) == []
        await pilot.press("ctrl+a", "ctrl+k", "2")
        assert str(form.query_one("#target-error").render()) == ""
        period = form.query_one("#period", Select)
        assert [v for _, v in period._options] == ["day", "week"] and period.value == "day"
        await pilot.press("tab", "space")  # the period: open its menu
        assert period.expanded
        await pilot.press("escape")  # closes the menu, not the form
        assert app.screen is form and not period.expanded
        await pilot.press("space")  # open it again and pick "per week"
        assert period.expanded
        await pilot.press("down", "enter")  # enter picks while the menu is open, it does not save
        assert app.screen is form and not period.expanded and period.value == "week"
        await pilot.press("enter")
        await pilot.pause()
        [goal] = repo.goals(rb.store)
        assert (goal.name, goal.target, goal.period) == ("Coffee chats", 2, "week")


async def test_help_tells_screen_keys_from_actions_and_wraps_under_the_description(make_app):
    """`4` and `m` both read "Mood" (one line "4 m  Mood"); each screen key now says "screen", and
    a description too long for its line continues under the description, not under the keys."""
    from screen_text import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for screen_key in "12345":
            await pilot.press(screen_key, "question_mark")
            rows = dict(app.screen.rows)
            assert rows["4"] == "Mood screen" and rows["m"] == "Log mood", rows
            assert rows["1"] == "Today screen" and rows["5"] == "Wins screen"
            # no line mixes a screen key with an action key
            assert all(not (set(keys.split()) & set("12345")) or len(keys.split()) == 1 for keys in rows)
            await pilot.press("escape")
        long = "Tick the highlighted goal, then keep going until every goal of the day is done"
        help_screen = HelpScreen({})
        help_screen.rows = [("space", long)]
        await app.push_screen(help_screen)
        await pilot.pause()
        lines = screen_lines(app)
        first = next(i for i, line in enumerate(lines) if "Tick the highlighted" in line)
        column = lines[first].index("Tick")
        assert lines[first][:column].rstrip().endswith("space")
        rest = lines[first + 1]
        assert rest[column - 2:column].strip() == "" and rest[column:column + 4].strip() != "", rest
