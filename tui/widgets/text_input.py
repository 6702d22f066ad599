"""An ``Input`` that keeps control characters out of its value.

Textual's ``Input`` drops control characters typed at it but keeps them when pasted, and then
draws them: a pasted ``ESC [2J`` would reach the terminal as a raw escape sequence. Every form
field uses this one: spacing controls (tab, newline) become a space, other control characters
and bidi controls (the core's rule, ``without_bidi_controls``) are dropped, whatever way the text
arrives.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input

from ..core.goals import without_bidi_controls

SPACING = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def visible_text(text: str) -> str:
    text = without_bidi_controls(text)
    if text.isprintable():
        return text
    return "".join(" " if ch in SPACING else ch for ch in text
                   if ch in SPACING or unicodedata.category(ch) not in ("Cc", "Cs"))


# Editing keys taken in the order they arrive. As bindings they ran only once the key had come
# back up to the app, after the printable keys typed behind it: a quick "backspace, 2" (or a
# paste of keys) left the field empty, the 2 typed and then deleted.
IN_ORDER = {"backspace": "delete_left", "delete": "delete_right", "left": "cursor_left",
            "right": "cursor_right", "home": "home", "end": "end"}


class TextInput(Input):
    def validate_value(self, value: str) -> str:
        return visible_text(value)

    def on_key(self, event: events.Key) -> None:
        action = IN_ORDER.get(event.key)
        if action is None:
            return  # Input's own handling: printable keys are typed in order already
        event.stop()
        event.prevent_default()
        getattr(self, f"action_{action}")()
