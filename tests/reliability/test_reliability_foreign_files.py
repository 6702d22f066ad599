"""Broken and foreign files, through the CLI (in process) and the app (Pilot).

Truncated JSON, valid JSON of the wrong shape, a newer schema version, and hand edits inside an
otherwise valid file (a bad date, a negative or non-integer count, a score out of range): each is
refused with exit 3 and one stderr line naming the file and the problem, and no file changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.app import ReboundApp
from tui.cli.main import main
from tui.core.goals import CheckIn, Goal
from tui.services import Rebound
from tui.store import CorruptFileError, NewerSchemaError, Store, repo

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    for args in (
        ("goal", "add", "Apply"), ("log", "Apply", "2"), ("mood", "3", "--note", "fine"),
        ("contact", "add", "Friend"), ("contact", "log", "Friend"), ("win", "Sent it"),
    ):
        code, _, err = cli(capsys, folder, *args)
        assert code == 0, (args, err)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".rebound.lock"}


def the_file(folder: Path, prefix: str) -> Path:
    pattern = prefix if prefix.endswith(".json") else f"{prefix}*.json"
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def edit_record(table: str, field: str, value: Any) -> Callable[[bytes], bytes]:
    def edit(raw: bytes) -> bytes:
        data = orjson.loads(raw)
        first = next(iter(data[table].values()))
        first[field] = value
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)

    return edit


def newer_schema(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    data["_meta"]["1"]["schema"] = 99
    return orjson.dumps(data)


# (file prefix, edit, a word the message must contain)
BROKEN: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    "truncated main file": ("rebound.json", lambda raw: raw[: len(raw) // 2], "not valid JSON"),
    "main file is a list": ("rebound.json", lambda raw: b"[1, 2, 3]\n", "not a JSON object"),
    "newer schema": ("rebound.json", newer_schema, "newer Rebound"),
    "goal start 2026-13-45": ("rebound.json", edit_record("goals", "start", "2026-13-45"), "2026-13-45"),
    "goal target text": ("rebound.json", edit_record("goals", "target", "two"), "'two'"),
    "goal without a name": ("rebound.json", lambda raw: raw.replace(b'"name"', b'"nom"', 1), "'name'"),
    "day start hour 99": ("rebound.json",
                          lambda raw: raw.replace(b'"goals"', b'"settings":{"1":{"id":"settings",'
                                                  b'"day_start_hour":99}},"goals"', 1), "99"),
    "check-in day 2026-13-45": ("checkins-", edit_record("checkins", "day", "2026-13-45"), "2026-13-45"),
    "check-in day not ISO": ("checkins-", edit_record("checkins", "day", "26/11/2026"), "26/11/2026"),
    "negative count": ("checkins-", edit_record("checkins", "count", -5), "below zero"),
    "NaN count": ("checkins-", lambda raw: raw.replace(b'"count": 2', b'"count": NaN'), "not valid JSON"),
    "count as text": ("checkins-", edit_record("checkins", "count", "2"), "'2'"),
    "fractional count": ("checkins-", edit_record("checkins", "count", 1.5), "1.5"),
    "count true": ("checkins-", edit_record("checkins", "count", True), "True"),
    "truncated check-ins": ("checkins-", lambda raw: raw[:-7], "not valid JSON"),
    "mood score 9": ("mood-", edit_record("mood", "score", 9), "score"),
    "mood day empty": ("mood-", edit_record("mood", "day", ""), "'day'"),
    "contact added 2026-02-30": ("contacts.json", edit_record("contacts", "added", "2026-02-30"), "2026-02-30"),
    "contact follow-up word": ("contacts.json", edit_record("contacts", "follow_up", "tomorrow"), "tomorrow"),
    "interaction day": ("interactions-", edit_record("interactions", "day", "2026-13-45"), "2026-13-45"),
    "win day number": ("wins-", edit_record("wins", "day", 20261126), "20261126"),
    "wins table is a list": ("wins-", lambda raw: b'{"wins": [], "_meta": {"1": {"schema": 1}}}',
                             "not a JSON object"),
}

COMMANDS = [
    ("export",),  # reads every file
    ("log", "Apply"),
    ("mood", "4"),
    ("contact", "log", "Friend"),
    ("win", "Another"),
]


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_cli_refuses_a_broken_file_naming_it_and_the_problem(case: str, data: Path, capsys) -> None:
    prefix, edit, word = BROKEN[case]
    path = the_file(data, prefix)
    broken = edit(path.read_bytes())
    assert broken != path.read_bytes()
    path.write_bytes(broken)
    before = snapshot(data)
    refused = 0
    for args in COMMANDS:
        code, out, err = cli(capsys, data, *args)
        if args[0] in ("log", "mood", "contact", "win") and prefix not in _files_read_by(args):
            # a change that never touches the broken file may go ahead; the broken file stays
            assert code in (0, 3), (args, err)
            before = snapshot(data) if code == 0 else before
            continue
        assert code == 3, (case, args, code, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err, err
        assert str(path) in lines[0], lines[0]
        assert word in lines[0], lines[0]
        refused += 1
        assert snapshot(data) == before, (case, args)
    assert refused >= 1
    assert path.read_bytes() == broken  # never overwritten


def _files_read_by(args: tuple[str, ...]) -> str:
    """The file prefixes a change is sure to read (the rest it may or may not read)."""
    return {
        "log": "rebound.json checkins- wins-",
        "mood": "mood- wins- rebound.json",
        "contact": "contacts.json interactions- wins- rebound.json",
        "win": "wins- rebound.json",
    }[args[0]]


@pytest.mark.parametrize(
    "table, field, value",
    [("checkins", "day", "2026-13-45"), ("checkins", "count", "x"), ("checkins", "count", -1)],
)
def test_store_raises_corrupt_file_error_not_a_raw_value_error(tmp_path: Path, table, field, value) -> None:
    store = Store.open(tmp_path, today=lambda: date(2026, 5, 1))
    goal = Goal(repo.new_id(), "Apply", date(2026, 1, 1))
    repo.insert_goal(store, goal)
    repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, date(2026, 5, 1), 1))
    path = tmp_path / "checkins-2026.json"
    path.write_bytes(edit_record(table, field, value)(path.read_bytes()))
    broken = path.read_bytes()
    fresh = Store.open(tmp_path, today=lambda: date(2026, 5, 1))
    for read in (repo.checkins, repo.daily_counts, lambda s: repo.day_count(s, goal.id, date(2026, 5, 1))):
        with pytest.raises(CorruptFileError) as caught:
            read(fresh)
        assert caught.value.path == path and str(path) in str(caught.value)
    with pytest.raises(CorruptFileError):
        repo.insert_checkin(fresh, CheckIn(repo.new_id(), goal.id, date(2026, 5, 1), 1))
    assert path.read_bytes() == broken


def test_newer_schema_is_refused_by_the_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path, today=lambda: date(2026, 5, 1))
    repo.insert_goal(store, Goal(repo.new_id(), "Apply", date(2026, 1, 1)))
    path = tmp_path / "rebound.json"
    path.write_bytes(newer_schema(path.read_bytes()))
    with pytest.raises(NewerSchemaError) as caught:
        repo.goals(Store.open(tmp_path))
    assert str(path) in str(caught.value)


FROZEN = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("case", ["check-in day 2026-13-45", "negative count", "truncated check-ins"])
async def test_app_reports_a_file_broken_while_it_runs_and_keeps_it(tmp_path: Path, case: str) -> None:
    rb = Rebound.open(tmp_path / "data", now=lambda: FROZEN)
    from tui.services import checkins, goals

    goal = goals.add_goal(rb, "Apply", target=3)
    checkins.log(rb, goal.id, 2)
    path = the_file(tmp_path / "data", "checkins-")
    app = ReboundApp(rb, poll_seconds=3600)
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        await pilot.pause()
        for _ in range(100):  # the read-ahead done: it may write its cache (.summaries.json) later
            if not app._unprepared:
                break
            await pilot.pause(0.05)
        assert not app._unprepared
        prefix, edit, word = BROKEN[case]
        broken = edit(path.read_bytes())
        path.write_bytes(broken)  # a hand edit in another window while the app runs
        before = snapshot(tmp_path / "data")
        await pilot.press("plus")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(path) in m and word in m for m in messages), messages
        assert snapshot(tmp_path / "data") == before
        assert path.read_bytes() == broken
