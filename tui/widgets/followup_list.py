"""Today's follow-ups: contacts due today or overdue, each with its last note."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # imported when first shown, a frame after Today's goals
    from ..services.contacts import ContactView


def followup_line(view: ContactView, today: date, style: object = "") -> Text:
    from ..core.contacts import Urgency, humanize_days

    overdue = view.urgency is Urgency.OVERDUE
    assert view.next is not None
    when = f"overdue since {view.next:%a %d %b}" if overdue else "due today"
    line = Text.assemble(
        ("! " if overdue else "• ", "bold"),
        (view.contact.name, "bold"),
        (f"  {when}", style),  # type: ignore[arg-type]
        (f" · last {humanize_days(view.last_day, today)}", "dim"),
    )
    note = view.last.note if view.last else ""
    if note:
        line.append(f" · “{note}”", "italic")
    line.truncate(160, overflow="ellipsis")
    return line


class FollowUpList(OptionList):
    """Highlight one and press `l` on Today to log the interaction that clears it. Lists the
    views it is given (Today's first few: ``services.today_view``), then how many more are due."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"followup-list--due", "followup-list--overdue"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views: list[ContactView] = []

    def show(self, views: list[ContactView], due: int, today: date) -> None:
        """``views``: the first of the ``due`` contacts due today or overdue."""
        from ..core.contacts import Urgency

        highlighted = self.highlighted
        self.views = views
        styles = {
            urgency: self.get_component_rich_style(f"followup-list--{urgency.name.lower()}", partial=True)
            for urgency in (Urgency.DUE, Urgency.OVERDUE)
        }
        options = [Option(followup_line(v, today, styles.get(v.urgency, "")), id=v.contact.id)
                   for v in views]
        if due > len(views):
            options.append(Option(Text(f"… and {due - len(views)} more due: Contacts (3) lists "
                                       "every one", "dim"), disabled=True))
        self.set_options(options)
        if views:
            self.highlighted = min(highlighted or 0, len(views) - 1)

    def selected(self) -> ContactView | None:
        if not self.views:
            return None
        return self.views[min(self.highlighted or 0, len(self.views) - 1)]
