"""A mode's screen: imported when it is first needed (start-up imports only what Today shows),
and styled once by the stylesheet as it stands."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from textual import events
from textual.screen import Screen


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
        # Mounting styles it with the stylesheet as it stands. Left at its initial count, Textual
        # would re-parse every stylesheet and restyle every widget of every screen, twice (about
        # 100 ms on the first visit of each screen), and forget the parsed rules it keeps.
        screen._css_update_count = screen.app._css_update_count
        return screen

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.load(), attribute)


def repeated_resume(screen: Screen[Any], event: events.ScreenResume) -> bool:
    """True for the second of the two resumes Textual sends a mode's screen on the first switch
    to it (one as it sets the mode up, one as it switches): that one is stopped here, before
    Textual restyles every widget again (~4 ms of a first visit) and the screen redraws."""
    pending = getattr(screen, "first_resumes", 0)
    if not pending:
        return False
    screen.first_resumes = pending - 1  # type: ignore[attr-defined]
    if pending == 1:
        event.prevent_default()
        return True
    return False
