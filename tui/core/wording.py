"""Sentences said in more than one place (a toast, a CLI line), so they read the same everywhere."""

from __future__ import annotations

from datetime import date

REST_DAY_LINE = "Rest day — enjoy it"


def article(word: str) -> str:
    """``a`` or ``an`` before ``word``, by its first letter's sound (good enough for our words)."""
    return "an" if word[:1].casefold() in "aeio" else "a"


def with_article(word: str) -> str:
    return f"{article(word)} {word}"


def day_label(day: date) -> str:
    """``Sat 5 Dec``: a day short enough for a toast."""
    return f"{day:%a} {day.day} {day:%b}"


def rest_message(day: date, rest: bool) -> str:
    if rest:
        return f"{day_label(day)} is a rest day for every goal — enjoy it"
    return f"{day_label(day)} is no longer a rest day"


def already_rest(day: date, rest: bool) -> str:
    """The answer to a second add, or to an undo of a day that was never a rest day."""
    if rest:
        return f"{day_label(day)} is already a rest day"
    return f"{day_label(day)} is not a rest day: nothing to undo"


def skip_message(goal: str, day: date, skipped: bool) -> str:
    if skipped:
        return f"{goal}: skipped on {day_label(day)}"
    return f"{goal}: skip cleared on {day_label(day)}"


def already_skipped(goal: str, day: date, skipped: bool) -> str:
    if skipped:
        return f"{goal} is already skipped on {day_label(day)}"
    return f"{goal} is not skipped on {day_label(day)}: nothing to undo"
