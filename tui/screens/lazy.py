"""A mode's screen: imported when it is first needed (start-up imports only what Today shows),
and styled once by the stylesheet as it stands."""

from __future__ import annotations

from importlib import import_module
from typing import Any

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
