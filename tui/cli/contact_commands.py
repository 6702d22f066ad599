"""`rebound contact add|log|list`."""

from __future__ import annotations

import argparse

import orjson

from ..core.contacts import humanize_days
from ..core.wording import with_article
from ..services import Rebound
from ..services import contacts as contact_service
from ..services.days import parse_day


def follow_up_text(view: contact_service.ContactView, today) -> str:  # type: ignore[no-untyped-def]
    if view.next is None:
        return "no follow-up"
    if view.next < today:
        return f"follow-up overdue since {view.next.isoformat()}"
    if view.next == today:
        return "follow up today"
    return f"follow up {view.next.isoformat()} ({humanize_days(view.next, today)})"


def contact_command(rb: Rebound, args: argparse.Namespace) -> int:
    today = rb.today()
    if args.contact_command == "add":
        fields = contact_service.ContactFields(
            args.name, company=args.company, role=args.role, cadence=args.every
        )
        contact = contact_service.add_contact(rb, fields)
        where = f" ({', '.join(p for p in (contact.role, contact.company) if p)})" if (
            contact.role or contact.company) else ""
        every = f", follow up every {contact.cadence} days" if contact.cadence else ""
        print(f"Added {contact.name}{where}{every}")
        return 0
    if args.contact_command == "log":
        contact = contact_service.find_contact(rb, args.name)
        day = parse_day(args.date, today)
        item = contact_service.log_interaction(rb, contact.id, kind=args.kind, note=args.note, day=day)
        view = next(v for v in contact_service.contact_views(rb, today) if v.contact.id == contact.id)
        when = "today" if day == today else day.isoformat()
        print(f"Logged {with_article(item.kind)} with {contact.name} {when} · "
              f"{follow_up_text(view, today)}")
        for win in rb.take_earned():
            print(f"Small victory: {win.title}")
        return 0
    views = contact_service.contact_views(rb, today)
    if args.json:
        rows = [
            {
                "name": v.contact.name,
                "company": v.contact.company,
                "role": v.contact.role,
                "tags": list(v.contact.tags),
                "every": v.contact.cadence,
                "last_contacted": v.last_day.isoformat() if v.last_day else None,
                "next_follow_up": v.next.isoformat() if v.next else None,
                "due": v.next is not None and v.next <= today,
                "overdue": v.next is not None and v.next < today,
            }
            for v in views
        ]
        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return 0
    if not views:
        print('No contacts yet. Add one: rebound contact add "Ada Lovelace" --company Initech --every 14')
    for v in views:
        where = " · ".join(p for p in (v.contact.company, v.contact.role) if p)
        last = humanize_days(v.last_day, today)
        print(f"{v.contact.name}{'  ' + where if where else ''}  last: {last}  {follow_up_text(v, today)}")
    return 0
