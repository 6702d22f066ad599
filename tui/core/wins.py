"""A stored win: automatic (earned by a rule) or the user's own, in their words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .clock import instant, week_start_of
from .goals import clean_text

MANUAL = "manual"
MAX_WIN = 200
KIND_LABELS = {
    "manual": "your own",
    "first_checkin": "first check-in",
    "all_done": "all done",
    "milestone": "streak milestone",
    "personal_best": "personal best",
    "weekly_target": "weekly target",
    "followed_up": "followed up on time",
    "reached_out": "reached out this week",
    "bounce_back": "bounced back",
    "reflected": "learned from a rejection",
    "first_application": "first application",
    "interview": "interview",
    "offer": "offer",
    "back_at_it": "back at it",
}


@dataclass(frozen=True, slots=True)
class Win:
    id: str
    kind: str  # a rule name, or "manual"
    title: str
    day: date
    goal_id: str | None = None
    key: str = ""  # (rule, goal, day) for automatic wins; empty for manual ones
    at: str = ""

    @property
    def manual(self) -> bool:
        return self.kind == MANUAL


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def kind_note(win: Win) -> str:
    """The kind to show beside a win's title; empty when the title already says it
    ("Followed up on time: Lena Park" needs no "· followed up on time")."""
    label = kind_label(win.kind)
    return "" if label.casefold() in win.title.casefold() else label


def clean_win_text(text: str) -> str:
    return clean_text(text, what="win", limit=MAX_WIN, required=True, field="title")


def group_by_week(wins: list[Win], week_start: int = 0) -> list[tuple[date, list[Win]]]:
    """Wins newest first, grouped under the first day of their week (newest week first)."""
    groups: dict[date, list[Win]] = {}
    for win in sorted(wins, key=lambda w: (w.day, instant(w.at)), reverse=True):
        groups.setdefault(week_start_of(win.day, week_start), []).append(win)
    return list(groups.items())


def this_week_count(wins: list[Win], today: date, week_start: int = 0) -> int:
    week = week_start_of(today, week_start)
    return sum(1 for w in wins if week <= w.day <= today)
