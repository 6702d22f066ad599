"""App theme variables for moods and heatmap levels, derived from whichever theme is active, so
every built-in theme gets matching colours and the Rebound theme can set its own."""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme


def mood_and_heat_colours(theme: Theme) -> dict[str, str]:
    colours = theme.to_color_system().generate()
    background = Color.parse(colours["background"])

    def faded(name: str, amount: float) -> str:
        return Color.parse(colours[name]).blend(background, amount).hex

    return {
        "mood-1": colours["error"],
        "mood-2": colours["warning"],
        "mood-3": faded("foreground", 0.45),
        "mood-4": faded("success", 0.4),
        "mood-5": colours["success"],
        "heat-miss": colours["error"],
        "heat-1": colours["warning"],
        "heat-2": faded("success", 0.4),
        "heat-3": colours["success"],
    }
