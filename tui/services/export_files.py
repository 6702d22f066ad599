"""Exports for other programs: one CSV per kind of record (spreadsheets) and the upcoming
follow-ups as an iCalendar file (calendars)."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson

from .context import Rebound
from .transfer import export_data


def csv_tables(rb: Rebound) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """table name → (header, rows). Year files of one kind join one table ("checkins")."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for tables in export_data(rb)["records"].values():
        for table, docs in tables.items():
            merged.setdefault(table, []).extend(docs)
    names = {d["id"]: d["name"] for docs in merged.values() for d in docs
             if isinstance(d.get("name"), str)}
    result = {}
    for table, docs in sorted(merged.items()):
        header: list[str] = []
        for doc in docs:
            for key in doc:
                if key not in header:
                    header.append(key)
                    if key.endswith("_id"):  # a readable name beside each reference
                        header.append(key[: -len("_id")])
        rows = []
        for doc in docs:
            row = {key: _cell(value) for key, value in doc.items()}
            for key, value in doc.items():
                if key.endswith("_id"):
                    row[key[: -len("_id")]] = names.get(value, "") if isinstance(value, str) else ""
            rows.append(row)
        result[table] = (header, rows)
    return result


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return str(value)


def write_csv(rb: Rebound, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (header, rows) in csv_tables(rb).items():
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, restval="")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


def followups_ics(rb: Rebound) -> bytes:
    """Every contact's next follow-up (overdue ones included: they are still to do) as an
    all-day event naming the contact and the last note."""
    from icalendar import Calendar, Event

    from .contacts import contact_views

    cal = Calendar()
    cal.add("prodid", "-//Rebound//rebound-tui//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Rebound follow-ups")
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for view in contact_views(rb):
        if view.next is None:
            continue
        contact = view.contact
        event = Event()
        event.add("uid", f"followup-{contact.id}@rebound")
        event.add("dtstamp", stamp)
        event.add("dtstart", view.next)
        event.add("dtend", view.next + timedelta(days=1))
        event.add("summary", f"Follow up with {contact.name}")
        lines = [" · ".join(p for p in (contact.role, contact.company) if p)]
        if view.last is not None:
            note = view.last.note or "(no note)"
            lines.append(f"Last contact {view.last.day.isoformat()} ({view.last.kind}): {note}")
        event.add("description", "\n".join(line for line in lines if line))
        cal.add_component(event)
    return cal.to_ical()
