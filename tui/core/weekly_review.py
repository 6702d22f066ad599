"""The weekly review (product.md §3 "Weekly review"): one week's figures, for sharing with a coach.

Pure: it takes the records and returns figures; ``weekly_review_text`` writes them out. A week is
the seven days from its first day (``week_start``); the week holding the as-of day is counted up
to that day only, like a streak's pending period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .clock import week_start_of
from .contacts import Contact, Interaction
from .goals import GoalHistory
from .mood import MoodEntry, Rejection, daily_means
from .progress import progress_label
from .streaks import is_neutral_day, streak, week_target, week_total
from .wins import Win

ONE_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class GoalWeek:
    name: str
    period: str
    done: int  # daily goals: complete days; weekly goals: the week's total
    target: int  # daily goals: the week's active days; weekly: the week's (lowered) target
    full_target: int  # daily: scheduled days in a full week; weekly: the goal's own target
    progress: str  # ``that week 3/4 (5 a week, part week)``, by progress_label
    streak: int  # at the end of the week (or the as-of day)
    change: int  # done minus last week's (up to the same weekday while the week is going)

    @property
    def unit(self) -> str:
        return "week" if self.period == "week" else "day"


@dataclass(frozen=True)
class Networking:
    interactions: int
    new_contacts: list[str]  # names of contacts whose first interaction fell in the week
    due_next_week: list[tuple[date, str]]  # (day, name) of follow-ups due in the next week


@dataclass(frozen=True)
class MoodWeek:
    average: float | None  # mean of the days' means
    previous: float | None  # the week before's
    best_day: tuple[date, float] | None
    days_logged: int

    @property
    def change(self) -> float | None:
        if self.average is None or self.previous is None:
            return None
        return self.average - self.previous


@dataclass(frozen=True)
class Lesson:
    day: date
    company: str
    role: str
    stage: str
    lesson: str


@dataclass(frozen=True)
class WeeklyReview:
    week: date  # its first day
    as_of: date
    goals: list[GoalWeek]
    networking: Networking
    mood: MoodWeek
    wins: list[tuple[date, str]]
    lessons: list[Lesson]
    notes: list[tuple[date, str]] | None = None  # private: only when asked for
    # Applications (sent, stage moves, the week's funnel) plug in here once the pipeline exists:
    # a section object set by the service, written by weekly_review_text when it is not None.
    applications: object | None = field(default=None)

    @property
    def end(self) -> date:
        return self.week + timedelta(days=6)

    @property
    def iso_week(self) -> str:
        """``2026-W49``: the ISO week of the week's Thursday-or-later majority (its 4th day)."""
        year, number, _ = (self.week + timedelta(days=3)).isocalendar()
        return f"{year}-W{number:02d}"

    @property
    def part(self) -> bool:
        """The week is still going (seen from its as-of day)."""
        return self.as_of < self.end


def week_of(day: date, week_start: int = 0) -> date:
    return week_start_of(day, week_start)


def goal_week(history: GoalHistory, week: date, as_of: date, week_start: int = 0) -> GoalWeek:
    goal = history.goal
    done, target, full = _figures(history, week, as_of)
    # a week still going is compared with last week up to the same weekday, not all of it
    last_done, _, _ = _figures(history, week - ONE_WEEK, min(as_of, week) - timedelta(days=1)
                               if as_of >= week + ONE_WEEK else as_of - ONE_WEEK)
    word = "this week" if week <= as_of <= week + timedelta(days=6) else "that week"
    until = min(week + timedelta(days=6), as_of)
    run = 0
    if until >= goal.start:
        at_end = streak(history, until, week_start)
        # seen from later, an unfinished last day (or week) was a miss, not pending
        missed = as_of > until and not at_end.complete and at_end.target > 0
        run = 0 if missed else at_end.current
    return GoalWeek(goal.name, goal.period, done, target, full,
                    progress_label(done, target, full, True, word), run, done - last_done)


def _figures(history: GoalHistory, week: date, as_of: date) -> tuple[int, int, int]:
    """(done, target, full target) of one week; days after ``as_of`` are not counted as done."""
    goal = history.goal
    if goal.is_weekly:
        return week_total(history, week, as_of), week_target(history, week), goal.target
    days = [week + timedelta(days=i) for i in range(7)]
    active = [d for d in days if not is_neutral_day(history, d)]
    done = sum(1 for d in days if d <= as_of and history.counts.get(d, 0) >= goal.target
               and d >= goal.start)
    return done, len(active), len(goal.weekdays)


def networking(week: date, contacts: Sequence[Contact], interactions: Iterable[Interaction],
               next_follow_ups: dict[str, date | None]) -> Networking:
    end = week + ONE_WEEK
    first: dict[str, date] = {}
    count = 0
    for item in interactions:
        if week <= item.day < end:
            count += 1
        if item.contact_id not in first or item.day < first[item.contact_id]:
            first[item.contact_id] = item.day
    names = {c.id: c.name for c in contacts}
    new = sorted((first[cid], names[cid]) for cid in first if cid in names and week <= first[cid] < end)
    due = sorted((day, names[cid]) for cid, day in next_follow_ups.items()
                 if day is not None and cid in names and end <= day < end + ONE_WEEK)
    return Networking(count, [name for _, name in new], due)


def mood_week(week: date, entries: Iterable[MoodEntry], as_of: date) -> MoodWeek:
    means = daily_means(e for e in entries if week - ONE_WEEK <= e.day < week + ONE_WEEK
                        and e.day <= as_of)
    this = {d: m for d, m in means.items() if d >= week}
    before = [m for d, m in means.items() if d < week]
    best = max(this.items(), key=lambda item: (item[1], -item[0].toordinal()), default=None)
    return MoodWeek(
        sum(this.values()) / len(this) if this else None,
        sum(before) / len(before) if before else None,
        best,
        len(this),
    )


def review(
    week: date,
    as_of: date,
    *,
    histories: Iterable[GoalHistory],
    week_start: int = 0,
    entries: Iterable[MoodEntry] = (),
    wins: Iterable[Win] = (),
    rejections: Iterable[Rejection] = (),
    contacts: Sequence[Contact] = (),
    interactions: Iterable[Interaction] = (),
    next_follow_ups: dict[str, date | None] | None = None,
    with_notes: bool = False,
) -> WeeklyReview:
    """The review of the week starting ``week`` (a week's first day), seen from ``as_of``."""
    end = week + ONE_WEEK
    entries = list(entries)
    interactions = list(interactions)
    in_week = [h for h in histories if h.goal.start < end]
    notes = None
    if with_notes:
        names = {c.id: c.name for c in contacts}
        notes = sorted(
            [(e.day, f"mood {e.score}: {e.note}") for e in entries if week <= e.day < end and e.note]
            + [(i.day, f"{i.kind} with {names.get(i.contact_id, '?')}: {i.note}")
               for i in interactions if week <= i.day < end and i.note]
        )
    return WeeklyReview(
        week=week,
        as_of=as_of,
        goals=[goal_week(h, week, as_of, week_start) for h in in_week],
        networking=networking(week, contacts, interactions, next_follow_ups or {}),
        mood=mood_week(week, entries, as_of),
        wins=sorted((w.day, w.title) for w in wins if week <= w.day < end),
        lessons=[Lesson(r.day, r.company, r.role, r.stage, r.lesson.strip())
                 for r in sorted(rejections, key=lambda r: r.day)
                 if week <= r.day < end and r.lesson.strip()],
        notes=notes,
    )
