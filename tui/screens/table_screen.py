"""A data screen around one table of records (Contacts, Applications): filter as you type, the
cursor put on a saved record, and the highlighted record's details."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.widgets import DataTable, Input

from ..widgets.text_input import TextInput
from .data_screen import DataScreen


class RecordTableScreen(DataScreen):
    """`/` shows the screen's filter box; typing narrows the rows at once (``show_rows`` reads
    ``query_text``); enter goes back to the table; esc clears the filter. The screen names its
    box (``FILTER_BOX``, an Input's id), its table (``FILTER_TABLE``, which has ``selected()``
    and ``more()``), the kind of record a form returns (``RECORD``: the cursor goes on it) and
    what to say when there is no record to act on (``NONE_YET``)."""

    FILTER_BOX: ClassVar[str]
    FILTER_TABLE: ClassVar[type[Any]]
    RECORD: ClassVar[type[Any]]
    NONE_YET: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self._select: str | None = None  # the row to put the cursor on at the next draw

    def filter_box(self, placeholder: str) -> TextInput:
        """The screen's filter box, for its ``compose``: hidden until `/`. Hidden as it is made,
        not at mount: a screen built ahead can mount as the app closes, its children gone."""
        box = TextInput(placeholder=placeholder, id=self.FILTER_BOX)
        box.display = False
        return box

    def wants_redraw(self) -> bool:
        return self._select is not None

    def select(self, record_id: str) -> None:
        """Put the cursor on this record at the next reload, with the filter cleared."""
        if self.query_text:
            self.action_clear_filter()
        self._select = record_id

    def take_selection(self, selected: str | None) -> str | None:
        """The row ``show_rows`` puts the cursor on: the one asked for, else ``selected``."""
        select, self._select = self._select or selected, None
        return select

    def show_rows(self) -> None:
        raise NotImplementedError

    def show_detail(self) -> None:
        raise NotImplementedError

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.query_one(self.FILTER_TABLE).more()
        self.show_detail()

    def selected_row(self) -> Any | None:
        row = self.query_one(self.FILTER_TABLE).selected()
        if row is None:
            self.notify(self.NONE_YET, severity="warning", timeout=3)
        return row

    def _saved(self, message: str, result: object | None) -> None:
        """A form's result: a saved record gets the cursor; the screen redraws and says so."""
        if result is None:
            return
        if isinstance(result, self.RECORD):
            self._select = result.id
        self._changed(message)

    def _changed(self, message: str) -> None:
        self.app.refresh_data()
        self.notify(message, markup=False)

    # Filter as you type -----------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one(f"#{self.FILTER_BOX}", Input)
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.show_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(self.FILTER_TABLE).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one(f"#{self.FILTER_BOX}", Input)
        box.value = ""
        box.display = False
        self.query_text = ""
        self.query_one(self.FILTER_TABLE).focus()
        self.show_rows()
