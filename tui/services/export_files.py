"""Exports for other programs: one CSV per kind of record (spreadsheets) and the upcoming
follow-ups as an iCalendar file (calendars)."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson

from ..core.clock import WEEKDAYS
from ..store import files
from .context import Rebound
from .transfer import export_data


# A reference column gets the referenced record's name beside it; wins refer to a goal, a contact
# a rejection or an application alike, so theirs are named for what they hold (subject_kind, subject_id, subject).
REFERENCES = {"goal_id": "goals", "contact_id": "contacts", "mood_id": "mood"}
SUBJECT_TABLES = {"goals": "goal", "contacts": "contact", "rejections": "rejection",
                  "applications": "application"}
WEEKDAY_FIELDS = {("goals", "weekdays"), ("settings", "week_start")}
# OWASP's CSV-injection advice: a text cell starting with one of these is a formula to a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_tables(rb: Rebound) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """table name → (header, rows). Year files of one kind join one table ("checkins")."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for tables in export_data(rb)["records"].values():
        for table, docs in tables.items():
            merged.setdefault(table, []).extend(docs)
    subjects = {d["id"]: (kind, _title(d)) for table, kind in SUBJECT_TABLES.items()
                for d in merged.get(table, ())}
    named = {t for t, docs in merged.items() if any(isinstance(d.get("name"), str) for d in docs)}
    result = {}
    for table, docs in sorted(merged.items()):
        header: list[str] = []
        for doc in docs:
            for key in doc:
                for column in _columns(table, key, doc, named):
                    if column not in header:
                        header.append(column)
        rows = [_row(table, doc, subjects, named) for doc in docs]
        result[table] = (header, rows)
    return result


def _title(doc: dict[str, Any]) -> str:
    """What a user calls a record: a goal's or contact's name, a rejection's company and role."""
    if isinstance(doc.get("name"), str):
        return str(doc["name"])
    return " · ".join(str(doc[k]) for k in ("company", "role") if isinstance(doc.get(k), str) and doc[k])


def _columns(table: str, key: str, doc: dict[str, Any], named: set[str]) -> list[str]:
    if table == "wins" and key == "goal_id":
        return ["subject_kind", "subject_id", "subject"]
    if table == "applications" and key == "contacts":
        return ["contacts", "contact_names"]
    name = key[: -len("_id")]
    if REFERENCES.get(key) in named and name not in doc:  # a rejection keeps its own "contact"
        return [key, name]
    return [key]


def _row(table: str, doc: dict[str, Any], subjects: dict[str, tuple[str, str]],
         named: set[str]) -> dict[str, str | int | float]:
    row: dict[str, str | int | float] = {}
    for key, value in doc.items():
        if table == "wins" and key == "goal_id":
            kind, title = subjects.get(value, ("", "")) if isinstance(value, str) else ("", "")
            row.update(subject_kind=kind, subject_id=_cell(value), subject=safe_text(title))
            continue
        if (table, key) in WEEKDAY_FIELDS:
            row[key] = _weekdays(value)
            continue
        if table == "applications" and key in ("history", "contacts"):
            row.update(_application_cells(key, value, subjects))
            continue
        row[key] = _cell(value)
        columns = _columns(table, key, doc, named)
        if len(columns) == 2:
            title = subjects.get(value, ("", ""))[1] if isinstance(value, str) else ""
            row[columns[1]] = safe_text(title)
    return row


def _application_cells(key: str, value: Any, subjects: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The stage history as "applied 2026-11-12; screen 2026-11-20"; contacts with their names."""
    if key == "history" and isinstance(value, list):
        return {key: safe_text("; ".join(" ".join(map(str, step)) if isinstance(step, list) else str(step)
                                         for step in value))}
    ids = value if isinstance(value, list) else []
    names = [subjects.get(i, ("", ""))[1] if isinstance(i, str) else "" for i in ids]
    return {key: _cell(value), "contact_names": safe_text(", ".join(n for n in names if n))}


def _weekdays(value: Any) -> str:
    days = value if isinstance(value, list) else [value]
    if all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days):
        return ",".join(WEEKDAYS[d] for d in sorted(days))
    return _cell(value)


def safe_text(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula (prefixed with ')."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str | int | float:
    """Numbers stay numbers (a negative count is data, not a formula); text is made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, list):
        return safe_text(",".join(str(_plain(v)) for v in value))
    if isinstance(value, dict):
        return safe_text(orjson.dumps(value).decode())
    return safe_text(str(value))


def _plain(value: Any) -> Any:
    return "" if value is None else ("true" if value is True else "false" if value is False else value)


def csv_bytes(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_csv(rb: Rebound, folder: Path) -> list[Path]:
    """Every table's file written beside its old copy first, then all renamed into place: a full
    disk leaves the previous export whole and no temporary file."""
    folder.mkdir(parents=True, exist_ok=True, mode=files.PRIVATE_FOLDER)  # private, as the data
    planned = [(folder / f"{table}.csv", csv_bytes(header, rows))
               for table, (header, rows) in csv_tables(rb).items()]
    temps: list[Path] = []
    try:
        for path, data in planned:
            temps.append(files.write_temp(path, data))
        for tmp, (path, _) in zip(temps, planned):
            os.replace(tmp, path)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    files.fsync_dir(folder)
    return [path for path, _ in planned]


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
