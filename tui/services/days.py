"""Turning what a user types into a day: ``YYYY-MM-DD``, ``today`` or ``yesterday``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..core.errors import InputError

EARLIEST = date(2000, 1, 1)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str | None, today: date, *, allow_future: bool = False) -> date:
    if text is None:
        return today
    word = text.strip().lower()
    if word in ("", "today"):
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if not ISO_DAY.fullmatch(word):
        raise InputError(f"{text.strip()!r} is not a day: use YYYY-MM-DD, today or yesterday")
    import arrow  # only a typed date needs the parser (status and log stay quick to start)

    try:
        day = arrow.get(word, "YYYY-MM-DD").date()
    except (ValueError, arrow.parser.ParserError):
        raise InputError(f"{word} is not a real date") from None
    if day > today and not allow_future:
        raise InputError(f"{word} is in the future; today is {today.isoformat()}")
    if day < EARLIEST:
        raise InputError(f"{word} is too far in the past (the earliest is {EARLIEST.isoformat()})")
    return day
