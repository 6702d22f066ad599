"""Pilot tests for wins: `w` from any screen, the toast, Today's wins and the Wins screen."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, OptionList, Static

from tui.screens.win_form import WinForm
from tui.screens.wins import WinsScreen
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.wins import add_win, all_wins

SIZE = (110, 34)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def toasts(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_w_records_a_win_from_today_and_it_shows(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, WinForm)
        await pilot.press("enter")  # empty: refused, form stays
        assert isinstance(app.screen, WinForm)
        assert "cannot be empty" in text_of(app, "#title-error")
        await pilot.press(*"landed an interview", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, WinForm)
        assert [w.title for w in all_wins(rb)] == ["landed an interview"]
        assert "landed an interview" in text_of(app, "#today-wins")
        await pilot.press("u")
        await pilot.pause()
        assert all_wins(rb) == []
        assert "landed an interview" not in text_of(app, "#today-wins")


async def test_escape_cancels_the_win_form(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"maybe", "escape")
        assert not isinstance(app.screen, WinForm)
        assert all_wins(rb) == []


async def test_third_day_tick_pops_one_toast_and_undo_removes_the_win(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply")
    for back in (2, 1):
        checkin_service.log(rb, goal.id, 1, day=rb.today() - timedelta(days=back))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = len(app._notifications)
        await pilot.press("space")
        await pilot.pause()
        new = toasts(app)[before:]
        assert len(new) == 1 and "3-day streak: Apply" in new[0]
        assert "3-day streak: Apply" in text_of(app, "#today-wins")
        await pilot.press("u")
        await pilot.pause()
        assert "3-day streak" not in text_of(app, "#today-wins")
        assert not [w for w in all_wins(rb) if w.kind == "milestone"]


async def test_wins_screen_groups_by_week_and_filters_by_kind(make_app, rb, clock):
    goal = goal_service.add_goal(rb, "Apply")
    checkin_service.log(rb, goal.id, 1, day=rb.today() - timedelta(days=10))
    add_win(rb, "got useful feedback")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, WinsScreen)
        assert "this week: 1" in text_of(app, "#wins-title")
        view = app.screen.query_one(OptionList)
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert prompts[0].startswith("This week · 1 win")
        assert "got useful feedback" in prompts[1] and "your own" in prompts[1]
        assert any(p.startswith("Week of Mon 16 Nov 2026") for p in prompts)
        assert any("First check-in: Apply" in p for p in prompts)

        await pilot.press("f")  # the user's own first
        assert "your own" in text_of(app, "#wins-filter")
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert len(prompts) == 2 and "got useful feedback" in prompts[1]
        await pilot.press("f", "f", "f")
        assert "all kinds" in text_of(app, "#wins-filter")

        await pilot.press("w", *"new job lead", "enter")  # w works here too
        await pilot.pause()
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert prompts[0].startswith("This week · 2 wins")


async def test_empty_wins_screen_explains(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert "No wins yet" in text_of(app, "#wins-empty")
        assert isinstance(app.screen.query_one("#wins-list"), OptionList)
        assert not app.screen.query(Input)


async def test_years_of_wins_are_drawn_a_page_at_a_time(make_app, rb):
    from tui.screens.wins import PAGE

    for i in range(PAGE + 40):
        add_win(rb, f"win number {i}", rb.today() - timedelta(days=i // 3))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        view = app.screen.query_one(OptionList)
        last = view.get_option_at_index(view.option_count - 1)
        assert last.id == "more" and "older wins" in str(last.prompt)
        shown = sum(1 for i in range(view.option_count) if "win number" in str(view.get_option_at_index(i).prompt))
        assert PAGE <= shown < PAGE + 40
        # every year counted a frame after the newest were drawn: the totals are exact
        assert f"all time: {PAGE + 40}" in text_of(app, "#wins-title")
        assert f"… {PAGE + 40 - shown} older wins" in str(last.prompt)
        pages = 1
        while view.get_option_at_index(view.option_count - 1).id == "more":
            view.highlighted = view.option_count - 1
            await pilot.press("enter")
            await pilot.pause()
            pages += 1
            prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
            assert min(pages * PAGE, PAGE + 40) <= sum("win number" in p for p in prompts)
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert sum("win number" in p for p in prompts) == PAGE + 40 and pages >= 2
        assert not any("older wins" in p for p in prompts)
        assert f"all time: {PAGE + 40}" in text_of(app, "#wins-title")


def test_a_win_line_does_not_repeat_its_kind() -> None:
    """"Followed up on time: Lena Park · followed up on time" said it twice; a streak milestone's
    title does not name its kind, so that line keeps it."""
    from datetime import date

    from tui.core.wins import Win
    from tui.screens.wins import win_line

    day = date(2026, 11, 26)
    followed = win_line(Win("1", "followed_up", "Followed up on time: Lena Park", day)).plain
    assert followed.endswith("Followed up on time: Lena Park")
    weekly = win_line(Win("2", "weekly_target", "Weekly target met: Coffee", day)).plain
    assert weekly.endswith("Weekly target met: Coffee")
    milestone = win_line(Win("3", "milestone", "7-day streak: Apply", day)).plain
    assert milestone.endswith("7-day streak: Apply  · streak milestone")
