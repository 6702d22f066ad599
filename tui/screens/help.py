"""The help screen: every binding active where `?` was pressed.

A binding's ``tooltip``, when set, is its line here: the key bar's short "Mood" is the Mood
screen for `4` and logging a mood for `m`, and here they must read apart. Each line is a key
column and a description column, so a long description wraps under itself, not under the keys.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# What the numbers mean (product.md §3): the rules a user cannot see from the keys.
NUMBERS = (
    "Strength is Loop Habit Tracker's habit-strength score: every counted day moves it towards "
    "that day's share of the target; rest days and skips leave it alone. A weekly goal's share "
    "is its last 14 days against twice the target, so its strength can still rise on a day "
    "without a check-in while those days hold earlier ones. A part week (its first, or one with "
    "rest days or skips) asks less: \"this week 0/1 (2 a week, part week)\"."
)

EXTRA = [
    ("ctrl+p", "Command palette: every action, and the theme"),
    ("esc", "Close a form or this help without saving"),
]


def is_ours(active: ActiveBinding) -> bool:
    """Bindings Rebound declares, not the scrolling keys that Textual's widgets bring along."""
    if not type(active.node).__module__.startswith("tui."):
        return False
    own = type(active.node).__dict__.get("BINDINGS", [])
    actions = {b.action if isinstance(b, Binding) else b[1] for b in own}
    return active.binding.action in actions


def help_text(active: ActiveBinding) -> str:
    """The binding's tooltip when it is one of ours with that very key, else its description
    (Textual's own `ctrl+q` for quit keeps "Quit", beside our `q`)."""
    for own in type(active.node).__dict__.get("BINDINGS", []):
        if isinstance(own, Binding) and own.action == active.binding.action and own.tooltip \
                and active.binding.key in own.key.split(","):
            return own.tooltip
    return active.binding.description


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", key_display="esc"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        grouped: dict[str, list[str]] = {}
        for key, active in bindings.items():
            description = help_text(active)
            if not description or not is_ours(active):
                continue
            display = active.binding.key_display or key
            keys = grouped.setdefault(description, [])
            if display not in keys:
                keys.append(display)
        self.rows = [(" ".join(keys), description) for description, keys in grouped.items()]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title")
            for keys, description in [*self.rows, *EXTRA]:
                yield Horizontal(
                    Static(Text(keys), classes="help-keys"),
                    Static(Text(description), classes="help-row"),
                    classes="help-line",
                )
            yield Static(NUMBERS, id="help-numbers", markup=False)
            yield Static("esc closes this help", id="help-hint")
