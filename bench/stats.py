"""Medians, percentiles and the result table."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest rank: the smallest value with at least ``pct`` percent of values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Row:
    figure: str
    value: float
    unit: str  # "ms", "MB" or "s"
    baseline: float | None
    ratio: float | None  # value / baseline (or the speed-up, see ratio_text)
    ratio_text: str
    budget: str
    ok: bool
    judged: bool = True  # False: this run is too small to judge it (``why``); it fails nothing
    why: str = ""

    @property
    def verdict(self) -> str:
        if not self.judged:
            return f"not judged ({self.why})"
        return "pass" if self.ok else "FAIL"

    @property
    def passed(self) -> bool:
        return self.ok or not self.judged


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:.1f} {unit}"


def ratio_row(figure: str, value: float, baseline: float, budget: float, unit: str = "s") -> Row:
    """``value`` must be at most ``budget`` × ``baseline``."""
    ratio = value / baseline
    return Row(figure, value, unit, baseline, ratio, f"{ratio:.2f}×", f"≤ {budget:g}× baseline",
               ratio <= budget)


def speedup_row(figure: str, value: float, baseline: float, budget: float) -> Row:
    """``value`` must be at least ``budget`` times faster than ``baseline``."""
    ratio = baseline / value
    return Row(figure, value, "ms", baseline, ratio, f"{ratio:.1f}× faster",
               f"≥ {budget:g}× faster", ratio >= budget)


def limit_row(figure: str, value: float, limit: float, unit: str, baseline: float | None = None) -> Row:
    """``value`` must be at most ``limit`` (in the row's unit; ms are given in seconds)."""
    ratio = value / baseline if baseline else None
    shown = f"{limit * 1000:g} ms" if unit == "ms" else f"{limit:g} {unit}"
    return Row(figure, value, unit, baseline, ratio, f"{ratio:.2f}×" if ratio else "—",
               f"≤ {shown}", value <= limit)


def table(rows: Sequence[Row]) -> str:
    head = ("figure", "value", "baseline", "ratio", "budget", "verdict")
    cells = [head] + [
        (r.figure, amount(r.value, r.unit), amount(r.baseline, r.unit), r.ratio_text, r.budget,
         r.verdict)
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells[1:]]
    return "\n".join(lines)
