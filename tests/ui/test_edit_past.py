"""Pilot: `e` edits and `d` deletes (asking first) the highlighted mood entry on Mood and the
highlighted own win on Wins; `u` undoes either; automatic wins say why they cannot go."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, OptionList

from tui.screens.confirm import ConfirmScreen
from tui.screens.mood import MoodScreen
from tui.screens.mood_form import MoodForm
from tui.screens.rejection_form import RejectionForm
from tui.screens.win_form import WinForm
from tui.screens.wins import WinsScreen
from tui.services import mood as mood_service
from tui.services import wins as win_service
from tui.services.transfer import export_data
from tui.services.wins import all_wins

SIZE = (110, 34)


def toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_mood_entry_edit_delete_and_undo(make_app, rb):
    today = rb.today()
    mood_service.log_mood(rb, 1, day=today - timedelta(days=2))
    mood_service.log_mood(rb, 3, tags="interview", note="fine")
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen)
        await pilot.press("e")  # the newest entry is highlighted
        form = app.screen
        assert isinstance(form, MoodForm) and form.query_one("#tags", Input).value == "interview"
        assert form.query_one("#day", Input).value == today.isoformat()
        await pilot.press("5")  # a better day than logged: it earns the bounce-back
        form.query_one("#day", Input).value = "2999-01-01"
        await pilot.press("enter")
        assert isinstance(app.screen, MoodForm)  # refused under the day, what was typed kept
        assert "future" in str(form.query_one("#day-error").render())
        form.query_one("#day", Input).value = "yesterday"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen)
        newest = mood_service.entries(rb)[0]
        assert (newest.score, newest.day, newest.tags, newest.note) == (
            5, today - timedelta(days=1), ("interview",), "fine")
        assert [w.kind for w in all_wins(rb)] == ["bounce_back"]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept
        assert len(mood_service.entries(rb)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [e.score for e in mood_service.entries(rb)] == [1] and all_wins(rb) == []
        assert "Deleted mood 5 (great)" in toasts(app)
        await pilot.press("u", "u")
        await pilot.pause()
        assert export_data(rb) == start


async def test_e_on_the_rejections_list_still_edits_the_lesson(make_app, rb):
    mood_service.log_rejection(rb, "Fabrikam")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("tab")  # from the entries to the rejections
        assert app.screen.focused is app.screen.query_one("#mood-rejections", OptionList)
        await pilot.press("d")  # the reflection: asked first (issue 17), "n" keeps it
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(mood_service.rejections(rb)) == 1 and len(mood_service.entries(rb)) == 1
        await pilot.press("e")
        assert isinstance(app.screen, RejectionForm)


async def test_own_win_edit_delete_and_undo_and_automatic_wins_refuse(make_app, rb):
    today = rb.today()
    mood_service.log_mood(rb, 1, day=today - timedelta(days=1))
    mood_service.log_mood(rb, 5)  # an automatic win, today
    win_service.add_win(rb, "landed an interview", today - timedelta(days=2))
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, WinsScreen)
        view = app.screen.query_one(OptionList)
        view.highlighted = next(i for i in range(view.option_count)
                                if view.get_option_at_index(i).id == all_wins(rb)[0].id)
        await pilot.press("d")  # the bounce-back: derived, refused with the reason
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert "automatic wins follow your data" in toasts(app)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, WinForm)
        await pilot.press("j")  # down to the own win
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, WinForm)
        assert form.query_one("#title", Input).value == "landed an interview"
        form.query_one("#title", Input).value = "landed two interviews"
        form.query_one("#day", Input).value = "someday"
        await pilot.press("enter")
        assert "not a day" in str(form.query_one("#day-error").render())
        form.query_one("#day", Input).value = "today"
        await pilot.press("enter")
        await pilot.pause()
        own = [w for w in all_wins(rb) if w.manual]
        assert [(w.title, w.day) for w in own] == [("landed two interviews", today)]
        view.highlighted = next(i for i in range(view.option_count)
                                if view.get_option_at_index(i).id == own[0].id)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [w.kind for w in all_wins(rb)] == ["bounce_back"]
        await pilot.press("u", "u")
        await pilot.pause()
        assert export_data(rb) == start


async def test_a_reflection_is_deleted_from_the_rejections_list_with_its_win_and_undone(make_app, rb):
    """Issue 17: `d` on the rejections list deletes the reflection (asking first) and the win its
    lesson earned; its mood entry stays; `u` brings both back exactly."""
    mood_service.log_rejection(rb, "Initech", role="Analyst", lesson="Ask about the team first")
    assert [w.kind for w in all_wins(rb)] == ["reflected"]
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one("#mood-rejections", OptionList).focus()
        await pilot.pause()
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(mood_service.rejections(rb)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert mood_service.rejections(rb) == [] and all_wins(rb) == []
        assert len(mood_service.entries(rb)) == 1  # the mood entry stays
        assert "Deleted the reflection on Initech" in toasts(app)
        await pilot.press("u")
        await pilot.pause()
        assert export_data(rb) == start
