"""The funnel as the Applications screen shows it: counts per stage, the conversion to the next,
the response rate and the wait for a first reply; "–" where a figure rests on fewer than 5."""

from __future__ import annotations

from rich.text import Text

from ..core.applications import MIN_BASE, OPEN_STAGES, Funnel

NONE = "–"


def percent(value: float | None) -> str:
    return NONE if value is None else f"{round(value * 100)}%"


def window_words(days: int | None) -> str:
    return "all time" if days is None else f"{days} days"


def funnel_text(figures: Funnel, days: int | None) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(f"Funnel · {window_words(days)} · {figures.total} sent", "bold")
    for stage in OPEN_STAGES:
        out.append(f"\n{stage:<10}{figures.reached[stage]:>5}")
        if stage in figures.conversions:
            out.append(f"  → {percent(figures.conversions[stage])}", "dim")
    wait = NONE if figures.median_days is None else f"{figures.median_days:g} days"
    out.append(f"\nreplies {percent(figures.response_rate)} · first reply {wait}")
    out.append(f"\n{NONE} under {MIN_BASE} to go on · t 30/90/all", "dim")
    for source, part in figures.by_source.items():
        out.append(f"\n{source:<13}{part.total:>4} · replies {percent(part.response_rate)}", "dim")
    return out
