"""`rebound prompt`: one short line for a shell prompt or a tmux status line.

It runs before every prompt, so it imports nothing beyond the standard library and reads one small
file, ``.prompt``, that every change rewrites (``services/prompt_state``). The file holds the
figures of its logical day and the few facts that carry them to a later day without a change: each
goal's schedule and the run it keeps if its period closes as it stands, the planned rest days, and
every contact's next follow-up day, and the identity of the data files it was computed from. A
missing or broken state, or data changed since by anything but Rebound, prints nothing: a prompt
never spams, and never shows a stale line.

Not JSON: ``json`` brings ``re``, and ``pathlib`` and ``string`` more; together they would double
the start-up of a command whose budget is 1.5 × ``python -c pass`` (product.md §6). The file is a
few lines of words (``dumps``/``loads``).
"""

import math
import os
import sys
from datetime import date, datetime, timedelta

STATE = ".prompt"
VERSION = 1
FIELDS = ("left", "at_risk", "due", "mood")
USAGE = "usage: rebound [--data-dir DIR] prompt [--format TEMPLATE]   fields: {left} {at_risk} {due} {mood}"
ONE_DAY = timedelta(days=1)


def data_dir(explicit: str | None) -> str:
    """What ``tui.paths.data_dir`` answers, without importing platformdirs on Linux."""
    if explicit:
        return os.path.expanduser(explicit)
    env = os.environ.get("REBOUND_DATA_DIR")
    if env:
        return os.path.expanduser(env)
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
        return os.path.join(base, "rebound")
    from .paths import data_dir as full  # another platform: ask platformdirs

    return str(full())


def data_stamps(folder: str) -> dict[str, str]:
    """Every data file's identity (inode, mtime, size): the state holds the ones it was computed
    from, so a data file changed since by anything else (a hand edit, a broken file, a copy from
    another machine) makes the prompt say nothing rather than something stale."""
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                st = entry.stat()
                found[entry.name] = f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"
    return found


def dumps(facts: dict) -> str:
    """The state as a few lines of words (see ``loads``)."""
    def flag(value: object) -> str:
        return "1" if value else "0"

    mood = facts["mood"]
    lines = [
        f"rebound-prompt {facts['version']}",
        f"day {facts['day']}",
        f"day_start_hour {facts['day_start_hour']}",
        f"week_start {facts['week_start']}",
        f"mood {'-' if mood is None else repr(float(mood))}",
        " ".join(["rest", *facts["rest"]]),
        " ".join(["followups", *facts["followups"]]),
    ]
    lines.append(" ".join(["files", *(f"{n}={v}" for n, v in sorted(facts.get("files", {}).items()))]))
    basis = facts.get("basis")
    if basis:  # what the follow-ups were computed from (services/prompt_state)
        lines.append(" ".join(["basis", *(f"{name}={token}" for name, token in sorted(basis.items()))]))
    for g in facts["daily"]:
        days = ",".join(map(str, g["weekdays"]))
        lines.append(f"daily {flag(g['left'])} {flag(g['at_risk'])} {g['carry']} {g['target']} {days}")
    for g in facts["weekly"]:
        lines.append(f"weekly {flag(g['left'])} {flag(g['at_risk'])} {g['carry']} {g['target']} "
                     f"{g['week']} {g['start']}")
    return "\n".join(lines) + "\n"


def loads(text: str) -> dict | None:
    """``dumps`` read back; None for anything else."""
    lines = text.splitlines()
    if not lines or lines[0] != f"rebound-prompt {VERSION}":
        return None
    state: dict = {"version": VERSION, "rest": [], "followups": [], "files": {}, "basis": None,
                   "daily": [], "weekly": []}
    for line in lines[1:]:
        key, *words = line.split(" ")
        if key in ("day",):
            state[key] = words[0]
        elif key in ("day_start_hour", "week_start"):
            state[key] = int(words[0])
        elif key == "mood":
            state["mood"] = None if words[0] == "-" else float(words[0])
        elif key in ("rest", "followups"):
            state[key] = [w for w in words if w]
        elif key == "files":
            state["files"] = dict(w.split("=", 1) for w in words if w)
        elif key == "basis":
            state["basis"] = dict(w.split("=", 1) for w in words if w)
        elif key in ("daily", "weekly"):
            goal = {"left": words[0] == "1", "at_risk": words[1] == "1", "carry": int(words[2]),
                    "target": int(words[3])}
            if key == "daily":
                goal["weekdays"] = [int(d) for d in words[4].split(",") if d]
            else:
                goal["week"], goal["start"] = words[4], words[5]
            state[key].append(goal)
        else:
            return None
    return state


def read_state(folder: str) -> dict | None:
    try:
        with open(os.path.join(folder, STATE), encoding="utf-8") as file:
            return loads(file.read(65536 * 16))
    except (OSError, ValueError, IndexError):
        return None


def logical_today(state: dict, now: datetime | None = None) -> date:
    """The logical day (product.md §3) by the day-start hour the data had at the last change."""
    moment = now or datetime.now().astimezone()
    return (moment - timedelta(hours=int(state.get("day_start_hour", 0)))).date()


