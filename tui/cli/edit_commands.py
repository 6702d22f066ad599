"""`rebound goal edit|archive|restore|delete` and `rebound contact edit|delete|follow-up`."""

from __future__ import annotations

import argparse

from ..core.clock import format_weekdays
from ..core.errors import InputError
from ..core.goals import Goal, match_by_name
from ..services import Rebound
from ..services import contacts as contact_service
from ..services import goals as goal_service
from ..store import repo
from .ask import confirm


def _schedule(goal: Goal) -> str:
    return f"{goal.target} per {goal.period}" if goal.is_weekly else (
        f"{goal.target} {format_weekdays(goal.weekdays)}")


def _print_wins(rb: Rebound) -> None:
    for win in rb.take_earned():
        print(f"Small victory: {win.title}")


def _archived_match(rb: Rebound, query: str, *, want_archived: bool) -> Goal:
    """The goal to archive (among active goals) or restore (among archived ones); a goal found
    only on the other side is named in the refusal."""
    every = repo.goals(rb.store, include_archived=True)
    wanted = [g for g in every if g.archived == want_archived]
    folded = query.strip().casefold()
    if folded and not any(g.name.casefold().startswith(folded) for g in wanted):
        others = [g for g in every if g.archived != want_archived]
        if any(g.name.casefold().startswith(folded) for g in others):
            other = match_by_name(query, others)
            raise InputError(f"{other.name} is {'not' if want_archived else 'already'} archived")
    return match_by_name(query, wanted, what="archived goal" if want_archived else "goal")


def goal_edit_command(rb: Rebound, args: argparse.Namespace) -> int:
    action = args.goal_command
    if action in ("archive", "restore"):
        goal = _archived_match(rb, args.goal, want_archived=action == "restore")
        goal_service.set_archived(rb, goal.id, action == "archive")
        print(f"Archived {goal.name}: its history is kept (rebound goal restore to bring it back)"
              if action == "archive" else f"Restored {goal.name}: back among your goals")
    elif action == "delete":
        goal = match_by_name(args.goal, repo.goals(rb.store, include_archived=True))
        n = goal_service.checkin_count(rb, goal.id)
        confirm(f"Delete goal {goal.name} and its {n} check-in{'s' * (n != 1)}?",
                f"deleting goal {goal.name}", args.yes)
        goal_service.delete_goal(rb, goal.id)
        print(f"Deleted {goal.name} and its {n} check-in{'s' * (n != 1)}")
    else:
        goal = goal_service.find_goal(rb, args.goal)
        if all(v is None for v in (args.name, args.target, args.per, args.days, args.counts)):
            raise InputError("nothing to change: give --name, --target, --per, --days or --counts")
        period = args.per or goal.period
        days = args.days
        if days is None and period == "day" and goal.period == "day":
            days = goal.weekdays  # keep the schedule unless it is changed
        edited = goal_service.edit_goal(
            rb, goal.id, name=goal.name if args.name is None else args.name,
            target=goal.target if args.target is None else args.target, period=period, weekdays=days,
            counts=args.counts)
        from .commands import counts_note

        print(f"Edited {edited.name}: {_schedule(edited)}{counts_note(edited)}")
    _print_wins(rb)
    return 0


def contact_edit_command(rb: Rebound, args: argparse.Namespace) -> int:
    contact = contact_service.find_contact(rb, args.name)
    action = args.contact_command
    if action == "delete":
        n = contact_service.interaction_count(rb, contact.id)
        confirm(f"Delete contact {contact.name} and their {n} interaction{'s' * (n != 1)}?",
                f"deleting contact {contact.name}", args.yes)
        contact_service.delete_contact(rb, contact.id)
        print(f"Deleted {contact.name} and their {n} interaction{'s' * (n != 1)}")
        return 0
    if action == "follow-up":
        from .contact_commands import follow_up_text

        changed = contact_service.set_follow_up(rb, contact.id, args.when)
        today = rb.today()
        view = next(v for v in contact_service.contact_views(rb, today) if v.contact.id == changed.id)
        every = f" · every {changed.cadence} days" if changed.cadence else ""
        print(f"{changed.name}: {follow_up_text(view, today)}{every}")
        return 0
    if all(v is None for v in (args.new_name, args.company, args.role, args.every)):
        raise InputError("nothing to change: give --name, --company, --role or --every")
    fields = contact_service.ContactFields(
        contact.name if args.new_name is None else args.new_name,
        company=contact.company if args.company is None else args.company,
        role=contact.role if args.role is None else args.role,
        met=contact.met, link=contact.link, tags=", ".join(contact.tags), notes=contact.notes,
        cadence=contact.cadence if args.every is None else args.every,
    )
    edited = contact_service.edit_contact(rb, contact.id, fields)
    where = ", ".join(p for p in (edited.role, edited.company) if p)
    every = f", follow up every {edited.cadence} days" if edited.cadence else ""
    print(f"Edited {edited.name}{f' ({where})' if where else ''}{every}")
    return 0
