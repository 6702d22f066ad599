"""Mood and heatmap colours are app theme variables that follow whichever theme is active."""

from __future__ import annotations

from textual.color import Color

from tui.widgets.theme import REBOUND_THEME

SIZE = (110, 34)
NAMES = ["mood-1", "mood-2", "mood-3", "mood-4", "mood-5", "heat-miss", "heat-1", "heat-2", "heat-3"]


async def test_every_theme_gets_mood_and_heat_colours_from_its_own_palette(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            for name in NAMES:
                Color.parse(variables[name])  # a real colour in every theme
            if theme != "rebound":  # built-in themes derive them from their own palette
                assert variables["mood-1"] == variables["error"]
                assert variables["mood-5"] == variables["success"] == variables["heat-3"]


async def test_year_pixels_use_the_mood_variables(make_app, rb):
    from tui.services import mood as mood_service
    from tui.widgets.year_pixels import YearPixels

    mood_service.log_mood(rb, 4)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        pixels = app.screen.query_one(YearPixels)
        style = pixels.get_component_rich_style("year-pixels--4")
        assert style.color is not None
        assert app.theme == "rebound"
        assert Color.from_rich_color(style.color).hex.lower() == REBOUND_THEME.variables["mood-4"].lower()
