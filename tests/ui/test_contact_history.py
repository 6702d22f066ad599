"""Pilot: in the Contacts detail pane, `tab` focuses the interactions; `e` edits the highlighted
one in the log form (prefilled), `d` deletes it after asking, `u` undoes either. The clock is
frozen on Thursday 2026-11-26 (tests/ui/conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Select

from tui.screens.confirm import ConfirmScreen
from tui.screens.contact_forms import LogForm
from tui.screens.contacts import ContactsScreen
from tui.services import contacts as cs
from tui.services.transfer import export_data
from tui.services.wins import all_wins
from tui.widgets.contact_table import ContactTable
from tui.widgets.interaction_list import InteractionList
from tui.screens.palette import key_commands

SIZE = (110, 34)
TODAY = date(2026, 11, 26)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def followed_up(rb) -> list[date]:
    return [w.day for w in all_wins(rb) if w.kind == "followed_up"]


async def open_history(app, pilot) -> InteractionList:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(app.screen, ContactsScreen)
    await pilot.pause()  # the detail pane is drawn a frame after the table
    await pilot.press("tab")
    history = app.screen.query_one(InteractionList)
    assert app.screen.focused is history
    return history


async def test_e_edits_the_highlighted_interaction_and_u_undoes_it(make_app, rb):
    ada = cs.add_contact(rb, cs.ContactFields("Ada", cadence=7))
    cs.log_interaction(rb, ada.id, kind="call", note="first chat", day=ago(10))
    cs.log_interaction(rb, ada.id, kind="message", note="thanks", day=ago(4))
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        history = await open_history(app, pilot)
        await pilot.press("j")  # the older one, not the next contact
        assert history.selected().note == "first chat"
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, LogForm)
        assert form.query_one("#kind", Select).value == "call"
        assert form.query_one("#note", Input).value == "first chat"
        assert form.query_one("#day", Input).value == ago(10).isoformat()
        form.query_one("#day", Input).value = "2999-01-01"
        await pilot.press("enter")
        assert app.screen is form and "future" in str(form.query_one("#day-error").render())
        form.query_one("#day", Input).value = ago(9).isoformat()
        form.query_one("#note", Input).value = "coffee chat"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert [(i.day, i.note) for i in cs.history(rb, ada.id)] == [(ago(4), "thanks"), (ago(9), "coffee chat")]
        assert len(cs.history(rb, ada.id)) == 2  # edited, not logged again
        assert "Saved the call with Ada" in toasts(app)
        await pilot.press("u")
        await pilot.pause()
        assert export_data(rb) == start


async def test_d_deletes_the_interaction_and_its_on_time_win_and_u_brings_both(make_app, rb):
    ada = cs.add_contact(rb, cs.ContactFields("Ada", cadence=7))
    cs.log_interaction(rb, ada.id, day=ago(10))
    cs.log_interaction(rb, ada.id, kind="call", note="on time", day=ago(4))
    assert followed_up(rb) == [ago(4)]
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        history = await open_history(app, pilot)
        assert history.selected().note == "on time"  # the newest is highlighted
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept
        assert len(cs.history(rb, ada.id)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [i.day for i in cs.history(rb, ada.id)] == [ago(10)]
        assert followed_up(rb) == []  # the win went with it
        assert cs.contact_views(rb, TODAY)[0].contact.name == "Ada"  # the contact stays
        assert "Deleted the call with Ada" in toasts(app)
        await pilot.press("u")
        await pilot.pause()
        assert export_data(rb) == start and followed_up(rb) == [ago(4)]


async def test_tab_goes_back_to_the_table_and_e_there_still_edits_the_contact(make_app, rb):
    ada = cs.add_contact(rb, cs.ContactFields("Ada"))
    cs.log_interaction(rb, ada.id, day=ago(1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        await pilot.press("tab")
        assert app.screen.focused is app.screen.query_one(ContactTable)
        titles = [c.title for c in key_commands(app, app.screen)]
        assert "Contacts: Delete the highlighted interaction" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        rows = dict((desc, keys) for keys, desc in app.screen.rows)
        assert rows["Interactions: e edits, d deletes"] == "tab"
        await pilot.press("escape", "e")
        assert type(app.screen).__name__ == "ContactForm"
