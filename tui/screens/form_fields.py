"""What every form shares beyond its inputs: closed sets as a ``Select``, number fields that
say at once when what was typed is not a number, and reading a field whatever its widget.

A form's `enter` is a priority binding (save); while a ``Select``'s menu is open, `enter` must
pick the option instead, so ``check_action`` lets it through to the menu.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static


def choice(values: Iterable[str], value: str, id: str, labels: dict[str, str] | None = None,
           compact: bool = False) -> Select[str]:
    """A closed set: one of ``values``, never blank (``value`` if it is one, else the first).
    ``compact``: one line high, like the compact forms' inputs."""
    options = [((labels or {}).get(v, v), v) for v in values]
    known = [v for _, v in options]
    return Select(options, value=value if value in known else known[0], allow_blank=False, id=id,
                  compact=compact)


def field_value(screen: Widget, name: str) -> str:
    """What field ``name`` holds: an Input's text or a Select's chosen value ("" if none)."""
    found = screen.query_one(f"#{name}")
    if isinstance(found, Select):
        return "" if found.value is Select.NULL else str(found.value)
    assert isinstance(found, Input)
    return found.value


def not_a_number(text: str) -> bool:
    """Typed, and not a whole number (blank is for the form to judge)."""
    text = text.strip()
    return bool(text) and not text.isdecimal()


T = TypeVar("T")


class TypedForm(ModalScreen[T]):
    """A form that takes quick typing (or a paste of keys) in the order it was typed. Textual
    runs a binding when its key comes back up to the app, and a priority binding as the key
    arrives, while the keys before it may still wait at the focused field. So Tab and shift+tab
    move the focus as they arrive (a quick "name, Tab, 2" put the 2 in the name), and `enter`
    saves, from any field, only once the focused field has taken the keys typed before it (a
    quick "7, enter" saved without the 7). The editing keys are ``TextInput``'s own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        Binding("enter", "save_after_typing", "Save", priority=True),
    ]

    def action_save_after_typing(self) -> None:
        focused = self.app.focused
        target = focused if isinstance(focused, Input) and focused.screen is self else self
        target.call_later(self.run_action, "save")  # behind the keys it holds


class CheckedForm(TypedForm[T]):
    """A form with ``NUMBERS``: field id → the message shown under it while it holds a non-number."""

    NUMBERS: ClassVar[dict[str, str]] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "save_after_typing") and any(s.expanded for s in self.query(Select)):
            return False  # `enter` picks the highlighted option of the open menu
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        message = self.NUMBERS.get(event.input.id or "")
        if message is None:
            return
        error = self.query_one(f"#{event.input.id}-error", Static)
        if not_a_number(event.value):
            error.update(Text(message))
            error.add_class("-shown")
        elif str(error.render()) == message:  # only its own message: a refusal on save stays
            error.update("")
            error.remove_class("-shown")

    def number_error(self) -> tuple[str, str] | None:
        """The first number field holding a non-number, and its message."""
        for name, message in self.NUMBERS.items():
            if self.query(f"#{name}") and not_a_number(field_value(self, name)):
                return name, message
        return None
