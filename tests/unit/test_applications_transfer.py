"""Applications travel with the data: one applications.csv with safe text cells, JSON export and
import (with --merge), and the import checks refuse what typing them would."""

from __future__ import annotations

import copy
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.services import Rebound, transfer
from tui.services import applications as apps
from tui.services.export_files import csv_tables

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)


def open_rb(folder: Path) -> Rebound:
    return Rebound.open(folder, lambda: NOW)


@pytest.fixture
def source(tmp_path: Path) -> Rebound:
    rb = open_rb(tmp_path / "source")
    first = apps.add_application(rb, apps.AppFields("=Northwind", "Data analyst", source="referral",
                                                    contacts=("Ada",)), date(2026, 11, 12)).id
    apps.move_application(rb, first, "screen", date(2026, 11, 20))
    apps.add_application(rb, apps.AppFields("Initech", "Analyst"), date(2025, 12, 1))
    return rb


def test_one_csv_table_with_the_history_and_contact_names(source: Rebound) -> None:
    header, rows = csv_tables(source)["applications"]
    assert {"company", "role", "history", "contacts", "contact_names"} <= set(header)
    north = next(r for r in rows if "Northwind" in str(r["company"]))
    assert north["company"] == "'=Northwind"  # a formula start is neutralised
    assert north["history"] == "applied 2026-11-12; screen 2026-11-20"
    assert north["contact_names"] == "Ada"
    assert len(rows) == 2  # both year files join one table


def test_export_import_and_merge_reproduce_the_applications(source: Rebound, tmp_path: Path) -> None:
    found = transfer.read_export(_write(source, tmp_path))
    target = open_rb(tmp_path / "target")
    transfer.import_records(target, found)
    assert apps.applications(target) == apps.applications(source)
    again = transfer.import_records(target, transfer.read_export(_write(source, tmp_path)), merge=True)
    assert again.added == 0 and len(apps.applications(target)) == 2


@pytest.mark.parametrize("field, value, message", [
    ("company", " ", "company cannot be empty"),
    ("link", "https://x/\x1b]8;;", "link cannot contain control characters"),
    ("source", "carrier pigeon", "unknown source"),
    ("contacts", ["no-such-contact"], "names the contact 'no-such-contact'"),
])
def test_import_refuses_a_bad_application(source: Rebound, tmp_path: Path, field, value, message) -> None:
    payload = transfer.export_data(source)
    bad = copy.deepcopy(payload)
    bad["records"]["applications-2026"]["applications"][0][field] = value
    path = tmp_path / "bad.json"
    import orjson

    path.write_bytes(orjson.dumps(bad))
    target = open_rb(tmp_path / "target")
    with pytest.raises(InputError, match=message):
        transfer.import_records(target, transfer.read_export(path))
    assert apps.applications(target) == []


def _write(rb: Rebound, tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    path.write_bytes(transfer.export_bytes(rb))
    return path
