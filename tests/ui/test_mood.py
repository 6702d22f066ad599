"""Pilot tests for mood: `m` from anywhere, `x` reflections, Today's mood line, the Mood screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.geometry import Region
from textual.widgets import Input, OptionList, Static

from tui.screens.mood import PAGE, MoodScreen
from tui.screens.mood_form import MoodForm
from tui.screens.rejection_form import RejectionForm
from tui.services import contacts as contact_service
from tui.services import mood as mood_service
from tui.services.wins import all_wins
from tui.widgets.mood_trend import MoodTrend, bar
from tui.widgets.year_pixels import YearPixels

SIZE = (110, 34)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def prompts(view: OptionList) -> list[str]:
    return [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]


async def test_m_logs_a_mood_in_a_few_keys_and_today_shows_it(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Press m" in text_of(app, "#today-mood")
        await pilot.press("m")
        assert isinstance(app.screen, MoodForm)
        await pilot.press("enter")  # no score yet: refused, form stays
        assert isinstance(app.screen, MoodForm)
        assert "pick a score" in text_of(app, "#score-error")
        await pilot.press("4")  # one key picks the score and moves on to the tags
        assert app.screen.focused is app.screen.query_one("#tags", Input)
        await pilot.press(*"exer", "right", *", job fair", "tab", *"ran 5k", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, MoodForm)
        [entry] = mood_service.entries(rb)
        assert (entry.score, entry.tags, entry.note) == (4, ("exercise", "job", "fair"), "ran 5k")
        assert "Today 4.0 · good (1 entry" in text_of(app, "#today-mood")
        await pilot.press("m", "2", "enter")
        await pilot.pause()
        assert "Today 3.0 · okay (2 entries" in text_of(app, "#today-mood")
        await pilot.press("u")
        await pilot.pause()
        assert len(mood_service.entries(rb)) == 1


async def test_escape_cancels_the_mood_form(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "3", "escape")
        assert not isinstance(app.screen, MoodForm)
        assert mood_service.entries(rb) == []


async def test_a_mood_tagged_rejection_opens_the_reflection_and_saves_both(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "2", *"rejection", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RejectionForm)
        await pilot.press("enter")  # no company: refused, nothing saved
        assert "company cannot be empty" in text_of(app, "#company-error")
        assert mood_service.entries(rb) == []
        await pilot.press("escape")  # back to the mood form, what was typed kept
        assert isinstance(app.screen, MoodForm)
        assert app.screen.query_one("#tags", Input).value == "rejection"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Northwind", "tab", *"Analyst", "tab", *"final round", "tab",
                          *"rehearse the case study", "tab", *"Dana", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, (MoodForm, RejectionForm))
        [entry] = mood_service.entries(rb)
        [rejection] = mood_service.rejections(rb)
        assert entry.score == 2 and rejection.mood_id == entry.id
        assert (rejection.company, rejection.role, rejection.stage) == ("Northwind", "Analyst", "final round")
        assert contact_service.find_contact(rb, "Dana").follow_up == rb.today() + timedelta(days=7)
        assert any(w.kind == "reflected" for w in all_wins(rb))
        assert "lesson is written down" in text_of(app, "#today-encouragement")
        assert "Next: ask Dana for feedback on Northwind by Thu 03 Dec" in text_of(app, "#today-mood")
        await pilot.press("u")
        await pilot.pause()
        assert mood_service.entries(rb) == [] and mood_service.rejections(rb) == []
        assert "not a verdict" not in text_of(app, "#today-encouragement")


async def test_x_reflects_on_a_rejection_from_any_screen(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        assert isinstance(app.screen, RejectionForm)
        await pilot.press(*"Contoso", "tab", "tab", "tab", "backspace", "9", "enter")
        assert "mood score must be 1 to 5" in text_of(app, "#score-error")
        await pilot.press("backspace", "1", "enter")
        await pilot.pause()
        [rejection] = mood_service.rejections(rb)
        assert rejection.company == "Contoso" and rejection.lesson == ""
        assert mood_service.entries(rb)[0].score == 1


async def test_mood_screen_shows_trend_pixels_insights_and_edits_a_lesson(make_app, rb):
    today = rb.today()
    for back in range(max(PAGE, 90) + 20):  # more than a page, and a full 90-day trend
        rest = back % 3 == 0  # rest days go better: an insight worth showing (0.3 or more)
        mood_service.log_mood(rb, min(5, 2 + back % 5) if rest else 1 + back % 5,
                              tags="rest" if rest else "", day=today - timedelta(days=back))
    mood_service.log_rejection(rb, "Fabrikam", role="Designer", day=today - timedelta(days=1))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MoodScreen)
        assert "last 30 days" in text_of(app, "#mood-title")
        assert len(screen.query_one(MoodTrend).days) == 30
        await pilot.press("t")
        assert len(screen.query_one(MoodTrend).days) == 90
        assert "Last 90 days" in text_of(app, "#mood-trend-label")
        assert screen.query_one(YearPixels).means
        assert "tagged rest" in text_of(app, "#mood-insights")
        entries = screen.query_one("#mood-entries", OptionList)
        await pilot.press("j", "j", "k")
        assert entries.highlighted == 1
        shown = prompts(entries)
        assert len(shown) == PAGE + 1 and "older entries" in shown[-1]
        assert shown[0].startswith(today.strftime("%a %d %b %Y"))
        total = len(mood_service.entries(rb))  # every entry, the rejection's too
        entries.focus()
        pages = 0
        while "older entries" in prompts(entries)[-1]:
            entries.highlighted = len(prompts(entries)) - 1
            await pilot.press("enter")  # the next page
            pages += 1
            shown = min(total, (pages + 1) * PAGE)
            assert len(prompts(entries)) == shown + (shown < total)
        assert len(prompts(entries)) == total and pages == -(-total // PAGE) - 1
        rejections = screen.query_one("#mood-rejections", OptionList)
        assert "Fabrikam · Designer" in prompts(rejections)[0]
        assert "no lesson yet" in prompts(rejections)[0]
        rejections.focus()  # `e` edits what the focused list highlights (entries: the mood form)
        await pilot.press("e")
        assert isinstance(app.screen, RejectionForm)
        await pilot.press(*"show the process, not only the result", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen)
        assert "show the process" in prompts(rejections)[0]
        assert mood_service.rejections(rb)[0].lesson == "show the process, not only the result"
        assert any(w.kind == "reflected" for w in all_wins(rb))


async def test_empty_mood_screen_explains(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert "not logged yet" in text_of(app, "#mood-title")
        assert "No moods yet" in prompts(app.screen.query_one("#mood-entries", OptionList))[0]
        assert "Not enough to compare yet" in text_of(app, "#mood-insights")
        assert not app.screen.query_one(MoodTrend).display
        assert "a trend needs two days" in text_of(app, "#mood-trend-label")
        await pilot.press("e")  # nothing to edit: a gentle toast, no crash
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen)


async def test_a_first_visit_draws_recent_years_then_every_year_as_a_second_visit_does(make_app, rb):
    """Years of moods: the first frame comes from this year's and last year's files; every
    year (the insights, the count of older entries) follows. Once settled, the screen is what a
    visit with every year at hand draws, and the insights are laid out to their full height."""
    today = rb.today()
    for back in range(0, 900, 3):
        for n in range(2):
            mood_service.log_mood(rb, 5 - n if back % 2 else 2 + n, tags="exercise" if back % 2 else "",
                                  day=today - timedelta(days=back))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        for _ in range(100):  # every year follows a frame later: up to 2 s on a busy machine
            await pilot.pause(0.02)
            if "Reading" not in text_of(app, "#mood-insights"):
                break
        await pilot.pause()  # and is laid out
        screen = app.screen
        ids = ("#mood-title", "#mood-trend-label", "#mood-insights")
        first = [text_of(app, i) for i in ids] + [prompts(screen.query_one("#mood-entries", OptionList))]
        assert "Reading" not in text_of(app, "#mood-insights") and "tagged exercise" in text_of(app, "#mood-insights")
        insights = screen.query_one("#mood-insights", Static)
        assert insights.region.height * insights.region.width >= len(str(insights.render())) > 40
        assert f"… {300 * 2 - PAGE} older entries" in first[-1][-1]
        screen._drawn = None
        screen.reload()  # every year now memoised: drawn in one pass
        await pilot.pause()
        assert [text_of(app, i) for i in ids] + [prompts(screen.query_one("#mood-entries", OptionList))] == first


def strips(widget) -> list[str]:
    width, height = widget.content_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("setting", ["NO_COLOR", "textual-light"])
async def test_year_in_pixels_tells_moods_apart_by_glyph_without_colour(setting, make_app, rb, monkeypatch):
    """Issue 14 item 10: scores 1–5, a day without a mood and the future differ by character,
    and the legend names each glyph."""
    if setting == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    today = rb.today()
    assert today == date(2026, 11, 26)
    for score in range(1, 6):
        mood_service.log_mood(rb, score, day=date(2026, 11, score))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if setting == "NO_COLOR":
            assert app.no_color
        else:
            app.theme = setting
        await pilot.press("4")
        await pilot.pause()
        lines = strips(app.screen.query_one(YearPixels))
    november = lines[10]
    assert november.startswith("Nov ")
    cell = lambda day: november[3 + day]  # noqa: E731  "Nov " then the 1st
    shown = {"rough": cell(1), "low": cell(2), "okay": cell(3), "good": cell(4), "great": cell(5),
             "none": cell(6), "future": cell(27)}
    assert len(set(shown.values())) == len(shown), shown
    legend = lines[12]
    for word, glyph in shown.items():
        if word != "future":
            assert f"{glyph} {word}" in legend or f"{glyph}{word}" in legend, legend


def test_a_bar_is_taller_for_a_better_mood():
    heights = [(bar(score, 0), bar(score, 1)) for score in range(1, 6)]
    assert len(set(heights)) == 5
    assert heights[0] == (" ", "▃") and heights[-1] == ("█", "█")


async def test_the_trend_has_a_column_per_day_gaps_and_a_date_axis_at_80_wide(make_app, rb):
    """Issue 14 item 12: three moods in 30 days are three one-day bars at their days, dots on
    the days between, and dates under the chart; 90 days at 80 wide take 2 days a column."""
    today = rb.today()
    for back, score in ((20, 2), (10, 5), (2, 4)):
        mood_service.log_mood(rb, score, day=today - timedelta(days=back))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        chart = app.screen.query_one(MoodTrend)
        top, bottom, axis = strips(chart)
        assert chart.size.width >= 30
        bars = [i for i, c in enumerate(bottom) if c not in "· "]
        assert bars == [29 - 20, 29 - 10, 29 - 2]
        assert bottom[:30].count("·") == 27 and bottom[30:].strip() == ""
        assert top[29 - 10] == "█" and top[29 - 20] == " "  # a 5 fills both lines, a 2 only the lower
        assert axis.startswith("28 Oct") and axis.rstrip().endswith("26 Nov")
        assert axis.rstrip().index("26 Nov") + len("26 Nov") == 30  # the end date ends under today
        assert "12 Nov" in axis  # the middle column's day
        assert "a column a day" in text_of(app, "#mood-trend-label")

        await pilot.press("t")
        await pilot.pause()
        top, bottom, axis = strips(chart)
        width = chart.size.width
        per = -(-90 // width)
        assert chart.per == per == 2  # 80 wide: too narrow for 90 columns
        columns = len(bottom.rstrip())
        assert columns == 90 // per <= width
        assert [i for i, c in enumerate(bottom) if c not in "· "] == [44 - 20 // 2, 44 - 10 // 2, 44 - 2 // 2]
        assert axis.startswith("29 Aug") and axis.rstrip().endswith("26 Nov")
        assert "2 days a column" in text_of(app, "#mood-trend-label")


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_asking_a_new_person_for_feedback_says_new_contact_and_a_typo_is_caught(make_app, rb):
    """"Marko" for "Marco" made a silent duplicate, and "Jane Unknown" a silent new contact: a
    close name is refused with the match (enter again creates it), and a new one is announced."""
    contact_service.add_contact(rb, contact_service.ContactFields("Marco Rossi", company="Initech"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x", *"Initech")
        form = app.screen
        form.query_one("#contact", Input).value = "Marko Rossi"
        await pilot.press("enter")
        assert app.screen is form and mood_service.rejections(rb) == []
        assert text_of(app, "#contact-error") == (
            "no contact named Marko Rossi — did you mean Marco Rossi? (enter again to create a new contact)")
        form.query_one("#contact", Input).value = "Marco Rossi"  # took the hint
        await pilot.press("enter")
        await pilot.pause()
        assert contact_service.names(rb) == ["Marco Rossi"]
        assert not any("new contact" in t for t in toasts(app))

        await pilot.press("x", *"Globex")
        app.screen.query_one("#contact", Input).value = "Jane Unknown"  # nobody close: made at once
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RejectionForm)
        assert "Jane Unknown: new contact · ask for feedback on Thu 3 Dec" in toasts(app)
        assert contact_service.find_contact(rb, "Jane Unknown").company == "Globex"


async def test_a_close_name_entered_again_makes_the_new_contact(make_app, rb):
    contact_service.add_contact(rb, contact_service.ContactFields("Marco"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x", *"Initech")
        app.screen.query_one("#contact", Input).value = "Marko"
        await pilot.press("enter")
        assert "did you mean Marco?" in text_of(app, "#contact-error")
        await pilot.press("enter")  # the same name again: a new contact, on purpose
        await pilot.pause()
        assert sorted(contact_service.names(rb)) == ["Marco", "Marko"]
        assert "Marko: new contact · ask for feedback on Thu 3 Dec" in toasts(app)
