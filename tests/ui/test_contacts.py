"""Pilot tests for the Contacts screen and Today's follow-ups: every key, store and screen.

The clock is frozen on Thursday 2026-11-26 (tests/ui/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Select, Static

from tui.core.contacts import KINDS

from tui.demo.contacts import generate_contacts
from tui.screens.confirm import ConfirmScreen
from tui.screens.contact_forms import ContactForm, FollowUpForm, LogForm
from tui.screens.contacts import ContactsScreen
from tui.screens.help import HelpScreen
from tui.services import contacts as cs
from tui.services.wins import all_wins
from tui.store import contacts as repo
from tui.widgets.contact_table import PAGE, ContactTable
from tui.widgets.followup_list import FollowUpList
from tui.widgets.interaction_list import InteractionList
from tui.screens.palette import key_commands

SIZE = (110, 34)
TODAY = date(2026, 11, 26)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def seed(rb) -> None:
    for name, company, tags, cadence, back in (
        ("Priya Raman", "Northwind", "recruiter", 14, 21),  # overdue
        ("Marcus Lee", "Contoso", "referral", 7, 7),  # due today
        ("Sofia Alvarez", "Fabrikam", "mentor", 30, 3),  # later
        ("Tom Becker", "", "friend", None, 45),  # none
    ):
        contact = cs.add_contact(rb, cs.ContactFields(name, company=company, tags=tags, cadence=cadence))
        cs.log_interaction(rb, contact.id, kind="call", note=f"note for {name}", day=ago(back))
    rb.history.clear()


def names(app) -> list[str]:
    table = app.screen.query_one(ContactTable)
    return [table.get_row_at(i)[0].plain for i in range(table.row_count)]


def cells(app, row: int) -> list[str]:
    return [c.plain for c in app.screen.query_one(ContactTable).get_row_at(row)]


def detail(app) -> str:
    """The detail pane's words: the follow-up line, the contact and its interactions (a list)."""
    screen = app.screen
    history = screen.query_one(InteractionList)
    return "\n".join([*(str(screen.query_one(f"#{i}", Static).render())
                        for i in ("contacts-follow-up", "contacts-detail-text")),
                      *(str(history.get_option_at_index(n).prompt) for n in range(history.option_count))])


async def open_contacts(app, pilot) -> ContactsScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(app.screen, ContactsScreen)
    return app.screen


