"""The mood score picker: `1`–`5` pick a score in one key (then focus moves on), ←/→ adjust."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..core.mood import SCORE_LABELS


class ScorePicker(Widget, can_focus=True):
    DEFAULT_CSS = """
    ScorePicker { height: 1; width: auto; }
    ScorePicker:focus { text-style: bold; }
    """
    BINDINGS = [
        *[Binding(str(n), f"pick({n})", f"{n} {label}", show=False) for n, label in SCORE_LABELS.items()],
        Binding("left", "step(-1)", "Lower", show=False),
        Binding("right", "step(1)", "Higher", show=False),
    ]
    COMPONENT_CLASSES = {"score-picker--chosen"}

    score: reactive[int | None] = reactive(None)

    class Picked(Message):
        """A score was picked with a digit key: the form moves on to the tags."""

        def __init__(self, score: int) -> None:
            super().__init__()
            self.score = score

    def __init__(self, score: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(ScorePicker.score, score)

    def render(self) -> Text:
        chosen = self.get_component_rich_style("score-picker--chosen")
        text = Text()
        for n, label in SCORE_LABELS.items():
            text.append(f" {n} {label} ", chosen if n == self.score else "")
            text.append(" ")
        return text

    def action_pick(self, score: int) -> None:
        self.score = score
        self.post_message(self.Picked(score))

    def action_step(self, step: int) -> None:
        self.score = max(1, min(5, (self.score or 3) + step))
