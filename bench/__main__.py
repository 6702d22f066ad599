"""The benchmark of product.md §6: one table of figure, baseline, ratio, budget and verdict."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date

from . import suite
from .stats import amount, table

GROWTH_YEARS = (1, 5, 10)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1 year and fewer runs (under a minute)")
    parser.add_argument("--years", type=int, help="years of generated history (default 5; quick: 1)")
    parser.add_argument("--growth", action="store_true", help="run at 1, 5 and 10 years")
    parser.add_argument("--seed", type=int, default=1800, help="generator seed (default 1800)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data folders")
    return parser.parse_args(argv)


def bytecode() -> None:
    """Compile Rebound's modules as `pip install` does: with PYTHONDONTWRITEBYTECODE set (as on
    some machines) every start would otherwise compile them from source, while the baselines'
    libraries come compiled from their install."""
    import compileall

    for package in ("tui", "bench"):
        compileall.compile_dir(suite.terminal.ROOT / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = suite.Runs.quick_runs() if args.quick else suite.Runs.full()
    sizes = GROWTH_YEARS if args.growth else (args.years or (1 if args.quick else 5),)
    print(f"Rebound benchmark · {date.today().isoformat()} · nproc {cores()} · "
          f"python -m bench {' '.join(sys.argv[1:])}".rstrip(), flush=True)
    bytecode()
    started, before = time.perf_counter(), load()
    results = []
    for years in sizes:
        print(f"\n{years} year{'s' if years != 1 else ''} of data:", flush=True)
        result = suite.run(years, runs, args.seed, keep=args.keep)
        results.append(result)
        print()
        print(table(result.rows))
        for note in result.notes:
            print(f"- {note}")
    if len(results) > 1:
        print("\nGrowth:\n")
        print(growth_table(results))
    print(f"\n({time.perf_counter() - started:.0f} s; load average before {before}, after {load()}: "
          "other busy processes on this machine skew the absolute figures)")
    return 0 if all(row.passed for r in results for row in r.rows) else 1


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cores() -> int:
    """What `nproc` prints: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def growth_table(results: list[suite.Result]) -> str:
    """Every figure at every size (ratio to its baseline in brackets) and how much it grew."""
    first, last = results[0], results[-1]
    head = ["figure", *(f"{r.years} y" for r in results), f"{last.years} y ÷ {first.years} y"]
    lines = []
    for label, key in (("data: check-ins", "checkins"), ("data: wins", "wins")):
        values = [r.counts.get(key, 0) for r in results]
        lines.append([label, *map(str, values), f"{values[-1] / max(values[0], 1):.2f}×"])
    sizes = [r.size_mb for r in results]
    lines.append(["data: MB on disk", *(f"{v:.1f}" for v in sizes), f"{sizes[-1] / sizes[0]:.2f}×"])
    figures = list(dict.fromkeys(row.figure for r in results for row in r.rows))
    for figure in figures:  # by name: a screen added between sizes gets "—" where it was missing
        same = [next((x for x in r.rows if x.figure == figure), None) for r in results]
        cells = [
            "—" if x is None else amount(x.value, x.unit)
            + (f" ({x.ratio_text})" if x.baseline else "") + ("" if x.passed else " FAIL")
            for x in same
        ]
        ends = same[0], same[-1]
        grew = f"{ends[1].value / ends[0].value:.2f}×" if ends[0] and ends[1] else "—"
        lines.append([figure, *cells, grew])
    widths = [max(len(c[j]) for c in [head, *lines]) for j in range(len(head))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
