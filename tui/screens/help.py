"""The help screen: every binding active where `?` was pressed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
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


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", key_display="esc"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        grouped: dict[str, list[str]] = {}
        for key, active in bindings.items():
            description = active.binding.description
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
                yield Static(Text.assemble((f"{keys:>12}", "bold"), "  ", description), classes="help-row")
            yield Static(NUMBERS, id="help-numbers", markup=False)
            yield Static("esc closes this help", id="help-hint")
