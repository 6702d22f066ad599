"""What is under the mouse pointer in a widget that draws its own parts (a row, a key)."""

from __future__ import annotations

from typing import Any

from textual import events


class Hover:
    """Mixed into a Widget: keeps ``_hover`` (None when the pointer is away) and redraws when it
    changes; the widget sets it from its ``on_mouse_move``."""

    _hover: Any = None

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, target: Any) -> None:
        if target != self._hover:
            self._hover = target
            self.refresh()  # type: ignore[attr-defined]
