"""`rebound app add|move|list|funnel`: the job-search pipeline from the command line."""

from __future__ import annotations

import argparse
from typing import Any, Callable

# What `app list` and `app funnel` print as JSON is part of the contract (scripts read it); the
# services are imported by the command itself, so other commands never pay for them.


def add_app_parser(sub: Any, whole_number: Callable[[str], int]) -> None:
    app = sub.add_parser("app", help="track job applications: add, move a stage, list, funnel")
    app_sub = app.add_subparsers(dest="app_command", metavar="ACTION", required=True)
    add = app_sub.add_parser("add", help="add an application")
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("role", metavar="ROLE")
    add.add_argument("--source", metavar="S", default="",
                     help="referral, network, recruiter, job board, company site or other")
    add.add_argument("--link", metavar="URL", default="")
    add.add_argument("--contact", metavar="NAME", action="append", default=[],
                     help="a contact (found, or added); repeat for more; the referrer first")
    add.add_argument("--date", metavar="DAY", help="the day applied (default today)")
    add.add_argument("--note", metavar="TEXT", default="")
    move = app_sub.add_parser("move", help="move an application to a stage (or close it)")
    move.add_argument("app", metavar="APP", help='its id, or an unambiguous "company" or "company · role"')
    move.add_argument("stage", metavar="STAGE", help="applied, screen, interview, final, offer, "
                      "accepted, rejected, withdrawn or ghosted")
    move.add_argument("--date", metavar="DAY")
    move.add_argument("--note", metavar="TEXT", default="")
    lst = app_sub.add_parser("list", help="list applications, oldest first")
    lst.add_argument("--stage", metavar="S")
    which = lst.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only open applications")
    which.add_argument("--closed", action="store_true", help="only closed applications")
    lst.add_argument("--json", action="store_true", help="print JSON")
    funnel = app_sub.add_parser("funnel", help="how applications move through the stages")
    funnel.add_argument("--days", type=whole_number, metavar="N", help="applied in the last N days (default all)")
    funnel.add_argument("--json", action="store_true", help="print JSON")


def app_command(rb: Any, args: argparse.Namespace) -> int:
    from ..services import applications as service
    from ..services.days import parse_day

    today = rb.today()
    if args.app_command == "add":
        fields = service.AppFields(args.company, args.role, source=args.source, link=args.link,
                                   contacts=tuple(args.contact), notes=args.note)
        app = service.add_application(rb, fields, parse_day(args.date, today))
        print(f"Added {app.title} (applied {app.applied.isoformat()}, id {app.id[:8]})")
        return 0
    if args.app_command == "move":
        day = parse_day(args.date, today)
        app = service.move_application(rb, service.find_application(rb, args.app).id, args.stage,
                                       day, args.note)
        print(f"Moved {app.title} to {app.stage} on {day.isoformat()}")
        return 0
    if args.app_command == "list":
        return _list(rb, args, service, today)
    return _funnel(rb, args, service, today)


def _list(rb: Any, args: argparse.Namespace, service: Any, today: Any) -> int:
    from ..core.applications import check_stage, quiet_label
    from ..store import contacts as contact_repo
    from .commands import emit_json

    stage = check_stage(args.stage) if args.stage else None
    names = {c.id: c.name for c in contact_repo.contacts(rb.store)}
    quiet = {a.id: days for a, days in service.quiet(rb, today)}
    rows = [a for a in service.applications(rb)
            if (stage is None or a.stage == stage) and not (args.open and not a.is_open)
            and not (args.closed and a.is_open)]
    if args.json:
        emit_json([_row(a, names, quiet.get(a.id)) for a in rows])
        return 0
    if not rows:
        print("No applications yet. Add one: rebound app add Northwind \"Data analyst\"" if not args.stage
              and not args.open and not args.closed else "No applications match.")
    for a in rows:
        age = (today - a.applied).days
        step = f"  next: {a.next_step}" if a.next_step else ""
        hush = f"  ({quiet_label(quiet[a.id])})" if a.id in quiet else ""
        print(f"{a.id[:8]}  {a.title}  {a.stage}  applied {a.applied.isoformat()} ({age} days){step}{hush}")
    return 0


def _row(app: Any, names: dict[str, str], quiet: int | None) -> dict[str, Any]:
    return {
        "id": app.id, "company": app.company, "role": app.role, "source": app.source,
        "link": app.link, "contacts": [names.get(c, "") for c in app.contacts],
        "applied": app.applied.isoformat(), "stage": app.stage, "open": app.is_open,
        "history": [{"stage": s, "day": d.isoformat()} for s, d in app.history],
        "next_step": app.next_step, "next_day": app.next_day.isoformat() if app.next_day else None,
        "notes": app.notes, "quiet_days": quiet,
    }


def _funnel(rb: Any, args: argparse.Namespace, service: Any, today: Any) -> int:
    from ..core.applications import MIN_BASE, OPEN_STAGES
    from ..core.errors import InputError
    from .commands import emit_json

    if args.days is not None and not 1 <= args.days <= 36500:
        raise InputError(f"--days {args.days}: give a number of days from 1 to 36500")
    result = service.funnel(rb, args.days, today)
    if args.json:
        emit_json({"days": args.days, "date": today.isoformat(), **result.as_dict()})
        return 0
    window = f"the last {args.days} days" if args.days else "all time"
    print(f"Applications sent in {window}: {result.total}")
    for here in OPEN_STAGES:
        rate = result.conversions.get(here)
        onward = f"  → {rate:.0%} go on" if rate is not None else ""
        print(f"  {here:<10}{result.reached[here]:>5}{onward}")
    if result.response_rate is not None:
        print(f"Response rate: {result.response_rate:.0%}")
    if result.median_days is not None:
        print(f"Median days to a first response: {result.median_days:g}")
    for source, part in result.by_source.items():
        rate = f"{part.response_rate:.0%} responded" if part.response_rate is not None else \
            f"fewer than {MIN_BASE}: no rates"
        print(f"  {source}: {part.total} sent, {rate}")
    return 0
