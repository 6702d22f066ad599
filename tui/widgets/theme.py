"""Rebound's own theme: calm blue-green with a warm accent, registered as "rebound"."""

from __future__ import annotations

from textual.theme import Theme

REBOUND_THEME = Theme(
    name="rebound",
    primary="#4FB3A9",
    secondary="#7A9CC6",
    accent="#F2A65A",
    foreground="#E6E9EF",
    background="#14191F",
    surface="#1C232B",
    panel="#243040",
    success="#6CC887",
    warning="#F2C14E",
    error="#E5686A",
    dark=True,
    variables={
        "footer-key-foreground": "#4FB3A9",
        "block-cursor-text-style": "bold",
        # Our own mood scale (rough → great) and heatmap levels; other themes derive theirs.
        "mood-1": "#E5686A",
        "mood-2": "#F2A65A",
        "mood-3": "#A7B0BE",
        "mood-4": "#8FD3A5",
        "mood-5": "#4FC27A",
        "heat-miss": "#E5686A",
        "heat-1": "#F2C14E",
        "heat-2": "#8FD3A5",
        "heat-3": "#4FC27A",
    },
)
