"""A mode's screen: imported when it is first needed (start-up imports only what Today shows),
and styled once by the stylesheet as it stands."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from textual import events
from textual.screen import Screen

from ..textual_compat import adopt_current_styles


class LazyScreen:
    """Stands in for ``tui.screens.<module>.<name>`` in ``App.MODES``: calling it builds the
    screen (Textual accepts a callable there); its attributes are the class's (e.g. BINDINGS)."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def load(self) -> type[Screen[Any]]:
        screen: type[Screen[Any]] = getattr(import_module(f"{__package__}.{self.module}"), self.name)
        return screen

    def __call__(self) -> Screen[Any]:
        screen = self.load()()
        adopt_current_styles(screen)  # mounting styles it: no second restyle of every screen
        return screen

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.load(), attribute)


def repeated_resume(screen: Screen[Any], event: events.ScreenResume) -> bool:
    """True for a resume that comes before the screen has drawn a frame since the last one it
    handled: Textual sends a mode's screen two as it first switches to it, and the second would
    restyle every widget again (3–16 ms of a first visit) for nothing. It is stopped here, with
    public API only, and without counting on how many resumes Textual sends."""
    if not screen.is_current:  # built ahead, hidden: its resume on the visit is its first shown
        return False
    if getattr(screen, "resume_before_frame", False):
        event.prevent_default()
        return True
    screen.resume_before_frame = True  # type: ignore[attr-defined]
    screen.call_after_refresh(setattr, screen, "resume_before_frame", False)
    return False
