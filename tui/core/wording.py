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


def period_label(start: date, end: date) -> str:
    """``Sat 5 Dec – Mon 7 Dec``; one day reads as that day."""
    return day_label(start) if start == end else f"{day_label(start)} – {day_label(end)}"


def rest_period_message(start: date, end: date, rest: bool, changed: int) -> str:
    days = f"{changed} day{'s' if changed != 1 else ''}"
    if rest:
        return f"{period_label(start, end)}: {days} of rest for every goal — enjoy them"
    return f"{period_label(start, end)}: {days} no longer rest days"


def already_rest_period(start: date, end: date, rest: bool) -> str:
    """The answer when no day of the period changes: all already rest days, or none to clear."""
    if rest:
        return f"{period_label(start, end)} are already rest days"
    return f"no rest day from {day_label(start)} to {day_label(end)}: nothing to undo"
