"""Set the cursor day's count of a goal directly (`c` on Goals): one field, the current count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.errors import InputError
from ..core.goals import Goal
from ..core.wording import day_label
from ..services import checkins as checkin_service
from .field_form import FieldForm

NOT_A_COUNT = "the count is a whole number, 0 or more"


@dataclass(frozen=True)
class CountSet:
    goal: Goal
    day: date
    before: int
    after: int


class CountForm(FieldForm):
    FIELDS = (("count", "Count", "0"),)
    NUMBERS = {"count": NOT_A_COUNT}

    def __init__(self, goal: Goal, day: date, current: int) -> None:
        super().__init__(f"{goal.name} on {day_label(day)}", {"count": str(current)},
                         subtitle=f"now {current} of {goal.target}; 0 clears the day. u undoes it.")
        self.goal, self.day, self.current = goal, day, current

    def submit(self) -> CountSet:
        text = self.value("count").strip()
        if not text.isdecimal():
            raise InputError(NOT_A_COUNT, "count")
        count = int(text)
        if count > checkin_service.MAX_STEP:
            raise InputError(f"the count is at most {checkin_service.MAX_STEP}", "count")
        checkin_service.set_count(self.app.rb, self.goal.id, self.day, count)
        return CountSet(self.goal, self.day, self.current, count)
