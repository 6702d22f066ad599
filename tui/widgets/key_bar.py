"""The footer: the focused screen's shown keys on one line, drawn by a single widget.

Textual's Footer mounts a widget per key and restyles each one as it mounts: about 8 ms a key,
some 100 ms of every start and of every first visit to a screen. This bar lays the same keys out
as text (grouped keys together, the command palette on the right), reacts to the same bindings
signal, and maps a click back to its key, as the Footer does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from .hover import Hover

ALWAYS = ("question_mark", "q")  # help and quit: a user must always see how to learn and leave


class Piece(NamedTuple):  # defined at every start: 0.07 ms, a frozen dataclass 0.46 ms
    """A run of the bar: its text, its part (key, description, divider) and the key it presses."""

    text: str
    part: str
    key: str | None = None
    enabled: bool = True


def items(shown: Iterable[tuple[Binding, bool]], display: Callable[[Binding], str],
          ) -> Iterator[list[Piece]]:
    """The left of the bar, item by item: one binding per action, a group's keys side by side."""
    by_action: dict[str, tuple[Binding, bool]] = {}
    for binding, enabled in shown:
        by_action.setdefault(binding.action, (binding, enabled))
    for group, members in groupby(by_action.values(), lambda item: item[0].group):
        bindings = list(members)
        if group is not None and len(bindings) > 1:
            item = [Piece(" ", "description")]
            for n, (binding, enabled) in enumerate(bindings):
                if n and not group.compact:
                    item.append(Piece(" ", "description"))
                item.append(Piece(display(binding), "key", binding.key, enabled))
            yield [*item, Piece(f" {group.description} ", "description")]
            continue
        for binding, enabled in bindings:
            yield [Piece(f" {display(binding)} ", "key", binding.key, enabled),
                   Piece(f"{binding.description} ", "description", binding.key, enabled)]


def width_of(item: list[Piece]) -> int:
    return sum(cell_len(p.text) for p in item)


def kept_items(left: list[list[Piece]], room: int) -> list[list[Piece]]:
    """The items that fit ``room``, in their order: help and quit always (while they fit at
    all), then the others from the first, whole items only. What is dropped is listed in help
    (`?`) and in the palette."""
    kept = [item for item in left if any(p.key in ALWAYS for p in item)]
    free = room - sum(map(width_of, kept))
    chosen: list[list[Piece]] = []
    for item in left:
        if item in kept:
            continue
        if width_of(item) > free:
            break  # whole keys in their order: no gap where a wide key was dropped
        chosen.append(item)
        free -= width_of(item)
    shown = [item for item in left if item in kept or item in chosen]
    while shown and sum(map(width_of, shown)) > room:  # too narrow even for help and quit
        shown.pop(0)
    return shown


class KeyBar(Hover, Widget, can_focus=False):
    """Every binding the screen shows, as text; a click presses the key under the pointer."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--divider",
                         "key-bar--hover"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, Piece]] = []  # where each piece was drawn, for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _layout(self) -> tuple[list[list[Piece]], list[Piece]]:
        active = self.screen.active_bindings
        shown = [(b.binding, b.enabled) for b in active.values() if b.binding.show]
        palette: list[Piece] = []
        if self.app.ENABLE_COMMAND_PALETTE and (found := active.get(self.app.COMMAND_PALETTE_BINDING)):
            binding, enabled = found.binding, found.enabled
            palette = [Piece("▏", "divider"),
                       Piece(self.app.get_key_display(binding), "key", binding.key, enabled),
                       Piece(f" {binding.description} ", "description", binding.key, enabled)]
        return list(items(shown, self.app.get_key_display)), palette

    def render(self) -> Text:
        left, right = self._layout()
        width = self.size.width
        room = max(0, width - sum(cell_len(p.text) for p in right))
        placed: list[tuple[int, int, Piece]] = []
        x = 0
        for item in kept_items(left, room):
            for piece in item:
                placed.append((x, x + cell_len(piece.text), piece))
                x += cell_len(piece.text)
        x = room
        for piece in right:
            placed.append((x, x + cell_len(piece.text), piece))
            x += cell_len(piece.text)
        self._spans = placed
        text = Text(no_wrap=True, overflow="crop", end="")
        end = 0
        for start, stop, piece in placed:
            if start > end:
                text.append(" " * (start - end))
            text.append(piece.text, self._style(piece))
            end = stop
        return text

    def _style(self, piece: Piece) -> Style:
        style = self.get_component_rich_style(f"key-bar--{piece.part}", partial=True)
        if piece.key is not None and piece.key == self._hover:
            style += self.get_component_rich_style("key-bar--hover", partial=True)
        if not piece.enabled:
            style += Style(dim=True)
        return style

    def _piece_at(self, x: int) -> Piece | None:
        return next((p for start, stop, p in self._spans if start <= x < stop and p.key), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        piece = self._piece_at(event.x)
        if piece is None or piece.key is None:
            return
        if piece.enabled:
            self.app.simulate_key(piece.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        piece = self._piece_at(event.x)
        self._set_hover(piece.key if piece else None)
