"""Today's one line of encouragement, chosen by context in our own words: never random noise."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DayContext:
    goals: int
    complete: int
    at_risk: int
    best_current_streak: int
    rest_day: bool
    rejection: bool = False  # a rejection was logged today or in the two days before
    lesson_written: bool = False  # ... and its lesson is written down


def encouragement(ctx: DayContext) -> str:
    if ctx.rejection and ctx.lesson_written:
        return ("A no is about one role on one day, not about you. The lesson is written down; "
                "now one small next step.")
    if ctx.rejection:
        return ("That rejection is not a verdict on you. When you are ready, write one thing to "
                "learn from it (Mood, 4), then take one small step.")
    if ctx.rest_day:
        return "Rest day. Rest is part of the plan: you come back sharper tomorrow."
    if ctx.goals == 0:
        return "Start small: add one goal you can do even on a hard day (press a)."
    if ctx.complete == ctx.goals:
        return "Everything done for today. That is a win — go do something you enjoy."
    if ctx.at_risk:
        streak = ctx.best_current_streak
        return f"A {streak}-day run is waiting on you today. One small step keeps it alive."
    if ctx.best_current_streak >= 3:
        return f"{ctx.best_current_streak} in a row. Consistency beats intensity."
    if ctx.complete:
        return "Good start. Each small step counts, whatever the inbox says."
    return "One small, doable step today is enough. Pick the easiest goal first."