def figures(state: dict, today: date) -> dict[str, object] | None:
    """``{left, at_risk, due, mood}`` for ``today``, carried forward from the state's day.
    None when the state is from a later day (a clock moved back): nothing is known then."""
    day = date.fromisoformat(state["day"])
    if today < day:
        return None
    rest = {date.fromisoformat(d) for d in state.get("rest", [])}
    left = at_risk = 0
    for goal in state.get("daily", []):
        is_left, risky = _daily(goal, day, today, rest) if today > day else (goal["left"], goal["at_risk"])
        left += is_left
        at_risk += risky
    week_start = int(state.get("week_start", 0))
    for goal in state.get("weekly", []):
        is_left, risky = _weekly(goal, today, rest, week_start)
        left += is_left
        at_risk += risky
    due = sum(1 for d in state.get("followups", []) if date.fromisoformat(d) <= today)
    mood = state.get("mood") if today == day else None
    return {"left": left, "at_risk": at_risk, "due": due, "mood": _mood_text(mood)}


def _daily(goal: dict, day: date, today: date, rest: set[date]) -> tuple[bool, bool]:
    """A daily goal on a later day: the days between had no check-in (none can be in the future),
    so each scheduled one that was not a rest day broke the run."""
    weekdays = set(goal["weekdays"])

    def neutral(d: date) -> bool:
        return d.weekday() not in weekdays or d in rest

    run = goal["carry"]
    d = day + ONE_DAY
    while run and d < today:
        if not neutral(d):
            run = 0
        d += ONE_DAY
    if neutral(today):
        return False, False
    return True, run > 0


def _weekly(goal: dict, today: date, rest: set[date], week_start: int) -> tuple[bool, bool]:
    week = date.fromisoformat(goal["week"])
    now_week = today - timedelta(days=(today.weekday() - week_start) % 7)
    if now_week == week:
        return goal["left"], goal["at_risk"]
    start = date.fromisoformat(goal["start"])

    def target(first: date) -> int:  # core.streaks.week_target, over days without a skip
        days = (first + timedelta(days=i) for i in range(7))
        active = sum(1 for d in days if d >= start and d not in rest)
        return math.ceil(goal["target"] * active / 7) if active else 0

    run = goal["carry"]
    w = week + timedelta(days=7)
    while run and w < now_week:
        if target(w):
            run = 0  # a week with a target and no check-in is a miss
        w += timedelta(days=7)
    if not target(now_week):
        return False, False
    return True, run > 0


def _mood_text(mood: object) -> str:
    if not isinstance(mood, (int, float)):
        return ""
    return f"{round(mood, 1):g}"


def default_line(values: dict[str, object]) -> str:
    """``⚑2 !1 ↻1``: goals left today, streaks at risk, follow-ups due; empty when all is done."""
    parts = []
    if values["left"]:
        parts.append(f"⚑{values['left']}")
    if values["at_risk"]:
        parts.append(f"!{values['at_risk']}")
    if values["due"]:
        parts.append(f"↻{values['due']}")
    return " ".join(parts)


class _Fields(dict):
    def __missing__(self, key: str) -> object:
        raise KeyError(key)


def check_template(template: str) -> str | None:
    """The problem with a ``--format`` template, or None."""
    try:
        template.format_map(_Fields(left=0, at_risk=0, due=0, mood=""))
    except KeyError as exc:
        return f"unknown field {{{exc.args[0]}}} in --format; use {{left}} {{at_risk}} {{due}} {{mood}}"
    except IndexError:
        return "unknown field {} in --format; use {left} {at_risk} {due} {mood}"
    except (ValueError, AttributeError, TypeError) as exc:
        return f"--format: {exc}"
    return None


def line(folder: str, template: str | None = None, now: datetime | None = None) -> str:
    """What the prompt shows; "" when the state is missing, broken or says nothing."""
    state = read_state(folder)
    if state is None:
        return ""
    try:
        if data_stamps(folder) != state["files"]:
            return ""  # the data changed without Rebound (or is changing right now)
    except OSError:
        return ""
    try:
        values = figures(state, logical_today(state, now))
    except (KeyError, TypeError, ValueError, AttributeError):
        return ""  # a hand-edited or half-understood file: say nothing rather than something wrong
    if values is None:
        return ""
    if template is None:
        return default_line(values)
    try:
        return template.format(**values)
    except (ValueError, TypeError):
        return ""  # a format spec that does not fit the value ({mood:d})


def parse(argv: list[str]) -> tuple[str | None, str | None]:
    """(``--data-dir``, ``--format``) from ``rebound [--data-dir DIR] prompt [--format T]``."""
    data: str | None = None
    template: str | None = None
    args = list(argv)
    seen_command = False
    while args:
        arg = args.pop(0)
        if arg == "prompt" and not seen_command:
            seen_command = True
        elif arg in ("--data-dir", "--format") and args:
            value = args.pop(0)
            if arg == "--data-dir" and not seen_command:
                data = value
            elif arg == "--format" and seen_command:
                template = value
            else:
                raise SystemExit(_usage(f"{arg} is not allowed here"))
        elif arg.startswith("--data-dir=") and not seen_command:
            data = arg.split("=", 1)[1]
        elif arg.startswith("--format=") and seen_command:
            template = arg.split("=", 1)[1]
        elif arg in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        else:
            raise SystemExit(_usage(f"unexpected argument {arg!r}"))
    return data, template


def _usage(problem: str) -> int:
    print(f"rebound: {problem} ({USAGE})", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    try:
        data, template = parse(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if template is not None and (problem := check_template(template)):
        print(f"rebound: {problem}", file=sys.stderr)
        return 2
    text = line(data_dir(data), template)
    if text:
        try:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, UnicodeEncodeError):
            pass
    return 0


def is_prompt(argv: list[str]) -> bool:
    """Is this command line ``rebound [--data-dir DIR] prompt ...``?"""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir="):
            i += 1
        else:
            return arg == "prompt"
    return False
