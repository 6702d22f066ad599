"""``python -m bench [--quick] [--years N] [--growth] [--seed S] [--keep]``"""

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


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = suite.Runs.quick() if args.quick else suite.Runs.full()
    sizes = GROWTH_YEARS if args.growth else (args.years or (1 if args.quick else 5),)
    print(f"Rebound benchmark · {date.today().isoformat()} · nproc {os.cpu_count()} · "
          f"python -m bench {' '.join(sys.argv[1:])}".rstrip(), flush=True)
    started = time.perf_counter()
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
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0 if all(row.ok for r in results for row in r.rows) else 1


def growth_table(results: list[suite.Result]) -> str:
    head = ["figure", *(f"{r.years} y" for r in results), f"{results[-1].years} y ÷ {results[0].years} y"]
    lines = []
    for i, row in enumerate(results[0].rows):
        same = [r.rows[i] for r in results]
        cells = [f"{amount(x.value, x.unit)}{'' if x.ok else ' FAIL'}" for x in same]
        lines.append([row.figure, *cells, f"{same[-1].value / same[0].value:.2f}×"])
    widths = [max(len(str(c[j])) for c in [head, *lines]) for j in range(len(head))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
