"""What goes with a good day, from the data: mood on days all goals were met, and by tag."""

from __future__ import annotations

from datetime import date

from ..core.mood_stats import Comparison, compare, tag_comparisons
from ..core.victories import all_done_wins
from ..store import mood as mood_repo
from .context import Rebound
from .history import histories


def insights(rb: Rebound, means: dict[date, float]) -> list[Comparison]:
    """Only the comparisons with enough days on both sides and a difference worth showing
    (``core.mood_stats.MIN_DAYS``, ``MIN_DIFFERENCE``)."""
    if not means:
        return []
    today = rb.today()
    met = {w.day for w in all_done_wins(histories(rb), means.keys(), today)}
    found = [compare(means, met, "you met all your goals")]
    result = [c for c in found if c is not None]
    return result + tag_comparisons(mood_repo.entries(rb.store), means)
