"""The non-UI commands. Each prints one short line (or JSON) and returns an exit code."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import orjson

from .. import paths
from ..core.clock import format_weekdays
from ..core.counting import is_counted
from ..core.goals import Goal
from ..core.wording import REST_DAY_LINE
from ..services import Rebound
from ..services.days import parse_day

if TYPE_CHECKING:  # the summaries are imported by the commands that show them (not by a sync)
    from ..services.summaries import GoalSummary


def run(args: argparse.Namespace) -> int:
    if args.command == "remind":  # before Rebound.open: a reminder never makes the data folder
        from .nudge_commands import remind_command

        return remind_command(args)
    rb = Rebound.open(paths.data_dir(args.data_dir))
    code = _run(rb, args)
    if code == 0 and args.command != "restore":  # restore reports broken files itself
        from ..services.restore import warnings
        from ..store.errors import StoreError

        try:
            said = warnings(rb)
        except (StoreError, OSError):
            said = []  # the command is done: what it could not look at is not its failure
        for line in said:  # on the side: the exit code and stdout stay as they were
            print(f"rebound: warning: {line}", file=sys.stderr)
    return code


def _run(rb: Rebound, args: argparse.Namespace) -> int:
    # Each command imports what it needs: `status --json` must not pay for imports and exports.
    if args.command == "contact":
        if args.contact_command in ("edit", "delete", "follow-up"):
            from .edit_commands import contact_edit_command

            return contact_edit_command(rb, args)
        from .contact_commands import contact_command

        return contact_command(rb, args)
    if args.command == "goal" and args.goal_command not in ("add", "list"):
        from .edit_commands import goal_edit_command

        return goal_edit_command(rb, args)
    if args.command in ("mood list", "mood delete", "win list", "win delete"):
        from . import record_commands

        what = args.command.split()[0]
        return getattr(record_commands, f"{what}_records_command")(rb, args)  # type: ignore[no-any-return]
    if args.command in ("export", "import"):
        from . import transfer_commands

        return getattr(transfer_commands, f"{args.command}_command")(rb, args)  # type: ignore[no-any-return]
    if args.command == "app":
        from .app_commands import app_command

        return app_command(rb, args)
    if args.command == "review":
        from .nudge_commands import review_command

        return review_command(rb, args)
    if args.command == "sync":
        from .sync_commands import sync_command

        return sync_command(rb, args)
    if args.command == "restore":
        from .restore_command import restore_command

        return restore_command(rb, args)
    handler = {
        "goal": goal_command,
        "log": log_command,
        "skip": skip_command,
        "rest": rest_command,
        "status": status_command,
        "win": win_command,
        "mood": mood_command,
    }[args.command]
    return handler(rb, args)


def emit_json(value: object) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def progress(summary: GoalSummary) -> str:
    return summary.progress


def streak_text(summary: GoalSummary) -> str:
    unit = "week" if summary.goal.is_weekly else "day"
    n = summary.streak.current
    text = f"{n} {unit}{'s' if n != 1 else ''} streak (best {summary.streak.best})"
    return text + (", at risk" if summary.streak.at_risk else "")


def print_wins(rb: Rebound) -> None:
    for win in rb.take_earned():
        print(f"Small victory: {win.title}")


def goal_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services import goals as goal_service

    if args.goal_command == "add":
        goal = goal_service.add_goal(
            rb, args.name, target=args.target, period=args.per, weekdays=args.days,
            counts=args.counts,
        )
        when = f"per {goal.period}" if goal.is_weekly else format_weekdays(goal.weekdays)
        print(f"Added {goal.name}: {goal.target} {when}{counts_note(goal)}")
        return 0
    from ..services.counted import goal_totals
    from ..services.history import histories
    from ..services.summaries import summarize

    today, week_start = rb.today(), rb.clock.week_start
    found = histories(rb)
    summaries = [summarize(h, today, week_start) for h in found]
    totals = [goal_totals(h, today, week_start) for h in found]
    if args.json:
        emit_json([
            {
                "name": s.goal.name,
                "period": s.goal.period,
                "target": s.goal.target,
                "weekdays": format_weekdays(s.goal.weekdays).split(",")
                if not s.goal.is_weekly and len(s.goal.weekdays) < 7 else [],
                "start": s.goal.start.isoformat(),
                "current_streak": s.streak.current,
                "best_streak": s.streak.best,
                "score": round(s.score, 4),
                "counts": s.goal.counts,
                **({"totals": t.as_dict()} if t is not None else {}),
            }
            for s, t in zip(summaries, totals)
        ])
        return 0
    if not summaries:
        print("No goals yet. Add one: rebound goal add \"Send applications\" --target 2")
    for s, t in zip(summaries, totals):
        extra = f"  ({counts_note(s.goal).strip(' ·')}: {t.text})" if t is not None else ""
        print(f"{s.goal.name}  {schedule_text(s.goal)}  {progress(s)}  {streak_text(s)}  "
              f"strength {s.score:.0%}{extra}")
    return 0


def counts_note(goal: Goal) -> str:
    """" · counts coffee interactions" for a goal that counts an activity; "" otherwise."""
    from ..core.counting import counts_words

    return f" · counts {counts_words(goal.counts)}" if is_counted(goal.counts) else ""


def schedule_text(goal: Goal) -> str:
    """``2 a week``, ``1 a day, every day``, ``1 a day, mon,wed``: its period and its days."""
    if goal.is_weekly:
        return f"{goal.target} a week"
    return f"{goal.target} a day, {format_weekdays(goal.weekdays)}"


def log_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services import checkins as checkin_service
    from ..services import goals as goal_service
    from ..services.summary_cache import summaries

    goal = goal_service.find_goal(rb, args.goal)
    day = parse_day(args.date, rb.today())
    logged = checkin_service.log(rb, goal.id, args.count, day=day, note=args.note)
    summary = next(s for s in summaries(rb, rb.today()) if s.goal.id == goal.id)  # older years kept
    when = "today" if day == rb.today() else day.isoformat()
    source = ""
    if is_counted(goal.counts):
        from ..core.counting import source_text
        from ..services.counted import day_counts

        source = f" ({source_text(*day_counts(rb, goal, day))})"
    print(f"{goal.name}: {logged.after} logged {when}{source} · {streak_text(summary)}")
    print_wins(rb)
    return 0


def skip_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..core.wording import already_skipped, skip_message
    from ..services import checkins as checkin_service
    from ..services import goals as goal_service

    goal = goal_service.find_goal(rb, args.goal)
    day = parse_day(args.date, rb.today())
    skip = not args.undo
    if checkin_service.is_skipped(rb, goal.id, day) == skip:  # nothing to change
        return _unchanged(already_skipped(goal.name, day, skip), refused=args.undo)
    checkin_service.set_skip(rb, goal.id, day, skip)
    print(skip_message(goal.name, day, skip))
    print_wins(rb)
    return 0


def rest_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..core.wording import already_rest, rest_message
    from ..services import checkins as checkin_service

    if args.from_day is not None or args.to_day is not None:
        return rest_period_command(rb, args)
    day = parse_day(args.date, rb.today())
    rest = not args.undo
    if (checkin_service.rest_day(rb, day) is not None) == rest:  # nothing to change
        return _unchanged(already_rest(day, rest), refused=args.undo)
    checkin_service.set_rest(rb, day, rest, "" if args.undo else args.reason)
    print(rest_message(day, rest))
    print_wins(rb)
    return 0


def rest_period_command(rb: Rebound, args: argparse.Namespace) -> int:
    """`rest --from DAY --to DAY`: a planned break, the one place a future day is accepted."""
    from ..core.errors import InputError
    from ..core.wording import already_rest_period, rest_period_message
    from ..services import checkins as checkin_service

    if args.date is not None:
        raise InputError("give either --date or --from and --to, not both")
    if args.from_day is None or args.to_day is None:
        raise InputError("a rest period needs both --from DAY and --to DAY")
    today = rb.today()
    start = parse_day(args.from_day, today, allow_future=True)
    end = parse_day(args.to_day, today, allow_future=True)
    rest = not args.undo
    changed = checkin_service.set_rest_period(rb, start, end, rest, "" if args.undo else args.reason)
    if not changed:
        return _unchanged(already_rest_period(start, end, rest), refused=args.undo)
    print(rest_period_message(start, end, rest, len(changed)))
    print_wins(rb)
    return 0


def _unchanged(message: str, refused: bool) -> int:
    """A repeat add is fine (exit 0); an undo of nothing is refused (exit 1)."""
    if refused:
        print(f"rebound: {message}", file=sys.stderr)
        return 1
    print(message)
    return 0


def win_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services.wins import add_win

    day = parse_day(args.date, rb.today())
    win = add_win(rb, args.text, day)
    print(f"Win recorded for {day.isoformat()}: {win.title}")
    return 0


def mood_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services import mood as mood_service

    entry = mood_service.log_mood(rb, args.score, tags=args.tags, note=args.note,
                                  day=parse_day(args.date, rb.today()))
    mean, count = mood_service.day_mood(rb, entry.day) or (entry.score, 1)
    tags = f" #{' #'.join(entry.tags)}" if entry.tags else ""
    print(f"Mood {entry.score} ({entry.label}){tags} logged for {entry.day.isoformat()}"
          f" · that day's mood {mean:.1f}" + (f" (average of {count} entries)" if count > 1 else ""))
    print_wins(rb)
    return 0


def status_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services.status import status
    from ..services.summary_cache import summaries
    from ..services.summaries import state_text

    day = parse_day(args.as_of, rb.today())
    result = status(rb, day)
    if args.json:
        emit_json(result)
        return 0
    from ..services.checkins import rest_day

    rest = f" · {REST_DAY_LINE}" if rest_day(rb, day) is not None else ""
    print(f"Rebound · {day.strftime('%A %d %B %Y')}{rest}")
    found = summaries(rb, day)  # as the last run left them, or from the month's checkpoints
    if not found:
        print("No goals yet. Add one: rebound goal add \"Send applications\" --target 2")
    for s in found:
        mark = "✓" if s.streak.complete else ("!" if s.streak.at_risk else "·")
        state = state_text(s, long=True)
        neutral = f"  ({state})" if s.rest or s.skipped or not s.goal.scheduled_on(day) else ""
        print(f" {mark} {s.goal.name}  {progress(s)}  {streak_text(s)}{neutral}")
    for due in result["followups_due"]:
        when = f"overdue since {due['due']}" if due["overdue"] else "due today"
        print(f" → follow up with {due['name']}: {when}")
    print(" mood: logged" if result["mood_logged"] else " mood: not logged yet (rebound mood 1-5)")
    for win in result["wins_today"]:
        print(f" ★ {win['title']}")
    return 0
