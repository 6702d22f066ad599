"""One run of every measurement on one generated data set."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import peer, plain, processes, terminal
from .bare_app import MARKER
from .stats import Row, limit_row, median, percentile, ratio_row, speedup_row

if TYPE_CHECKING:
    from tui.services import Rebound


@dataclass(frozen=True)
class Runs:
    starts: int  # fresh processes of each app, interleaved
    statuses: int  # `status --json` and the import baseline, interleaved
    plain_ticks: int
    ticks: int
    rounds: int  # visits of every screen
    visits: int  # fresh processes whose first visit of every screen is timed (and the bare app's)
    syncs: int  # days synced on both sides (and pulled and pushed with plain git)
    quick: bool = False

    @classmethod
    def full(cls) -> Runs:
        return cls(starts=7, statuses=15, plain_ticks=30, ticks=200, rounds=6, visits=5, syncs=3)

    @classmethod
    def quick_runs(cls) -> Runs:
        return cls(starts=3, statuses=5, plain_ticks=5, ticks=40, rounds=2, visits=1, syncs=1,
                   quick=True)

    def cannot_judge(self, years: int) -> dict[str, str]:
        """The rows a run this small cannot judge, and why (their verdict says so; they do not
        fail the run)."""
        if not self.quick:
            return {}
        why = {
            "p99": f"a p99 of {self.ticks} ticks is their second-largest",
            "first visit": "one sample per screen",
            "settled": f"{self.starts} samples",
            "dooit": f"{self.starts} samples",
            "later switches": f"{self.rounds - 1} sample per screen",
            "sync": f"{self.syncs} sample",
        }
        if years < 5:
            why["plain TinyDB"] = "the budget is set on five years; one year of plain TinyDB is small"
        return why


@dataclass
class Result:
    years: int
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # what the generator wrote
    size_mb: float = 0.0


def say(text: str) -> None:
    print(f"  · {text}", flush=True)


def run(years: int, runs: Runs, seed: int, keep: bool = False) -> Result:
    root = Path(tempfile.mkdtemp(prefix=f"rebound-bench-{years}y-"))
    try:
        return _run(root, years, runs, seed)
    finally:
        if keep:
            print(f"  data kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def _counted_goal_wins(rb: Rebound) -> int:
    """The wins of the goals that count interactions (written after the goals' own): what the
    app awards as each interaction is logged, so the data is what the app would have made."""
    from tui.core.counting import is_counted
    from tui.services.wins import every_day, reconcile
    from tui.store import repo

    counted = [g.id for g in repo.goals(rb.store) if is_counted(g.counts)]
    with rb.change("counted goals' wins"):
        awarded = reconcile(rb, counted, every_day(rb))
    rb.history.clear()
    rb.earned.clear()
    return len(awarded)


def _run(root: Path, years: int, runs: Runs, seed: int) -> Result:
    from tui.demo import generate_history
    from tui.demo.contacts import generate_contacts
    from tui.services import Rebound

    data, home = root / "data", root / "home"
    home.mkdir(parents=True)
    rb = Rebound.open(data)
    started = time.perf_counter()
    counts = generate_history(rb, years=years, seed=seed)
    # product.md §6: 800 contacts with 8,000 interactions over five years; scaled with the years.
    counts |= generate_contacts(rb, contacts=160 * years, interactions=1600 * years, years=years,
                                seed=seed)
    counts["counted_goal_wins"] = _counted_goal_wins(rb)
    generated = time.perf_counter() - started
    size_mb = sum(p.stat().st_size for p in data.glob("*.json")) / 1e6
    say(f"generated {years} y of data in {generated:.2f} s")
    notes = [
        f"data set: {years} year{'s' if years != 1 else ''}, seed {seed}: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + f"; {size_mb:.1f} MB in {len(list(data.glob('[!.]*.json')))} files; generated in "
        f"{generated:.2f} s",
    ]
    env = terminal.environment(home)
    product, bare = _starts(data, rb.today().strftime("%A %d %B %Y"), env, runs.starts)
    peer, peer_note = _peer(root, env, runs.starts)
    measured, bare_modes = _in_process(root, data, env, runs)
    visits, bare_visits = _first_visits(root, data, env, runs.visits)
    plain_times, plain_note = _plain_tinydb(root, data, runs.plain_ticks)
    status, imports = _statuses(data, env, runs.statuses)
    prompt, bare_python = _statuses(data, env, runs.statuses, processes.prompt_args(data),
                                    processes.PASS, "prompt")
    sync, sync_note = _sync(root, data, runs.syncs)

    tick = median(measured["key_to_write"])
    first = median([s.seconds for s in product])
    settled = [s.settled for s in product if s.settled is not None]
    bare_settled = [s.settled for s in bare if s.settled is not None]
    rows = [
        ratio_row(f"start to first frame (median of {runs.starts})", first,
                  median([s.seconds for s in bare]), 1.25),
        ratio_row(f"start to a settled Today, {terminal.QUIET:g} s quiet (median of "
                  f"{len(settled)})", median(settled), median(bare_settled), 1.5),
        *([ratio_row(f"first frame vs dooit, empty (median of {runs.starts})", first,
                     median([s.seconds for s in peer]), 0.6)] if peer else []),
        limit_row(f"tick: key → durable write, median of {runs.ticks}", tick, 0.016, "ms"),
        limit_row(f"tick: key → durable write, p99 of {runs.ticks}",
                  percentile(measured["key_to_write"], 99), 0.050, "ms"),
        speedup_row(f"tick vs plain TinyDB insert (median of {runs.plain_ticks})", tick,
                    median(plain_times), 10),
        ratio_row(f"status --json wall time (median of {runs.statuses})", median(status),
                  median(imports), 2.5),
        ratio_row(f"prompt wall time vs python -c pass (median of {runs.statuses})",
                  median(prompt), median(bare_python), 1.5),
        ratio_row("peak resident memory, started and idle (median)", median([s.rss_mb for s in product]),
                  median([s.rss_mb for s in bare]), 2, "MB"),
        *_switch_rows(visits, bare_visits, measured["switches"], bare_modes),
        *([sync] if sync else []),
    ]
    rows = [unjudged(row, runs.cannot_judge(years)) for row in rows]
    notes += [
        f"tick inside toggle_tick only: median {median(measured['service']) * 1000:.1f} ms, "
        f"p99 {percentile(measured['service'], 99) * 1000:.1f} ms; "
        + gc_note(measured["tick_gc"], "ticks"),
        plain_note,
        peer_note,
        sync_note,
        f"settled: Rebound drew its last chunk {(median(settled) - first) * 1000:.0f} ms after "
        f"its first frame (bare app: "
        f"{(median(bare_settled) - median([s.seconds for s in bare])) * 1000:.0f} ms); through "
        f"Pilot the app works {measured['settle'] * 1000:.0f} ms after its first frame before "
        f"it is idle (bare app: {measured['bare_settle'] * 1000:.0f} ms)",
        f"first visits: {runs.visits} fresh process{'es' if runs.visits != 1 else ''} of each "
        "app, each visiting every screen once after the app is idle; medians per screen against "
        "the median of the bare app's first switches (three Header/Static/Footer modes). Today "
        "is mounted at start, so its first time is a resume",
        "later switches: one process, " + ", ".join(
            f"{m} worst {max(t[1:]) * 1000:.1f} ms" for m, t in measured["switches"].items()
            if len(t) > 1)
        + "; " + gc_note([t for ts in measured["switch_gc"].values() for t in ts], "switches"),
    ]
    return Result(years, rows, notes, counts, size_mb)


def _starts(data: Path, date_text: str, env: dict[str, str], runs: int,
            ) -> tuple[list[terminal.Start], list[terminal.Start]]:
    """Fresh processes in a pty, Rebound and the bare app interleaved, after a warm-up of each."""
    product_args = ["-m", "tui", "--data-dir", str(data)]
    bare_args = ["-m", "bench.bare_app"]
    terminal.first_frame(bare_args, MARKER, env)
    terminal.first_frame(product_args, date_text, env)
    bare: list[terminal.Start] = []
    product: list[terminal.Start] = []
    for i in range(runs):
        pair = [(bare, bare_args, MARKER), (product, product_args, date_text)]
        for into, args, marker in pair if i % 2 == 0 else pair[::-1]:
            into.append(terminal.first_frame(args, marker, env, settle=True))
    say(f"start: {runs} runs each")
    return product, bare


def _peer(root: Path, env: dict[str, str], runs: int) -> tuple[list[terminal.Start], str]:
    """dooit started empty in the same harness (its own virtual environment and home)."""
    script, how = peer.program()
    if script is None:
        say(how)
        return [], f"peer not measured: {how}"
    peer_env = peer.environment(env, root / "peer-home")
    terminal.first_frame([], peer.MARKER, peer_env, program=str(script))  # warm-up, makes its db
    starts = [terminal.first_frame([], peer.MARKER, peer_env, program=str(script))
              for _ in range(runs)]
    say(f"peer: dooit started {runs} times")
    return starts, f"peer: {how}; started empty; its median first frame " \
                   f"{median([s.seconds for s in starts]):.3f} s"


def _sync(root: Path, data: Path, runs: int) -> tuple[Row | None, str]:
    """`rebound sync` of a day on both sides against plain git (bench/sync_row.py)."""
    from . import sync_row

    if shutil.which("git") is None:
        return None, "sync not measured: git is not on PATH"
    found = sync_row.row(data, root / "sync-work", runs)
    say(f"sync: {runs} day{'s' if runs != 1 else ''} on both sides")
    return found, (f"sync: a day's changes on both sides (two goals ticked, a mood, an "
                   f"interaction), `rebound sync` on A then B against `git pull` + `git push` of "
                   f"the same files on two plain clones; median of {runs}")


def _first_visits(root: Path, data: Path, env: dict[str, str], runs: int,
                  ) -> tuple[dict[str, list[float]], list[float]]:
    """First visits of every screen, one per fresh process, Rebound and the bare app
    interleaved; per screen the times, and every bare first switch."""
    copy = root / "visit-data"
    shutil.copytree(data, copy)
    visits: dict[str, list[float]] = {}
    bare: list[float] = []
    for i in range(runs):
        pair = ["product", "bare"] if i % 2 == 0 else ["bare", "product"]
        for which in pair:
            if which == "bare":
                found = fresh_process(["bench.inprocess", "--bare", "1"], env)["switches"]
                bare += [times[0] for times in found.values()]
            else:
                found = fresh_process(["bench.inprocess", str(copy), "0", "1"], env)["switches"]
                for mode, times in found.items():
                    visits.setdefault(mode, []).append(times[0])
    say(f"first visits: {runs} fresh processes each")
    return visits, bare


def _in_process(root: Path, data: Path, env: dict[str, str], runs: Runs,
                ) -> tuple[dict[str, Any], dict[str, list[float]]]:
    """Ticks and screen switches, on a copy (the ticks add check-ins), then the bare switches."""
    copy = root / "pilot-data"
    shutil.copytree(data, copy)
    measured = fresh_process(["bench.inprocess", str(copy), str(runs.ticks), str(runs.rounds)], env)
    bare = fresh_process(["bench.inprocess", "--bare", str(runs.rounds)], env)
    measured["bare_settle"], bare_modes = bare["settle"], bare["switches"]
    say(f"in process: {runs.ticks} ticks, {runs.rounds} visits of every screen")
    return measured, bare_modes


def _plain_tinydb(root: Path, data: Path, runs: int) -> tuple[list[float], str]:
    """The same data in one default-JSONStorage file; one check-in insert per tick."""
    one_file = root / "plain-tinydb.json"
    tables = plain.build(data, one_file)
    times = plain.tick_times(one_file, orjson_goals(data)[0], runs)
    say(f"plain TinyDB: {runs} inserts into {sum(tables.values())} docs")
    return times, f"plain TinyDB file: {one_file.stat().st_size / 1e6:.1f} MB, tables {tables}"


def _statuses(data: Path, env: dict[str, str], runs: int, command: list[str] | None = None,
              baseline: list[str] | None = None, what: str = "status --json",
              ) -> tuple[list[float], list[float]]:
    """`rebound status --json` (or ``command``) and importing tinydb and arrow (or ``baseline``),
    interleaved, after warm-ups."""
    status_args = command or processes.status_args(data)
    base_args = baseline or processes.BASELINE
    processes.wall_time(base_args, env)
    processes.wall_time(status_args, env)
    status: list[float] = []
    imports: list[float] = []
    for i in range(runs):
        pair = [(imports, base_args), (status, status_args)]
        for into, args in pair if i % 2 == 0 else pair[::-1]:
            into.append(processes.wall_time(args, env))
    say(f"{what}: {runs} runs each")
    return status, imports


def _switch_rows(visits: dict[str, list[float]], bare_visits: list[float],
                 switches: dict[str, list[float]], bare: dict[str, list[float]]) -> list[Row]:
    """Per screen: its first visit (median over fresh processes) against the bare app's first
    switch, and its later switches (median) against the bare app's later ones."""
    cold_base = median(bare_visits)
    warm_base = median([t for times in bare.values() for t in times[1:]] or [cold_base])
    rows = []
    for mode, times in visits.items():
        rows.append(ratio_row(f"{mode}: first visit (median of {len(times)})", median(times),
                              cold_base, 2, "ms"))
    for mode, times in switches.items():
        if len(times) > 1:
            rows.append(ratio_row(f"{mode}: later switches (median of {len(times) - 1})",
                                  median(times[1:]), warm_base, 1.5, "ms"))
    return rows


def unjudged(row: Row, why: dict[str, str]) -> Row:
    """``row`` marked as not judged when its figure names a row of ``why``."""
    reason = next((text for key, text in why.items() if key in row.figure), None)
    return row if reason is None else replace(row, judged=False, why=reason)


def gc_note(pauses: list[float], what: str) -> str:
    """How many of ``what`` a full garbage collection ran inside, and for how long."""
    hit = [p for p in pauses if p > 0]
    if not hit:
        return f"no full garbage collection ran inside any of the {len(pauses)} {what}"
    return (f"a full garbage collection ran inside {len(hit)} of {len(pauses)} {what} "
            f"(median {median(hit) * 1000:.0f} ms, longest {max(hit) * 1000:.0f} ms)")


def fresh_process(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", *args], env=env, cwd=terminal.ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"python -m {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def orjson_goals(data: Path) -> list[str]:
    import orjson

    goals = orjson.loads((data / "rebound.json").read_bytes()).get("goals", {})
    return [doc["id"] for doc in goals.values()]
