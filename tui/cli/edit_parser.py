"""The argparse definition of the commands that change or remove what was logged before:
`goal edit|archive|restore|delete`, `contact edit|delete|follow-up`, `mood list|delete`,
`win list|delete`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

# `mood SCORE` and `win TEXT` take free words, so `mood list` is routed to its own parser
# ("mood list") before argparse sees it; see ``route``.
LISTED = {"mood": ("list", "delete"), "win": ("list", "delete")}
YES_HELP = "do not ask first (needed when not run from a terminal)"


def route(argv: Sequence[str]) -> list[str]:
    """``[..., "mood", "list", ...]`` → ``[..., "mood list", ...]``: the command is the first word
    that is not the global ``--data-dir DIR``."""
    args = list(argv)
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] == "--data-dir" else 1
    if i + 1 < len(args) and args[i + 1] in LISTED.get(args[i], ()):
        args[i:i + 2] = [f"{args[i]} {args[i + 1]}"]
    return args


def add_goal_actions(goal_sub: Any, whole_number: Any, counts_help: str) -> None:
    edit = goal_sub.add_parser("edit", help="change a goal's name, target, period, weekdays or what it counts")
    edit.add_argument("goal", metavar="GOAL")
    edit.add_argument("--name", metavar="N")
    edit.add_argument("--target", type=whole_number, metavar="N")
    edit.add_argument("--per", choices=("day", "week"))
    edit.add_argument("--days", metavar="mon,tue,...", help="scheduled weekdays of a daily goal")
    edit.add_argument("--counts", metavar="SOURCE", help=counts_help)
    for action, text in (("archive", "archive a goal (its history is kept)"),
                         ("restore", "bring an archived goal back")):
        goal_sub.add_parser(action, help=text).add_argument("goal", metavar="GOAL")
    delete = goal_sub.add_parser("delete", help="delete a goal and its check-ins (asks first)")
    delete.add_argument("goal", metavar="GOAL")
    delete.add_argument("--yes", action="store_true", help=YES_HELP)


def add_contact_actions(contact_sub: Any, whole_number: Any) -> None:
    edit = contact_sub.add_parser("edit", help="change a contact's name, company, role or cadence")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", metavar="N")
    edit.add_argument("--company", metavar="C")
    edit.add_argument("--role", metavar="R")
    edit.add_argument("--every", type=whole_number, metavar="DAYS", help="follow up every DAYS days")
    delete = contact_sub.add_parser("delete", help="delete a contact and its interactions (asks first)")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help=YES_HELP)
    follow = contact_sub.add_parser(
        "follow-up", help='set the next follow-up: "in 2 weeks", a day, "every 14 days" or "none"')
    follow.add_argument("name", metavar="NAME")
    follow.add_argument("when", metavar="WHEN", help='"in 2 weeks", YYYY-MM-DD, "every 14 days" or "none"')


def add_record_commands(sub: Any, whole_number: Any) -> None:
    """`mood list|delete`, `win list|delete` (hidden from the command list: `mood` and `win`
    name them in their help)."""
    for what, listing in (("mood", "mood entries, newest first, with their ids"),
                          ("win", "wins, newest first, with their ids")):
        lst = sub.add_parser(f"{what} list", prog=f"rebound {what} list", description=f"List {listing}.")
        lst.add_argument("--json", action="store_true", help="print JSON")
        lst.add_argument("--limit", type=whole_number, metavar="N", help="only the newest N")
        delete = sub.add_parser(f"{what} delete", prog=f"rebound {what} delete",
                                description=f"Delete one {'mood entry' if what == 'mood' else 'of your own wins'} "
                                            "(asks first).")
        delete.add_argument("id", metavar="ID", help=f"the id `{what} list` shows (or its start)")
        delete.add_argument("--yes", action="store_true", help=YES_HELP)


def mention_listing(parser: argparse.ArgumentParser, what: str) -> None:
    parser.epilog = (f"Also: rebound {what} list [--json] [--limit N] · "
                     f"rebound {what} delete ID [--yes]")
