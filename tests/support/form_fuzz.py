"""Fill a form of the running app (Pilot) with hostile strings, press enter, and judge the outcome.

Every submission ends one of two ways: a refusal (the form is still open, a message shows under a
field, every field still holds what was typed, and no byte of the data folder changed) or a save
(the form is gone; the caller checks the record reads back equal to the trimmed input). Never an
exception, never an escape sequence from the input on the rendered screen.

One field per submission, in turn, is typed key by key when its string is short and printable.
Textual's ``Input`` drops control characters typed at it, and a key costs tens of milliseconds, so
the other strings are put in with ``input.value = s``. That is the path a paste takes: our
``TextInput`` drops control characters however they arrive, so the field holds (and shows) the
rest, and that is what a refusal must keep and a save must store.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from hostile_strings import snapshot
from screen_text import screen_text

TYPED_UP_TO = 12  # characters; longer strings are assigned (see the module docstring)
FIGURES: Counter[str] = Counter()


def typeable(text: str) -> bool:
    return len(text) <= TYPED_UP_TO and text.isprintable()


async def fill(pilot: Pilot, values: dict[str, str]) -> dict[str, str]:
    """Put each value in its field; returns what each field then holds. One field per submission
    (in turn) is typed key by key when it can be; the others are assigned."""
    form = pilot.app.screen
    names = list(values)
    keyed = names[FIGURES["submissions"] % len(names)]
    for name, text in values.items():
        box = form.query_one(f"#{name}", Input)
        box.value = ""
        if name == keyed and typeable(text):
            box.focus()
            await pilot.press(*text)
            FIGURES["fields typed"] += 1
        else:
            box.value = text
            FIGURES["fields assigned"] += 1
    return {name: form.query_one(f"#{name}", Input).value for name in values}


def errors_shown(form: Screen) -> list[str]:
    return [str(e.render()) for e in form.query(".field-error").results(Static)
            if e.display and str(e.render()).strip()]


async def submit(pilot: Pilot, form_type: type[Screen], folder: Path, shown: dict[str, str]) -> bool:
    """Press enter on the open form; True when it saved, False when it refused (and was closed)."""
    app = pilot.app
    form = app.screen
    assert isinstance(form, form_type), f"expected {form_type.__name__}, got {form!r}"
    before = snapshot(folder)
    await pilot.press("enter")
    assert app._exception is None and app.return_code is None, "the app crashed"
    assert "\x1b" not in screen_text(app), f"an escape sequence reached the screen: {shown!r}"
    FIGURES["submissions"] += 1
    if app.screen is not form:
        assert form not in app.screen_stack, f"{form_type.__name__} left a screen behind"
        FIGURES["saved"] += 1
        return True
    messages = errors_shown(form)
    assert messages, f"refused without a message under a field: {shown!r}"
    assert all("\x1b" not in m for m in messages)
    assert snapshot(folder) == before, f"a refusal wrote to the data folder: {shown!r}"
    for name, value in shown.items():
        assert form.query_one(f"#{name}", Input).value == value, f"the refusal lost what was typed in {name}"
    FIGURES["refused"] += 1
    await pilot.press("escape")
    assert app.screen is not form
    return False
