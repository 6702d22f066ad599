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
    },
)
