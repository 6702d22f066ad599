"""What a Rebound export must pass before anything of it is written: the limits the CLI and the
forms put on every field, one record per id, check-ins, skips and interactions of goals and
contacts that exist, and year files of a year Rebound could have written."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from ..core import applications as app_rules
from ..core import contacts as contact_rules
from ..core import mood as mood_rules
from ..core.counting import parse_counts
from ..core.errors import InputError
from ..core.goals import MAX_NAME, MAX_TARGET, clean_text
from ..core.wins import MAX_WIN
from .checkins import MAX_NOTE, MAX_STEP
from .days import EARLIEST

Found = dict[str, dict[str, list[dict[str, Any]]]]

# table -> field -> (what the message calls it, the limit, required): the same limits as typing it
TEXTS: dict[str, dict[str, tuple[str, int, bool]]] = {
    "goals": {"name": ("goal name", MAX_NAME, True)},
    "checkins": {"note": ("note", MAX_NOTE, False)},
    "rest_days": {"reason": ("reason", MAX_NOTE, False)},
    "contacts": {"name": ("contact name", contact_rules.MAX_NAME, True),
                 "company": ("company", contact_rules.MAX_FIELD, False),
                 "role": ("role", contact_rules.MAX_FIELD, False),
                 "met": ("how we met", contact_rules.MAX_FIELD, False),
                 "link": ("email or link", contact_rules.MAX_FIELD, False),
                 "notes": ("notes", contact_rules.MAX_NOTES, False)},
    "interactions": {"note": ("note", contact_rules.MAX_NOTE, False)},
    "mood": {"note": ("note", mood_rules.MAX_NOTE, False)},
    "rejections": {"company": ("company", mood_rules.MAX_FIELD, True),
                   "role": ("role", mood_rules.MAX_FIELD, False),
                   "stage": ("stage", mood_rules.MAX_FIELD, False),
                   "lesson": ("lesson", mood_rules.MAX_LESSON, False),
                   "contact": ("contact name", mood_rules.MAX_FIELD, False)},
    "wins": {"title": ("win", MAX_WIN, True)},
    "applications": {"company": ("company", app_rules.MAX_FIELD, True),
                     "role": ("role", app_rules.MAX_FIELD, True),
                     "source": ("source", app_rules.MAX_FIELD, False),
                     "link": ("link", app_rules.MAX_LINK, False),
                     "notes": ("notes", app_rules.MAX_NOTES, False),
                     "next_step": ("next step", app_rules.MAX_STEP, False)},
}
# table -> the rule for its tags (how many, how long each)
TAGS: dict[str, Callable[[list[str]], tuple[str, ...]]] = {
    "contacts": lambda tags: contact_rules.clean_tags(" ".join(tags)),
    "mood": mood_rules.parse_tags,
}
# table -> field -> (what, lowest, highest)
NUMBERS = {"checkins": {"count": ("count", -MAX_STEP, MAX_STEP)},
           "goals": {"target": ("target", 1, MAX_TARGET)},
           "contacts": {"cadence": ("cadence", 1, contact_rules.MAX_CADENCE)}}
# a reference that must lead to a record: table -> (field, table referred to, what it is)
REFERENCES = {"checkins": ("goal_id", "goals", "goal"), "skips": ("goal_id", "goals", "goal"),
              "interactions": ("contact_id", "contacts", "contact")}


def check_records(found: Found) -> None:
    """Every field within the limits of typing it (text cleaned the same way: trimmed, bidi
    controls dropped) and every id once per kind of record; InputError naming the record."""
    seen: set[tuple[str, str]] = set()
    for name, tables in found.items():
        for table, docs in tables.items():
            for doc in docs:
                key = (table, doc["id"])
                if key in seen:
                    raise InputError(f"the file holds two {table} records with the id {doc['id']!r} "
                                     f"(the second in {name}); nothing was imported")
                seen.add(key)
                _check_fields(table, doc)


def _check_fields(table: str, doc: dict[str, Any]) -> None:
    try:
        for field, (what, limit, required) in TEXTS.get(table, {}).items():
            if isinstance(doc.get(field), str):
                doc[field] = clean_text(doc[field], what=what, limit=limit, required=required)
        tags = doc.get("tags")
        if table in TAGS and isinstance(tags, list) and all(isinstance(t, str) for t in tags):
            doc["tags"] = list(TAGS[table](tags))
        for field, (what, low, high) in NUMBERS.get(table, {}).items():
            value = doc.get(field)
            if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
                raise InputError(f"{what} {value} is outside {low} to {high}")
        if table == "applications" and isinstance(doc.get("source"), str):
            doc["source"] = app_rules.check_source(doc["source"])
        if table == "goals" and isinstance(doc.get("counts"), str):  # what the goal counts
            doc["counts"] = parse_counts(doc["counts"])
    except InputError as exc:
        raise InputError(f"{_describe(table, doc)} is refused: {exc}; nothing was imported") from None


def _describe(table: str, doc: dict[str, Any]) -> str:
    label = next((doc[k] for k in ("name", "company", "title", "day") if isinstance(doc.get(k), str)), "")
    label = label if len(label) <= 40 else label[:37] + "..."
    return f"record {doc['id']!r} of {table}" + (f" ({label!r})" if label else "")


def check_links(found: Found, existing: dict[str, set[str]], today: date) -> None:
    """Year files of a year from EARLIEST to ``today``'s; every check-in, skip and interaction
    refers to a goal or contact of the file (or, ``existing``, of the data folder)."""
    for name in found:
        stem, _, year = name.rpartition("-")
        if stem and year.isdecimal() and not EARLIEST.year <= int(year) <= today.year:
            raise InputError(f"{name!r} is not a year Rebound could have written (from "
                             f"{EARLIEST.year} to {today.year}); nothing was imported")
    ids: dict[str, set[str]] = {t: set(existing.get(t, ())) for _, t, _ in REFERENCES.values()}
    for tables in found.values():
        for table in ids:
            ids[table].update(d["id"] for d in tables.get(table, ()))
    for tables in found.values():
        for doc in tables.get("applications", ()):  # a list of contacts, each one must exist
            contacts = doc.get("contacts", [])
            missing = [c for c in contacts if not isinstance(c, str) or c not in ids["contacts"]] if isinstance(contacts, list) else []
            if missing:
                raise InputError(f"{_describe('applications', doc)} names the contact {missing[0]!r}, "
                                 "which is neither in the file nor in the data folder; nothing was imported")
        for table, (field, target, what) in REFERENCES.items():
            for doc in tables.get(table, ()):
                if doc.get(field) not in ids[target]:
                    raise InputError(f"{_describe(table, doc)} belongs to the {what} "
                                     f"{doc.get(field)!r}, which is neither in the file nor in the "
                                     "data folder; nothing was imported")
