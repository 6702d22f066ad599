"""The argparse definition of the command line."""

from __future__ import annotations

import argparse

from .. import __version__
from . import edit_parser
from .app_commands import add_app_parser

EPILOG = "DAY is YYYY-MM-DD, 'today' or 'yesterday'. Data folder: --data-dir or REBOUND_DATA_DIR."


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def period(text: str) -> str:
    from ..core.errors import InputError
    from ..core.goals import parse_period

    try:
        return parse_period(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


COUNTS_HELP = ("what the goal counts: manual (ticks, the default), applications, "
               "interactions[:kinds] (e.g. interactions:coffee,call), new-contacts, moods or lessons")


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rebound",
        description="Rebound: daily goals with honest streaks, for a job search.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"rebound {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: your user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    goal = sub.add_parser("goal", help="add, list, edit, archive, restore or delete goals")
    goal_sub = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    add = goal_sub.add_parser("add", help="add a goal")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--target", type=whole_number, default=1, metavar="N", help="count per period (default 1)")
    add.add_argument("--per", type=period, default="day", metavar="day|week",
                     help="period: day or week (daily, weekly also work; default day)")
    add.add_argument("--days", metavar="mon,tue,...", help="scheduled weekdays of a daily goal")
    add.add_argument("--counts", metavar="SOURCE", help=COUNTS_HELP)
    lst = goal_sub.add_parser("list", help="list active goals")
    lst.add_argument("--json", action="store_true", help="print JSON")
    edit_parser.add_goal_actions(goal_sub, whole_number, COUNTS_HELP)

    log = sub.add_parser("log", help="log progress on a goal")
    log.add_argument("goal", metavar="GOAL")
    log.add_argument("count", nargs="?", type=whole_number, default=1, metavar="COUNT",
                     help="how many (may be negative; default 1)")
    log.add_argument("--date", metavar="DAY")
    log.add_argument("--note", metavar="TEXT", default="")

    skip = sub.add_parser("skip", help="skip a goal on a day: it neither extends nor breaks a streak (--undo clears it)")
    skip.add_argument("goal", metavar="GOAL")
    skip.add_argument("--date", metavar="DAY")
    skip.add_argument("--undo", action="store_true", help="clear the skip instead")

    rest = sub.add_parser("rest", help="mark a rest day, or a break from DAY to DAY, for every goal (--undo clears it)")
    rest.add_argument("--date", metavar="DAY")
    rest.add_argument("--from", dest="from_day", metavar="DAY",
                      help="first day of a break (with --to; may lie in the future)")
    rest.add_argument("--to", dest="to_day", metavar="DAY", help="last day of the break")
    rest.add_argument("--reason", metavar="TEXT", default="")
    rest.add_argument("--undo", action="store_true", help="clear the rest day instead")

    contact = sub.add_parser("contact", help="add, log, list, edit or delete networking contacts; set a follow-up")
    contact_sub = contact.add_subparsers(dest="contact_command", metavar="ACTION", required=True)
    c_add = contact_sub.add_parser("add", help="add a contact")
    c_add.add_argument("name", metavar="NAME")
    c_add.add_argument("--company", metavar="C", default="")
    c_add.add_argument("--role", metavar="R", default="")
    c_add.add_argument("--every", type=whole_number, metavar="DAYS", help="follow up every DAYS days")
    c_log = contact_sub.add_parser("log", help="log an interaction with a contact")
    c_log.add_argument("name", metavar="NAME")
    c_log.add_argument("--kind", metavar="KIND", default="message",
                       help="message, email, call, coffee, meeting, referral, intro or other")
    c_log.add_argument("--note", metavar="TEXT", default="")
    c_log.add_argument("--date", metavar="DAY")
    c_list = contact_sub.add_parser("list", help="list contacts, most urgent follow-up first")
    c_list.add_argument("--json", action="store_true", help="print JSON")
    edit_parser.add_contact_actions(contact_sub, whole_number)

    add_app_parser(sub, whole_number)

    win = sub.add_parser("win", help="record a small victory in your own words (win list, win delete ID)")
    win.add_argument("text", metavar="TEXT")
    win.add_argument("--date", metavar="DAY")
    edit_parser.mention_listing(win, "win")

    mood = sub.add_parser("mood", help="log how you feel, 1 (rough) to 5 (great) (mood list, mood delete ID)")
    mood.add_argument("score", metavar="SCORE", help="1 rough, 2 low, 3 okay, 4 good, 5 great")
    mood.add_argument("--tags", metavar="a,b", default="", help="e.g. interview,exercise")
    mood.add_argument("--note", metavar="TEXT", default="")
    mood.add_argument("--date", metavar="DAY")
    edit_parser.mention_listing(mood, "mood")
    edit_parser.add_record_commands(sub, whole_number)

    status = sub.add_parser("status", help="where today stands")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument("--as-of", metavar="DAY")

    export = sub.add_parser("export", help="export your data (json: everything, csv: spreadsheets, ics: follow-ups, "
                                           "worklog: the work-search record)")
    export.add_argument("--format", choices=("json", "csv", "ics", "worklog"), default="json", help="default json")
    export.add_argument("--out", metavar="PATH",
                        help="file (json, ics, worklog) or folder (csv); json, ics and worklog default to stdout")
    export.add_argument("--from", dest="from_day", metavar="DAY",
                        help="worklog: the first day (default: the whole record)")
    export.add_argument("--to", dest="to_day", metavar="DAY", help="worklog: the last day (default today)")

    imp = sub.add_parser("import", help="import a Rebound JSON export, or a Loop Habit Tracker CSV export")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--merge", action="store_true", help="add to existing data (records already present are kept)")
    imp.add_argument("--from", dest="source", choices=("rebound", "loop"), default="rebound",
                     help="rebound (default) or loop: a Loop Habit Tracker CSV export (folder or zip)")

    restore = sub.add_parser(
        "restore", help="put a data file Rebound cannot read back from its newest good backup "
        "(the broken file is kept aside, never deleted)")
    restore.add_argument("file", nargs="?", metavar="FILE",
                         help="a data file such as checkins-2026.json (default: every broken file)")

    prompt = sub.add_parser("prompt", help="one short line for a shell prompt: goals left, streaks at risk (!), follow-ups due")
    prompt.add_argument("--format", metavar="TEMPLATE", help="fields: {left} {at_risk} {due} {mood}")
    remind = sub.add_parser("remind", help="for cron or a systemd timer: a desktop notification when a streak is at risk")
    remind.add_argument("--after", metavar="HH:MM", help="stay silent before this time of day")

    review = sub.add_parser("review", help="the weekly review: goals, networking, mood, wins and lessons of a week")
    review.add_argument("--week", metavar="DAY", help="any day of the week to review (default: this week)")
    review.add_argument("--format", choices=("md", "text", "json"), default="text", help="default text")
    review.add_argument("--notes", action="store_true", help="include private notes (left out by default)")

    sync = sub.add_parser("sync", help="sync the data folder with your own git remote (sync init REMOTE first)",
                          description="Commit this machine's changes, merge the remote's record by "
                                      "record, push. Set up once with: rebound sync init REMOTE")
    sync.add_argument("--status", action="store_true", help="ahead/behind, last sync, the remote")
    sync_sub = sync.add_subparsers(dest="sync_command", metavar="init")
    sync_init = sync_sub.add_parser("init", help="make the data folder sync with REMOTE "
                                    "(a git URL, or the path of a bare repository)")
    sync_init.add_argument("remote", metavar="REMOTE")

    sub.add_parser("demo", help="open the app on generated demo data in a temporary folder")
    # Git's merge driver for a synced data folder (tui/sync/driver.py; no help: git runs it).
    driver = sub.add_parser("merge-driver")
    for name in ("base", "ours", "theirs", "path"):
        driver.add_argument(name, metavar=name.upper())
    return parser
