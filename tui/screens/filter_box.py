"""Filter as you type, for a screen with a table of many records (Contacts, Applications)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.widgets import Input


class FilterAsYouType:
    """`/` shows the screen's filter box; typing narrows the rows at once (``show_rows`` reads
    ``query_text``); enter goes back to the table; esc clears the filter. The screen names its
    box (``FILTER_BOX``, an Input's id) and its table (``FILTER_TABLE``)."""

    FILTER_BOX: ClassVar[str]
    FILTER_TABLE: ClassVar[type[Any]]
    query_text: str

    def show_rows(self) -> None:
        raise NotImplementedError

    def action_filter(self) -> None:
        box = self.query_one(f"#{self.FILTER_BOX}", Input)  # type: ignore[attr-defined]
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.show_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(self.FILTER_TABLE).focus()  # type: ignore[attr-defined]

    def action_clear_filter(self) -> None:
        box = self.query_one(f"#{self.FILTER_BOX}", Input)  # type: ignore[attr-defined]
        box.value = ""
        box.display = False
        self.query_text = ""
        self.query_one(self.FILTER_TABLE).focus()  # type: ignore[attr-defined]
        self.show_rows()
