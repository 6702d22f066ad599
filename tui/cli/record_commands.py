"""`rebound mood list|delete` and `rebound win list|delete`: past records by id."""

from __future__ import annotations

import argparse

from ..core.errors import InputError
from ..core.ids import short_id
from ..core.wins import kind_label
from ..services import Rebound
from .ask import confirm
from .commands import emit_json


def _limit(args: argparse.Namespace) -> int | None:
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be 1 or more, not {args.limit}")
    return args.limit


def mood_records_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services import mood as mood_service

    if args.command == "mood delete":
        entry = mood_service.find_entry(rb, args.id)
        what = f"mood {entry.score} ({entry.label}) of {entry.day.isoformat()}"
        confirm(f"Delete {what}?", f"deleting {what}", args.yes)
        mood_service.delete_mood(rb, entry)
        print(f"Deleted {what}")
        return 0
    entries = mood_service.entries(rb)[:_limit(args)]
    if args.json:
        emit_json([{"id": e.id, "day": e.day.isoformat(), "score": e.score, "label": e.label,
                    "tags": list(e.tags), "note": e.note, "at": e.at} for e in entries])
        return 0
    if not entries:
        print("No mood logged yet. Log one: rebound mood 4 --tags interview")
    for e in entries:
        tags = f"  #{' #'.join(e.tags)}" if e.tags else ""
        note = f"  {e.note}" if e.note else ""
        print(f"{short_id(e.id)}  {e.day.isoformat()}  {e.score} {e.label}{tags}{note}")
    return 0


def win_records_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..services import wins as win_service

    if args.command == "win delete":
        win = win_service.own_win(rb, win_service.find_win(rb, args.id).id)
        what = f"win “{win.title}” of {win.day.isoformat()}"
        confirm(f"Delete {what}?", f"deleting {what}", args.yes)
        win_service.delete_win(rb, win.id)
        print(f"Deleted {what}")
        return 0
    wins = win_service.all_wins(rb)[:_limit(args)]
    if args.json:
        emit_json([{"id": w.id, "day": w.day.isoformat(), "kind": w.kind, "title": w.title,
                    "own": w.manual} for w in wins])
        return 0
    if not wins:
        print('No wins yet. Record one: rebound win "got useful feedback"')
    for w in wins:
        print(f"{short_id(w.id)}  {w.day.isoformat()}  {w.title}  ({kind_label(w.kind)})")
    return 0
