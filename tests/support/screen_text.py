"""What a Pilot-driven app draws, as text: the rendered lines of the active screen."""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))