async def test_table_sorted_by_urgency_with_classes_and_detail(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(app, pilot)
        assert names(app) == ["Priya Raman", "Marcus Lee", "Sofia Alvarez", "Tom Becker"]
        assert cells(app, 0)[3:5] == ["3 weeks ago", "overdue 7 days"]
        assert cells(app, 1)[4] == "due today" and cells(app, 3)[4] == "–"
        assert cells(app, 0)[5] == "#recruiter"
        line = screen.query_one("#contacts-follow-up", Static)
        assert line.has_class("-overdue") and "note for Priya Raman" in detail(app)
        await pilot.press("j")
        assert line.has_class("-due") and not line.has_class("-overdue")
        await pilot.press("j", "k")
        assert "Marcus Lee" in detail(app)


async def test_filter_as_you_type_and_escape(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(app, pilot)
        await pilot.press("slash", *"fab")
        assert names(app) == ["Sofia Alvarez"]
        await pilot.press("backspace", "backspace", "backspace", *"#friend")
        assert names(app) == ["Tom Becker"]
        await pilot.press("enter")  # back to the table, filter kept
        assert isinstance(app.focused, ContactTable) and names(app) == ["Tom Becker"]
        await pilot.press("slash", "escape")
        assert len(names(app)) == 4
        assert not screen.query_one("#contacts-filter", Input).display


async def test_add_with_validation_escape_and_undo(make_app, rb) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        await pilot.press("a", "escape")
        assert repo.contacts(rb.store) == []
        await pilot.press("a", "tab", *"Initech", "enter")  # no name: refused under the field
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert "cannot be empty" in str(app.screen.query_one("#name-error", Static).render())
        assert app.screen.query_one("#company", Input).value == "Initech"  # nothing lost
        assert app.focused.id == "name"  # the refusal puts the cursor where the problem is
        await pilot.press(*"Grace Hopper")
        for _ in range(6):  # company, role, met, link, tags, cadence
            await pilot.press("tab")
        await pilot.press(*"often", "enter")
        await pilot.pause()
        assert "whole number" in str(app.screen.query_one("#cadence-error", Static).render())
        app.screen.query_one("#cadence", Input).value = "14"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        [grace] = repo.contacts(rb.store)
        assert (grace.name, grace.company, grace.cadence) == ("Grace Hopper", "Initech", 14)
        assert names(app) == ["Grace Hopper"]
        await pilot.press("a", *"Aaron First", "enter")  # sorts before Grace: the cursor follows
        await pilot.pause()
        assert app.screen.query_one(ContactTable).selected().contact.name == "Aaron First"
        await pilot.press("u")
        await pilot.press("u")
        await pilot.pause()
        assert repo.contacts(rb.store) == [] and names(app) == []


async def test_edit(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#name", Input).value == "Priya Raman"
        app.screen.query_one("#role", Input).value = "Lead recruiter"
        await pilot.press("enter")
        await pilot.pause()
        assert cs.find_contact(rb, "priya").role == "Lead recruiter"
        assert cells(app, 0)[2] == "Lead recruiter"


async def test_delete_asks_then_goes_with_interactions_and_undo(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(repo.contacts(rb.store)) == 4
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Priya Raman" not in names(app)
        assert len(repo.interactions(rb.store)) == 3
        await pilot.press("u")
        await pilot.pause()
        assert names(app)[0] == "Priya Raman" and len(repo.interactions(rb.store)) == 4


async def test_log_moves_the_follow_up(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        kind = app.screen.query_one("#kind", Select)  # a closed set: only the known kinds
        assert [v for _, v in kind._options] == list(KINDS) and kind.value == "message"
        kind.value = "coffee"
        app.screen.query_one("#note", Input).value = "caught up"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        priya = next(v for v in cs.contact_views(rb) if v.contact.name == "Priya Raman")
        assert priya.next == TODAY + timedelta(days=14) and priya.last.kind == "coffee"
        assert names(app)[0] == "Marcus Lee"  # Priya is no longer overdue
        # Late, so not "on time"; and this week's first reach-out was Monday's call with Sofia.
        assert [w.kind for w in all_wins(rb) if w.day == TODAY] == []


async def test_follow_up_key(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        table = app.screen.query_one(ContactTable)
        table.move_cursor(row=3)  # Tom: no follow-up
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpForm)
        await pilot.press(*"sometime", "enter")
        await pilot.pause()
        assert "try" in str(app.screen.query_one("#when-error", Static).render())
        app.screen.query_one("#when", Input).value = "in 2 weeks"
        await pilot.press("enter")
        await pilot.pause()
        tom = cs.find_contact(rb, "tom")
        assert tom.follow_up == TODAY + timedelta(days=14)
        assert "in 2 weeks" in cells(app, names(app).index("Tom Becker"))[4]


async def test_help_lists_every_contacts_key(make_app, rb) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {d for _, d in app.screen.rows}
        assert {"Add", "Edit", "Delete", "Log", "Follow-up", "Filter", "Down", "Up"} <= described


async def test_800_contacts_fill_a_page_and_more_on_scroll(make_app, rb) -> None:
    generate_contacts(rb)  # the benchmark's 800 contacts and 8,000 interactions
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(app, pilot)
        table = app.screen.query_one(ContactTable)
        assert table.row_count == PAGE and len(table.views) == 800
        for _ in range(PAGE):
            await pilot.press("j")
        assert table.row_count >= 2 * PAGE
        await pilot.press("slash", *"person079")
        assert len(names(app)) == 1 and "Person079" in names(app)[0]
        await pilot.press("escape", "l", "enter")  # log with the top contact: one more interaction
        await pilot.pause()
        assert len(repo.interactions(rb.store)) == 8001


async def test_today_lists_follow_ups_and_l_logs_one(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        followups = app.screen.query_one(FollowUpList)
        assert [v.contact.name for v in followups.views] == ["Priya Raman", "Marcus Lee"]
        assert "note for Priya Raman" in str(followups.get_option_at_index(0).prompt)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm) and app.screen.contact.name == "Priya Raman"
        await pilot.press("enter")
        await pilot.pause()
        assert [v.contact.name for v in app.screen.query_one(FollowUpList).views] == ["Marcus Lee"]
        await pilot.press("u")
        await pilot.pause()
        assert len(app.screen.query_one(FollowUpList).views) == 2


async def test_today_names_a_handful_of_follow_ups_and_counts_the_rest(make_app, rb) -> None:
    from tui.services.memo import followups_due
    from tui.services.today_view import SHOWN

    for n in range(SHOWN + 5):
        contact = cs.add_contact(rb, cs.ContactFields(f"Contact {n:02}", cadence=7))
        cs.log_interaction(rb, contact.id, kind="call", day=ago(10 + n))
    due = followups_due(rb, rb.today())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        followups = app.screen.query_one(FollowUpList)
        assert followups.views == due[:SHOWN] and len(due) == SHOWN + 5
        last = followups.get_option_at_index(SHOWN)
        assert "… and 5 more due" in str(last.prompt) and last.disabled
        assert followups.option_count == SHOWN + 1


async def test_command_palette_has_every_contacts_action(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(app, pilot)
        titles = [c.title for c in key_commands(app, screen)]
        assert "Contacts" in titles
        for action in ("Add contact", "Edit contact", "Delete contact", "Log an interaction",
                       "Set a follow-up", "Filter contacts"):
            assert f"Contacts: {action}" in titles
        dict((c.title, c.callback) for c in key_commands(app, screen))["Contacts: Set a follow-up"]()
        await pilot.pause()
        assert isinstance(app.screen, FollowUpForm)
