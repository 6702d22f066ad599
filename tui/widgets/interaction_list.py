"""A contact's interactions, newest first, in the Contacts detail pane: `tab` focuses it, then
`e` edits and `d` deletes the highlighted one."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..core.contacts import Interaction

SHOWN = 500  # far more than a person logs with one contact; the rest are named, not listed


def interaction_line(item: Interaction) -> Text:
    line = Text.assemble((f"{item.day:%a %d %b %Y}  ", "dim"), f"{item.kind:<9}")
    if item.note:
        line.append(f" {item.note}")  # the user's words: a Text, never markup
    return line


class InteractionList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Interaction] = []

    def show(self, items: list[Interaction]) -> None:
        """List ``items``, keeping the highlight on the same interaction when it is still there."""
        keep = self.selected()
        self.items = items[:SHOWN]
        options = [Option(interaction_line(i), id=i.id) for i in self.items]
        if len(items) > SHOWN:
            options.append(Option(Text(f"… and {len(items) - SHOWN} older", "dim"), disabled=True))
        self.set_options(options)
        if self.items:
            ids = [i.id for i in self.items]
            self.highlighted = ids.index(keep.id) if keep and keep.id in ids else 0

    def selected(self) -> Interaction | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        return self.items[index]
