"""A modal form of labelled inputs with a validation message under each: the contact forms use it.

Subclasses list ``FIELDS`` (id, label, placeholder), fill ``initial`` and implement ``submit``,
which calls a service and returns the result (dismissed) or raises InputError (shown under the
field it names). `enter` saves, `escape` cancels; a refusal keeps everything typed. A field named
in ``CHOICES`` is a closed set (a ``Select``); one named in ``NUMBERS`` says at once when it
holds a non-number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from ..widgets.text_input import TextInput
from .form_fields import CheckedForm, choice, field_value
from .saving import save_form

if TYPE_CHECKING:
    from .host import HostApp


class FieldForm(CheckedForm[Any]):
    FIELDS: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    SUGGEST: ClassVar[dict[str, list[str]]] = {}
    CHOICES: ClassVar[dict[str, list[str]]] = {}

    app: HostApp

    def __init__(self, title: str, initial: dict[str, str] | None = None, subtitle: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.subtitle = subtitle
        self.initial = initial or {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form compact-form"):
            yield Static(self.form_title, classes="form-title", markup=False)
            if self.subtitle:
                yield Static(self.subtitle, classes="form-subtitle", markup=False)
            for name, label, placeholder in self.FIELDS:
                yield Label(label)
                if name in self.CHOICES:
                    yield choice(self.CHOICES[name], self.initial.get(name, ""), name, compact=True)
                    yield Static(id=f"{name}-error", classes="field-error")
                    continue
                words = self.SUGGEST.get(name)
                suggester = SuggestFromList(words, case_sensitive=False) if words else None
                yield TextInput(self.initial.get(name, ""), placeholder=placeholder, id=name,
                            max_length=2000, suggester=suggester)
                yield Static(id=f"{name}-error", classes="field-error")
            yield from self.compose_extra()
            yield Static("enter saves · esc cancels", classes="form-hint")

    def compose_extra(self) -> ComposeResult:
        """Widgets after the fields (the settings' switches); none by default."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(f"#{self.FIELDS[0][0]}").focus()

    def value(self, name: str) -> str:
        return field_value(self, name)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        names = [name for name, _, _ in self.FIELDS]
        for name in names:
            self.query_one(f"#{name}-error", Static).remove_class("-shown")
        target = field if field in names else names[0]
        error = self.query_one(f"#{target}-error", Static)
        error.update(Text(message))  # the user's words are not markup
        error.add_class("-shown")
        self.query_one(f"#{target}").focus()

    def action_save(self) -> None:
        if found := self.number_error():
            self.show_error(*found)
            return
        save_form(self, self.submit)

    def submit(self) -> object:
        raise NotImplementedError
