"""The tab bar: every screen with its key (`1 Today  2 Goals …`), the current one marked.

One line drawn by one widget, as the key bar is: Textual's Tabs mounts a widget per tab and an
animated underline, restyled on every screen's first visit. The tabs are the App's bindings whose
id starts with ``mode.``, in their order, so a new screen (a 6th) is a new binding and nothing
here. A click runs the tab's binding, the same action as its key.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

from .hover import Hover

MODE_ID = "mode."


def mode_bindings(app_class: type) -> list[Binding]:
    """The screens' bindings, in tab order."""
    found = [b for b in getattr(app_class, "BINDINGS", ()) if isinstance(b, Binding)]
    return [b for b in found if (b.id or "").startswith(MODE_ID)]


class TabBar(Hover, Widget, can_focus=False):
    """`1 Today  2 Goals  3 Contacts  4 Mood  5 Wins`; ``current`` names this screen's mode."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"tab-bar--key", "tab-bar--tab", "tab-bar--current", "tab-bar--hover"}

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self._spans: list[tuple[int, int, Binding]] = []

    def tabs(self) -> list[tuple[str, str, Binding]]:
        """(key shown, name, binding) per tab."""
        return [(self.app.get_key_display(b), b.description, b) for b in mode_bindings(type(self.app))]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, Binding]] = []
        x = 0
        for key, name, binding in self.tabs():
            current = binding.id == f"{MODE_ID}{self.current}"
            part = "current" if current else "tab"
            tab = self._style(part, binding)
            start = x
            text.append(" ", tab)
            text.append(key, tab + self._style("key", binding) if not current else tab)
            text.append(f" {name} ", tab)
            x += cell_len(f" {key} {name} ")
            spans.append((start, x, binding))
        self._spans = spans
        return text

    def _style(self, part: str, binding: Binding) -> Style:
        style = self.get_component_rich_style(f"tab-bar--{part}", partial=True)
        if part == "tab" and binding.id == self._hover:
            style += self.get_component_rich_style("tab-bar--hover", partial=True)
        return style

    def _tab_at(self, x: int) -> Binding | None:
        return next((b for start, stop, b in self._spans if start <= x < stop), None)

    async def on_click(self, event: events.Click) -> None:
        binding = self._tab_at(event.x)
        if binding is not None:
            await self.app.run_action(binding.action)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        binding = self._tab_at(event.x)
        self._set_hover(binding.id if binding else None)
