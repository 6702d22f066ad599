"""Export every record to one JSON document, and import it back (all or nothing).

The export is generic over the store's data files: ``records`` maps each data file's name (without
``.json``) to its tables, each a list of documents in stored order. A record kind added later is
exported and imported without any change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..core.errors import InputError
from ..store import records as store_records
from ..store import contacts as contact_repo
from ..store import repo, schema
from ..store.repo import SETTINGS_ID
from . import import_checks
from .context import Rebound

FORMAT = "rebound-export"
FILE_NAME = re.compile(r"^[a-z][a-z0-9_]*(-[0-9]{4})?$")  # "rebound", "checkins-2025", ...
SETTINGS_TABLE = "settings"


def data_file_names(rb: Rebound) -> list[str]:
    return rb.store.data_names()  # a folder or a pipe under a data file's name is refused by name


def export_data(rb: Rebound) -> dict[str, Any]:
    """Everything needed to rebuild the data folder, in a stable order."""
    result: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in data_file_names(rb):
        data = rb.store.file(name).read()
        tables = {
            table: [docs[key] for key in sorted(docs, key=int)]
            for table, docs in sorted(data.items())
            if table != schema.META and docs
        }
        if tables:
            result[name[: -len(".json")]] = tables
    return {"format": FORMAT, "schema": schema.SCHEMA_VERSION, "records": result}


def export_bytes(rb: Rebound) -> bytes:
    return orjson.dumps(export_data(rb), option=orjson.OPT_INDENT_2) + b"\n"


# Import -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Imported:
    added: int
    already: int  # records with an id already present (kept as they are, --merge)


def read_export(path: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The records of a Rebound export at ``path``, checked and migrated; refuses anything else."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        payload = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise InputError(f"{path} is not a Rebound export: it is not valid JSON") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise InputError(f'{path} is not a Rebound export (no "format": "{FORMAT}")')
    version = payload.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InputError(f"{path} has no valid schema version")
    if version > schema.SCHEMA_VERSION:
        raise InputError(
            f"{path} was written by a newer Rebound (schema {version}; this one knows up to "
            f"{schema.SCHEMA_VERSION}); upgrade Rebound to import it"
        )
    found = payload.get("records")
    if not isinstance(found, dict):
        raise InputError(f'{path} is not a Rebound export: "records" is not an object')
    result = {}
    for name, tables in found.items():
        problem = _file_problem(name, tables)
        if problem:
            raise InputError(f"{path} is damaged: {problem}; nothing was imported")
        result[name] = _migrated(tables, version)
    try:
        import_checks.check_records(result)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    return result


def _file_problem(name: object, tables: object) -> str | None:
    if not isinstance(name, str) or not FILE_NAME.match(name):
        return f"{name!r} is not a Rebound data file"
    if not isinstance(tables, dict):
        return f"{name} is not an object of tables"
    for table, docs in tables.items():
        if table == schema.META or not isinstance(docs, list):
            return f"{name}.{table} is not a list of records"
        for doc in docs:
            if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
                return f"{name}.{table} has a record without an id"
    return None


def _migrated(tables: dict[str, list[dict[str, Any]]], version: int) -> dict[str, list[dict[str, Any]]]:
    if version == schema.SCHEMA_VERSION:
        return tables
    data: schema.Tables = {t: {str(i + 1): d for i, d in enumerate(docs)} for t, docs in tables.items()}
    data[schema.META] = {"1": {"schema": version, "kind": "import"}}
    data = schema.migrate(data)
    return {t: list(docs.values()) for t, docs in data.items() if t != schema.META}


def is_empty(rb: Rebound) -> bool:
    """No records at all, settings apart (opening the app may save a theme)."""
    for name in data_file_names(rb):
        for table, docs in rb.store.file(name).read().items():
            if table not in (schema.META, SETTINGS_TABLE) and docs:
                return False
    return True


def import_records(
    rb: Rebound, found: dict[str, dict[str, list[dict[str, Any]]]], *, merge: bool = False
) -> Imported:
    """Put every record in one undoable change. With ``merge``, records whose id is already
    present are kept as they are; without it, the data folder must be empty."""
    store = rb.store
    added = already = 0
    with rb.change("import"):
        if not merge and not is_empty(rb):
            raise InputError(
                f"the data folder {store.folder} already holds data; "
                "use --merge to add to it, or import into an empty folder"
            )
        existing = {"goals": {g.id for g in repo.goals(store, include_archived=True)},
                    "contacts": {c.id for c in contact_repo.contacts(store)}}
        import_checks.check_links(found, existing, rb.today())
        for name, tables in found.items():
            file = f"{name}.json"
            for table, docs in tables.items():
                present = {d.get("id") for d in store.file(file).read().get(table, {}).values()}
                new = []
                for doc in docs:
                    if doc["id"] not in present:
                        new.append(doc)
                    elif merge or doc["id"] != SETTINGS_ID:
                        already += 1
                    else:  # an empty folder's settings (a theme saved on opening) give way
                        store_records.put(store, file, table, doc, keep_stamp=True)
                        added += 1
                store_records.insert_all(store, file, table, new)
                added += len(new)
        _check_readable(rb, [f"{name}.json" for name in found])
    return Imported(added, already)


def _check_readable(rb: Rebound, names: list[str]) -> None:
    """Read everything back inside the transaction: a record this Rebound cannot understand
    rolls the whole import back instead of breaking the data folder."""
    from . import contacts, status

    for name in names:  # the same checks a file gets when it is read from disk
        problem = schema.record_problem(rb.store.file(name).read())
        if problem:
            raise InputError(
                f"the file holds records this Rebound cannot read ({name}: {problem}); "
                "nothing was imported"
            )
    try:
        status.status(rb)
        contacts.contact_views(rb)
        export_data(rb)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(
            f"the file holds records this Rebound cannot read ({type(exc).__name__}: {exc}); "
            "nothing was imported"
        ) from None
