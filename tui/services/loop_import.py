"""Import Loop Habit Tracker's CSV export (a folder or its zip) as goals, check-ins and skips.

Loop writes ``Habits.csv`` (Position, Name, Type, Question, Description, FrequencyNumerator,
FrequencyDenominator, Color, Unit, Target Type, Target Value, Archived?; older versions:
NumRepetitions and Interval instead of the frequency columns, no Type) and, per habit, a folder
``NNN Name/`` with ``Checkmarks.csv`` (Date, Value[, Notes]; older versions without a header).
Values are YES_MANUAL / YES_AUTO / NO / SKIP / UNKNOWN (older: 2 / 1 / 0 / ±3 / -1); numeric
habits store the amount × 1000. YES_AUTO is Loop filling in days its frequency made optional, so
only YES_MANUAL becomes a check-in.

Frequencies: 1 a day becomes a daily goal and N in 7 days a weekly goal of N, whose strength is
Loop's own (same f, same doubled window). Any other (2 in 3 days, 1 in 2 weeks) becomes the closest
weekly goal, N × 7 / D rounded (at least 1), and the import's summary line names each such habit.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..core.errors import InputError
from ..store import repo
from . import checkins as checkin_service
from . import goals as goal_service
from .context import Rebound
from .days import EARLIEST
from .wins import wins_deferred

YES = {"YES_MANUAL", "2"}
SKIP = {"SKIP", "3", "-3"}


@dataclass(frozen=True)
class LoopReport:
    goals: int
    checkins: int
    skips: int
    approximated: tuple[str, ...] = ()  # "Wake up early: 2 in 3 days → 5 a week"


# Years of Loop habits export to a few megabytes; an archive that unpacks to more is refused
# before it can fill the memory (a zip bomb: 389 KB declaring 400 MB).
MAX_UNPACKED = 64 * 1024 * 1024


class _Source:
    """The files of a Loop export, from a folder or a zip (possibly one folder deep)."""

    def __init__(self, path: Path) -> None:
        self.files: dict[str, str] = {}
        try:
            if path.is_dir():
                found = sorted(path.rglob("*.csv"))
                self._check_size(path, sum(p.stat().st_size for p in found))
                for p in found:
                    self.files[p.relative_to(path).as_posix()] = p.read_text("utf-8-sig")
            elif zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as archive:
                    members = [i for i in archive.infolist() if i.filename.lower().endswith(".csv")]
                    self._check_size(path, sum(i.file_size for i in members))
                    budget = MAX_UNPACKED
                    for info in members:  # the declared sizes may lie: stop reading past the cap
                        with archive.open(info) as member:
                            data = member.read(budget + 1)
                        budget -= len(data)
                        self._check_size(path, MAX_UNPACKED - budget)
                        self.files[info.filename] = data.decode("utf-8-sig")
            else:
                raise InputError(f"{path} is not a Loop Habit Tracker export (a folder or a .zip)")
        except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            raise InputError(f"cannot read {path}: {exc}") from None
        habits = [n for n in self.files if n.rsplit("/", 1)[-1] == "Habits.csv"]
        if not habits:
            raise InputError(f"{path} is not a Loop Habit Tracker export: it has no Habits.csv")
        self.root = min(habits, key=len)[: -len("Habits.csv")]

    @staticmethod
    def _check_size(path: Path, size: int) -> None:
        if size > MAX_UNPACKED:
            raise InputError(f"{path} unpacks to more than {MAX_UNPACKED // 2**20} MB of CSV, more than "
                             "a Loop Habit Tracker export holds; nothing was imported")

    def habits(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.files[self.root + "Habits.csv"])))

    def checkmarks(self, position: str) -> list[list[str]]:
        for name, text in self.files.items():
            rest = name[len(self.root):]
            folder, _, base = rest.partition("/")
            if base == "Checkmarks.csv" and (folder == position or folder.startswith(position + " ")):
                rows = [r for r in csv.reader(io.StringIO(text)) if r]
                return rows[1:] if rows and rows[0][0].strip().lower() == "date" else rows
        return []


def _float(text: str | None, default: float) -> float:
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if math.isfinite(value) else default  # "inf", "nan": a cell Loop did not write


def _int(text: str | None, default: int) -> int:
    return int(_float(text, default))


def _plan(row: dict[str, str]) -> tuple[str, int, bool, str]:
    """(period, target, numeric, how it was approximated or "") for a Loop habit."""
    numeric = (row.get("Type") or "YES_NO").strip().upper().startswith("NUM")
    num = max(1, _int(row.get("FrequencyNumerator") or row.get("NumRepetitions"), 1))
    den = max(1, _int(row.get("FrequencyDenominator") or row.get("Interval"), 1))
    if numeric:
        target = max(1, round(_float(row.get("Target Value"), 1)))
        return ("day" if den == 1 else "week"), target, True, ""
    if num >= den:  # Loop itself reads N in N days as once a day
        return "day", 1, False, ""
    if den == 7:
        return "week", num, False, ""
    target = max(1, round(num * 7 / den))
    return "week", target, False, f"{num} in {den} days → {target} a week"


def import_loop(rb: Rebound, path: Path) -> LoopReport:
    source = _Source(Path(path))
    rows = source.habits()
    if not rows or "Name" not in rows[0]:
        raise InputError(f"{path}: Habits.csv has no habits (or no Name column)")
    report = LoopReport(0, 0, 0)
    with rb.change("import from Loop"), wins_deferred(rb):
        for row in rows:
            name = row.get("Name") or ""
            try:
                report = _import_habit(rb, source, row, report)
            except InputError as exc:  # name the habit: the user can find it in Loop
                raise InputError(f"{path}: habit {name[:40]!r}: {exc}; nothing was imported") from None
    return report


def _import_habit(rb: Rebound, source: _Source, row: dict[str, str], report: LoopReport) -> LoopReport:
    period, target, numeric, approximation = _plan(row)
    goal = goal_service.add_goal(rb, row.get("Name") or "", target=target, period=period)
    approximated = report.approximated + ((f"{goal.name}: {approximation}",) if approximation else ())
    checkins = skips = 0
    today = rb.today()
    for cells in source.checkmarks((row.get("Position") or "").strip()):
        try:
            day = date.fromisoformat(cells[0].strip())
        except ValueError:
            raise InputError(f"a bad date {cells[0][:40]!r}") from None
        if day < EARLIEST:
            raise InputError(f"a day before {EARLIEST}: {day}")
        value = cells[1].strip().upper() if len(cells) > 1 else ""
        note = cells[2].strip() if len(cells) > 2 else ""
        if day > today:
            continue
        if value in SKIP:
            checkin_service.set_skip(rb, goal.id, day, True)
            skips += 1
            continue
        amount = round(_int(value, 0) / 1000) if numeric else int(value in YES)
        count = min(amount, checkin_service.MAX_STEP)
        if count > 0:
            try:
                checkin_service.log(rb, goal.id, count, day=day, note=note[:200])
            except InputError as exc:
                raise InputError(f"{day}: {exc}") from None
            checkins += 1
    if (row.get("Archived?") or "").strip().lower() == "true":
        current = goal_service.goal_by_id(rb, goal.id)
        repo.update_goal(rb.store, replace(current, archived=True))
    return LoopReport(report.goals + 1, report.checkins + checkins, report.skips + skips, approximated)
