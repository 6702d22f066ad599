"""An ``Input`` that keeps control characters out of its value.

Textual's ``Input`` drops control characters typed at it but keeps them when pasted, and then
draws them: a pasted ``ESC [2J`` would reach the terminal as a raw escape sequence. Every form
field uses this one: spacing controls (tab, newline) become a space, other control characters
and bidi controls (the core's rule, ``without_bidi_controls``) are dropped, whatever way the text
arrives.
"""

from __future__ import annotations

import unicodedata

from textual.widgets import Input

from ..core.goals import without_bidi_controls

SPACING = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def visible_text(text: str) -> str:
    text = without_bidi_controls(text)
    if text.isprintable():
        return text
    return "".join(" " if ch in SPACING else ch for ch in text
                   if ch in SPACING or unicodedata.category(ch) not in ("Cc", "Cs"))


class TextInput(Input):
    def validate_value(self, value: str) -> str:
        return visible_text(value)
