"""Loop Habit Tracker's score loop (uhabits-core ScoreList.recompute), written out plainly as the
reference Rebound's tui/core/score.py is tested against, and Loop's csv_export test data."""

from __future__ import annotations

import math

# Loop's csv_export: "002 Wake up early", 2 times in 3 days.
# Checkmarks.csv, oldest first (M = YES_MANUAL, A = YES_AUTO, N = NO) and Scores.csv.
WAKE_UP_EARLY = "M M A A M M M A N M".split()
WAKE_UP_SCORES = [0.0107, 0.0315, 0.0515, 0.0706, 0.0995, 0.1379, 0.1746, 0.1991, 0.2226, 0.2557]


def loop_scores(entries: list[tuple[int, bool]], numerator: int, denominator: int,
                target: int | None = None) -> list[float]:
    """Loop's loop over (count, skip) days, oldest first; the score at the end of each day.
    Without ``target`` a yes/no habit of ``numerator`` in ``denominator`` days; with it, Loop's
    numerical branch (a daily goal of ``target``: no doubling, p = min(1, sum / target))."""
    freq = numerator / denominator
    if target is None and freq < 1:
        numerator, denominator = numerator * 2, denominator * 2
    if target is not None:
        numerator = target
    m = 0.5 ** (math.sqrt(freq) / 13)
    score, rolling, out = 0.0, 0, []
    for i, (count, skip) in enumerate(entries):
        rolling += count
        if i - denominator >= 0:
            rolling -= entries[i - denominator][0]
        if not skip:
            score = score * m + min(1.0, rolling / numerator) * (1 - m)
        out.append(score)
    return out
