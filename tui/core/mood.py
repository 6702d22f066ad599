"""Mood entries and rejection reflections (product.md §3 "Mood and rejections"), and their wins."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .clock import instant
from .errors import InputError
from .goals import clean_text
from .victories import EarnedWin

SCORE_LABELS = {1: "rough", 2: "low", 3: "okay", 4: "good", 5: "great"}
SUGGESTED_TAGS = ("rejection", "interview", "networking", "rest", "exercise", "offer")
STAGES = ("application", "screening call", "interview", "final round", "offer")
REJECTION = "rejection"
MAX_TAG, MAX_TAGS, MAX_NOTE, MAX_FIELD, MAX_LESSON = 30, 10, 500, 80, 500
BOUNCE_WINDOW = 3  # days: a good mood this soon after a low one is a bounce-back
LOW, HIGH = 2, 4


@dataclass(frozen=True, slots=True)
class MoodEntry:
    id: str
    day: date
    score: int
    tags: tuple[str, ...] = ()
    note: str = ""
    at: str = ""

    @property
    def label(self) -> str:
        return SCORE_LABELS[self.score]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A reflection on one rejection. ``contact``/``follow_up``: who to ask for feedback, when."""

    id: str
    day: date
    company: str
    role: str = ""
    stage: str = ""
    lesson: str = ""
    mood_id: str | None = None
    contact: str = ""
    contact_id: str | None = None
    follow_up: date | None = None
    at: str = ""
    application_id: str | None = None  # the application it closed, when there is one

    @property
    def ask_feedback(self) -> bool:
        return bool(self.contact)

    @property
    def title(self) -> str:
        return " · ".join(part for part in (self.company, self.role) if part)


def score_label(score: int) -> str:
    return SCORE_LABELS.get(score, "?")


def check_score(score: object) -> int:
    """A score 1–5 (an int, or text such as ``"4"``), or InputError."""
    if isinstance(score, str) and score.strip().lstrip("-").isdecimal():
        score = int(score.strip())
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise InputError(f"mood score must be 1 to 5 (1 rough … 5 great), not {score!r}", "score")
    return score


def parse_tags(text: str | Iterable[str]) -> tuple[str, ...]:
    """Free words, comma- or space-separated, lower-cased, each once, in the order given."""
    parts = re.split(r"[,\s]+", text) if isinstance(text, str) else list(text)
    tags: list[str] = []
    for part in parts:
        tag = clean_text(part, what="tag", limit=MAX_TAG, field="tags").lstrip("#").casefold()
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InputError(f"{len(tags)} tags; the limit is {MAX_TAGS}", "tags")
    return tuple(tags)


def clean_note(text: str) -> str:
    return clean_text(text, what="note", limit=MAX_NOTE, field="note")


def clean_lesson(text: str) -> str:
    return clean_text(text, what="lesson", limit=MAX_LESSON, field="lesson")


def clean_company(text: str) -> str:
    return clean_text(text, what="company", limit=MAX_FIELD, required=True, field="company")


def daily_means(entries: Iterable[MoodEntry]) -> dict[date, float]:
    """A day's mood is the mean of its entries."""
    scores: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        scores[entry.day].append(entry.score)
    return {day: sum(s) / len(s) for day, s in scores.items()}


def newest_first(entries: Iterable[MoodEntry]) -> list[MoodEntry]:
    """Newest first; entries made in the same second keep the later-logged one first."""
    return sorted(reversed(list(entries)), key=lambda e: (e.day, instant(e.at)), reverse=True)


# Wins --------------------------------------------------------------------------------------
def bounce_backs(entries: Iterable[MoodEntry]) -> Iterator[EarnedWin]:
    """A mood ≥ 4 within 3 days after a mood ≤ 2: once per low spell, on the good day."""
    low: date | None = None
    for entry in sorted(entries, key=lambda e: (e.day, instant(e.at))):
        if entry.score <= LOW:
            low = entry.day
        elif entry.score >= HIGH and low is not None:
            if entry.day - low <= timedelta(days=BOUNCE_WINDOW):
                yield EarnedWin("bounce_back", entry.day, "Bounced back: a good day after a hard one")
            low = None


def reflection_win(rejection: Rejection) -> EarnedWin | None:
    """Reflected on a rejection with a lesson written; ``goal_id`` holds the rejection's id."""
    if not rejection.lesson.strip():
        return None
    title = f"Learned from a rejection: {rejection.title}"
    return EarnedWin("reflected", rejection.day, title, rejection.id)
