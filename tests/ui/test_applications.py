"""Pilot tests for the Applications screen (key 6): the table, its filters, the forms, moves with
undo, closing as rejected through the reflection, and deleting after asking.

The clock is frozen on Thursday 2026-11-26 (tests/ui/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Select, Static

from tui.demo import generate
from tui.screens.application_form import ApplicationForm, ApplicationRejectionForm, CloseForm
from tui.screens.applications import ApplicationsScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.services import applications as apps
from tui.services import mood as mood_service
from tui.widgets.app_table import COLUMNS, ApplicationTable, column_widths
from tui.widgets.key_bar import KeyBar
from tui.screens.palette import key_commands

SIZE = (110, 34)
CLASSIC = (80, 24)
TODAY = date(2026, 11, 26)


def seed(rb) -> None:
    for company, role, back in (("Northwind", "Data analyst", 20), ("Contoso", "BI developer", 10),
                                ("Fabrikam", "Analytics engineer", 3)):
        apps.add_application(rb, apps.AppFields(company, role, "job board"), TODAY - timedelta(days=back))
    rb.history.clear()


def table(app) -> ApplicationTable:
    return app.screen.query_one(ApplicationTable)


def cells(app, row: int) -> list[str]:
    return [c.plain for c in table(app).get_row_at(row)]


def companies(app) -> list[str]:
    return [cells(app, i)[0] for i in range(table(app).row_count)]


def text_of(app, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def stage_of(rb, company: str) -> str:
    return apps.find_application(rb, company).stage


async def open_apps(app, pilot) -> ApplicationsScreen:
    await pilot.press("6")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, ApplicationsScreen)
    return app.screen


async def test_the_demo_pipeline_with_its_detail_and_funnel(make_app, rb) -> None:
    generate(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        assert table(app).row_count == 30
        assert [str(c.label) for c in table(app).columns.values()] == list(COLUMNS)
        assert cells(app, 0)[:4] == ["Northwind", "Data analyst", "offer", "40d"]  # furthest first
        assert cells(app, 0)[4].startswith("Reply to the offer")
        assert "no reply in" in " ".join(cells(app, i)[4] for i in range(30))  # quiet ones say so
        detail = text_of(app, "apps-detail-text")
        assert "contacts: Priya Raman" in detail
        assert "Mon 23 Nov 2026  offer" in detail and "applied" in detail  # the dated history
        assert "Applications · 30 ·" in text_of(app, "apps-title")
        funnel = text_of(app, "apps-funnel")
        assert "Funnel · 30 days" in funnel and "replies" in funnel
        await pilot.press("t")
        assert "Funnel · 90 days · 30 sent" in text_of(app, "apps-funnel")
        await pilot.press("t")
        assert "all time" in text_of(app, "apps-funnel")


async def test_the_stage_filter_cycles_and_the_text_filter_narrows_as_you_type(make_app, rb) -> None:
    generate(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        everything = apps.applications(rb)
        await pilot.press("f")  # open
        assert table(app).row_count == sum(a.is_open for a in everything)
        await pilot.press("f")  # applied
        assert {cells(app, i)[2] for i in range(table(app).row_count)} == {"applied"}
        assert "applied:" in text_of(app, "apps-title")
        await pilot.press("escape", "slash", *"north")
        assert sorted(companies(app)) == ["Northwind", "Northwind"]
        assert "2 match “north”" in text_of(app, "apps-title")
        await pilot.press("enter", "escape")
        assert table(app).row_count == 30 and not app.screen.query_one("#apps-filter").display


async def test_add_refuses_a_duplicate_open_application_under_the_field(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press(*"northwind", "tab", *"data analyst", "enter")
        await pilot.pause()
        error = app.screen.query_one("#company-error", Static)
        assert "already applied to Northwind · Data analyst on 6 Nov" in str(error.render())
        assert error.has_class("-shown") and len(apps.applications(rb)) == 3  # nothing written
        role = app.screen.query_one("#role", Input)
        role.value = "Data engineer"
        app.screen.query_one("#contacts", Input).value = "Dana Scully"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        added = apps.find_application(rb, "Northwind · Data engineer")
        assert added.source == "job board" and len(added.contacts) == 1
        assert table(app).selected().app.id == added.id  # the cursor on the new one


async def test_move_forward_and_back_each_undone_with_u(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        assert table(app).selected().app.company == "Fabrikam"  # newest first within applied
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert stage_of(rb, "Fabrikam") == "screen" and cells(app, 0)[2] == "screen"
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert stage_of(rb, "Fabrikam") == "interview"
        await pilot.press("less_than_sign")
        await pilot.pause()
        found = apps.find_application(rb, "Fabrikam")
        assert [s for s, _ in found.history] == ["applied", "screen", "interview", "screen"]
        await pilot.press("u")
        await pilot.pause()
        assert stage_of(rb, "Fabrikam") == "interview"
        await pilot.press("u", "u")
        await pilot.pause()
        assert [s for s, _ in apps.find_application(rb, "Fabrikam").history] == ["applied"]
        await pilot.press("less_than_sign")  # at the first stage: refused, nothing written
        await pilot.pause()
        assert [s for s, _ in apps.find_application(rb, "Fabrikam").history] == ["applied"]


async def test_close_as_rejected_opens_the_reflection_prefilled_and_linked(make_app, rb) -> None:
    seed(rb)
    apps.move_application(rb, apps.find_application(rb, "Contoso").id, "interview", TODAY)
    rb.history.clear()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        assert table(app).selected().app.company == "Contoso"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CloseForm)
        assert app.screen.query_one("#stage", Select).value == "rejected"
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationRejectionForm)
        assert stage_of(rb, "Contoso") == "interview"  # nothing saved until the reflection is
        values = {n: form.query_one(f"#{n}", Input) for n in ("company", "role", "stage")}
        assert [v.value for v in values.values()] == ["Contoso", "BI developer", "interview"]
        assert all(v.disabled for v in values.values())
        await pilot.press(*"ask about the stack")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        contoso = apps.find_application(rb, "Contoso")
        assert contoso.stage == "rejected"
        [reflection] = mood_service.rejections(rb)
        assert reflection.application_id == contoso.id and reflection.lesson == "ask about the stack"
        await pilot.press("u")  # one change: the move and the reflection go together
        await pilot.pause()
        assert stage_of(rb, "Contoso") == "interview" and mood_service.rejections(rb) == []


async def test_close_as_withdrawn_and_a_future_day_refused(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#stage", Select).value = "withdrawn"
        app.screen.query_one("#day", Input).value = "2026-12-01"
        await pilot.press("enter")
        await pilot.pause()
        assert "in the future" in str(app.screen.query_one("#day-error", Static).render())
        app.screen.query_one("#day", Input).value = "today"
        await pilot.press("enter")
        await pilot.pause()
        assert stage_of(rb, "Fabrikam") == "withdrawn"


async def test_delete_asks_first_and_u_brings_it_back(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(apps.applications(rb)) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert [a.company for a in apps.applications(rb)] == ["Northwind", "Contoso"]
        assert table(app).row_count == 2
        await pilot.press("u")
        await pilot.pause()
        assert len(apps.applications(rb)) == 3 and table(app).row_count == 3


async def test_every_key_is_in_help_and_the_palette(make_app, rb) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_apps(app, pilot)
        titles = [c.title for c in key_commands(app, screen) if c.title.startswith("Applications: ")]
        assert "Applications: Close application" in titles and len(titles) == 10
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        for words in ("Forward", "Back", "Close", "Stage", "Funnel 30/90/all"):
            assert words in text, words


async def test_the_classic_terminal_cuts_names_not_stages_or_ages(make_app, rb) -> None:
    generate(rb)
    apps.add_application(rb, apps.AppFields("Consolidated International Widgets of the North",
                                            "Principal staff data platform engineer", "other"))
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await open_apps(app, pilot)
        widths = [c.width for c in table(app).columns.values()]
        assert sum(widths) + 2 * len(widths) <= table(app).size.width
        assert cells(app, 0)[2] == "offer"
        rows = [cells(app, i) for i in range(table(app).row_count)]
        long = next(r for r in rows if r[0].startswith("Consolidated International"))
        assert long[2] == "applied" and long[3] == "0d"
        bar = app.screen.query_one(KeyBar).render_line(0).text
        assert "? Help" in bar and "q Quit" in bar
        drawn = ["".join(s.text for s in table(app).render_line(y)) for y in range(1, 10)]
        assert any("…" in line for line in drawn)  # long names truncated
        assert all(line.split()[-1] != "…" for line in drawn)  # never a cut figure at the end
        stages = [line for line in drawn if " offer " in line or " interview " in line]
        assert stages  # the stage column drawn whole


def test_column_widths_keep_stage_and_age_whole_at_76_cells() -> None:
    texts = {"Company": ["C" * 60], "Role": ["R" * 60], "Next step": ["N" * 80]}
    widths = column_widths(texts, 76)
    assert widths["Stage"] == 9 and widths["Age"] == 5
    assert sum(widths.values()) + 2 * len(COLUMNS) <= 76
    wide = column_widths(texts, 200)
    assert wide["Company"] == 28 and wide["Role"] == 32 and wide["Next step"] == 48


async def test_edit_keeps_the_contacts_and_a_close_name_needs_enter_twice(make_app, rb) -> None:
    from tui.services import contacts as cs

    cs.add_contact(rb, cs.ContactFields("Priya Raman"))
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", "referral",
                                            contacts=("Priya Raman",)), TODAY)
    rb.history.clear()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_apps(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#contacts", Input).value == "Priya Raman"
        form.query_one("#contacts", Input).value = "Priya Raman, Priya Ramen"
        await pilot.press("enter")
        await pilot.pause()
        assert "did you mean Priya Raman" in str(form.query_one("#contacts-error", Static).render())
        assert len(apps.find_application(rb, "Northwind").contacts) == 1  # nothing written
        await pilot.press("enter")  # again: Priya Ramen is a new contact
        await pilot.pause()
        assert isinstance(app.screen, ApplicationsScreen)
        assert len(apps.find_application(rb, "Northwind").contacts) == 2
        assert "Priya Raman, Priya Ramen" in text_of(app, "apps-detail-text")
