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

Closed sets (period, week start, theme, interaction kind) are ``Select`` fields: nothing can be
typed there, so the string picks an option instead: the one it names (case and spaces aside, or
a prefix such as "Sun"), otherwise one chosen by its length. The field's turn to be "typed" opens
the menu and walks to that option with the arrow keys and `enter` (the form's priority `enter`
must pick, not save, while the menu is open); otherwise the value is set. What the field then
holds is what ``fill`` returns, and what a save must store.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select, Static

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
        if isinstance(form.query_one(f"#{name}"), Select):
            await pick(pilot, form.query_one(f"#{name}", Select), text, keyed=name == keyed)
            continue
        box = form.query_one(f"#{name}", Input)
        box.value = ""
        if name == keyed and typeable(text):
            box.focus()
            await pilot.press(*text)
            FIGURES["fields typed"] += 1
        else:
            box.value = text
            FIGURES["fields assigned"] += 1
    return {name: held(form, name) for name in values}


def held(form: Screen, name: str) -> str:
    """What a field holds: an Input's text, a Select's chosen value."""
    found = form.query_one(f"#{name}")
    if isinstance(found, Select):
        return str(found.value)
    assert isinstance(found, Input)
    return found.value


def option_for(values: list[str], text: str) -> int:
    """The option ``text`` names (case, spaces aside; or a prefix), else one picked by its length."""
    wanted = text.strip().casefold()
    for i, value in enumerate(values):
        if wanted and (value.casefold() == wanted or value.casefold().startswith(wanted)):
            return i
    return len(text) % len(values)


async def pick(pilot: Pilot, select: Select, text: str, keyed: bool) -> None:
    values = [value for _, value in select._options if value is not Select.NULL]
    index = option_for(values, text)
    if not keyed:
        select.value = values[index]
        FIGURES["options set"] += 1
        return
    select.focus()
    await pilot.press("space")  # opens the menu on the current option
    assert select.expanded, "space did not open the menu"
    step = index - values.index(select.value)
    await pilot.press(*(["down"] * step if step > 0 else ["up"] * -step), "enter")
    assert not select.expanded and select.value == values[index], "the menu did not pick the option"
    FIGURES["options picked"] += 1


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
        assert held(form, name) == value, f"the refusal lost what was typed in {name}"
    FIGURES["refused"] += 1
    await pilot.press("escape")
    assert app.screen is not form
    return False
