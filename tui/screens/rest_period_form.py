"""A rest period from the Goals screen (`R`): every day from one day to another, possibly ahead,
becomes a rest day for every goal, in one change that `u` undoes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.errors import InputError
from ..services import checkins as checkin_service
from ..services.days import parse_day
from .field_form import FieldForm


@dataclass(frozen=True)
class RestPeriod:
    start: date
    end: date
    changed: int  # days that became rest days (0: all already were)


class RestPeriodForm(FieldForm):
    FIELDS = (
        ("from", "First day (YYYY-MM-DD, today or yesterday)", "today"),
        ("to", "Last day (a planned break may lie ahead)", "YYYY-MM-DD"),
        ("reason", "Reason (optional)", "e.g. holiday, flu, moving house"),
    )

    def __init__(self, day: date) -> None:
        super().__init__("Rest period for every goal", {"from": day.isoformat(), "to": day.isoformat()},
                         subtitle="Those days neither extend nor break a streak. u undoes it.")

    def _day(self, name: str) -> date:
        try:
            return parse_day(self.value(name), self.app.rb.today(), allow_future=True)
        except InputError as exc:
            raise InputError(str(exc), name) from None

    def submit(self) -> RestPeriod:
        start, end = self._day("from"), self._day("to")
        try:
            changed = checkin_service.set_rest_period(self.app.rb, start, end, reason=self.value("reason"))
        except InputError as exc:
            raise InputError(str(exc), exc.field or "to") from None
        return RestPeriod(start, end, len(changed))
