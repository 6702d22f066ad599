"""A screen class imported when it is first needed, so start-up imports only what Today shows."""

from __future__ import annotations

from importlib import import_module
from typing import Any

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
        return self.load()()

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.load(), attribute)
