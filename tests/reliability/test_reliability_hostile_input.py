"""Hostile input through every CLI argument, in process (``tui.cli.main.main``) on a temp folder.

For any input: exit 0 and a faithful save (read back equal), or exit 1 with one stderr line (exit 2
for what argparse itself refuses, e.g. a count that is not a number); never a traceback, never a
raw escape sequence echoed, and on any refusal every data file is byte-for-byte unchanged.
Also: a goal name holding Rich markup and an escape sequence is drawn literally by the app.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.app import ReboundApp
from tui.cli.main import main
from tui.services import Rebound
from tui.services import goals as goal_service
from tui.store import Store, repo
from tui.store import contacts as contacts_repo
from tui.store import mood as mood_repo
from tui.store import wins as wins_repo

from hostile_strings import counts, days, saved_as, snapshot, texts
from screen_text import screen_text

EXAMPLES = 150
FIGURES: Counter[str] = Counter()
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    for args in (["goal", "add", "Apply", "--target", "3"], ["contact", "add", "Friend"]):
        assert run(folder, args)[0] == 0
    return folder


def run(folder: Path, args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(["--data-dir", str(folder), *args])
        except SystemExit as exc:  # argparse's own refusals
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def attempt(template: Path, args: list[str], saved) -> None:  # type: ignore[no-untyped-def]
    """Run ``args`` on a fresh copy of the template; judge the outcome; ``saved(store)`` checks
    the faithful save after exit 0."""
    work = Path(tempfile.mkdtemp(prefix="rebound-hostile-"))
    try:
        folder = work / "data"
        shutil.copytree(template, folder)
        before = snapshot(folder)
        code, out, err = run(folder, args)
        FIGURES["inputs tried"] += 1
        assert "Traceback" not in err and "\x1b" not in out + err, (args, err)
        if code == 0:
            FIGURES["saved"] += 1
            saved(Store.open(folder))
        else:
            FIGURES[f"refused (exit {code})"] += 1
            assert code in (1, 2), (args, code, err)
            if code == 1:
                lines = err.strip().splitlines()
                assert len(lines) == 1 and lines[0].startswith("rebound: "), (args, err)
            assert snapshot(folder) == before, f"a refused change wrote something: {args!r}"
    finally:
        shutil.rmtree(work, ignore_errors=True)


def one(items: list, what: str):  # type: ignore[no-untyped-def]
    assert len(items) == 1, (what, items)
    return items[0]


@settings(SETTINGS)
@given(name=texts, target=counts)
@example(name="🎉 emoji 👩‍💻", target="2").via("emoji is welcome")
@example(name=" مرحبا بالعالم ", target="10000").via("RTL text, trimmed")
@example(name="[b]x[/b]", target="1").via("markup is plain text")
@example(name="\u202eexe.gpj \u2067x\u2069", target="1").via("bidi controls dropped")
def test_goal_add(template: Path, name: str, target: str) -> None:
    def saved(store: Store) -> None:
        goal = one([g for g in repo.goals(store) if g.name != "Apply"], "new goal")
        assert goal.name == saved_as(name) and goal.target == int(target)

    attempt(template, ["goal", "add", "--target", target, "--", name], saved)


@settings(SETTINGS)
@given(count=counts, note=texts, day=days)
@example(count="3", note="שלום 🎉", day="yesterday").via("RTL note")
@example(count="10000", note="n" * 500, day="").via("the longest note")
def test_log(template: Path, count: str, note: str, day: str) -> None:
    def saved(store: Store) -> None:
        checkin = one(repo.checkins(store), "check-in")
        assert checkin.count == int(count) and checkin.note == saved_as(note)

    attempt(template, ["log", f"--note={note}", f"--date={day}", "--", "Apply", count], saved)


@settings(SETTINGS)
@given(score=counts | texts, tags=texts, note=texts, day=days)
@example(score="4", tags="interview, 🎉", note="ok", day="today").via("emoji tag")
def test_mood(template: Path, score: str, tags: str, note: str, day: str) -> None:
    def saved(store: Store) -> None:
        entry = one(mood_repo.entries(store), "mood entry")
        assert entry.score == int(score.strip()) and entry.note == saved_as(note)
        assert all(tag and tag in tags.casefold() for tag in entry.tags)

    attempt(template, ["mood", f"--tags={tags}", f"--note={note}", f"--date={day}", "--", score], saved)


@settings(SETTINGS)
@given(name=texts, company=texts, every=counts)
@example(name="Zoë 🤝", company="Ünïcode", every="14").via("a contact with a cadence")
@example(name="\u202eevil\u202c", company="\u200fשלום", every="7").via("bidi controls dropped")
def test_contact_add(template: Path, name: str, company: str, every: str) -> None:
    def saved(store: Store) -> None:
        contact = one([c for c in contacts_repo.contacts(store) if c.name != "Friend"], "contact")
        assert contact.name == saved_as(name) and contact.company == saved_as(company)
        assert contact.cadence == int(every)

    attempt(template, ["contact", "add", f"--company={company}", f"--every={every}", "--", name], saved)


@settings(SETTINGS)
@given(kind=st.sampled_from(["message", "call", "coffee", "", "CALL", "\x1b[2J", "sms"]) | texts,
       note=texts, day=days, who=st.sampled_from(["Friend", "friend", "Fri", "Nobody"]) | texts)
@example(kind="call", note="שלום", day="yesterday", who="friend").via("RTL note")
def test_contact_log(template: Path, kind: str, note: str, day: str, who: str) -> None:
    def saved(store: Store) -> None:
        item = one(contacts_repo.interactions(store), "interaction")
        assert item.note == saved_as(note)

    attempt(template, ["contact", "log", f"--kind={kind}", f"--note={note}", f"--date={day}", "--", who],
            saved)


@settings(SETTINGS)
@given(text=texts, day=days)
@example(text="مرحبا 🎉", day="today").via("RTL win")
def test_win(template: Path, text: str, day: str) -> None:
    def saved(store: Store) -> None:
        win = one(wins_repo.wins(store), "win")
        assert win.title == saved_as(text)

    attempt(template, ["win", f"--date={day}", "--", text], saved)


@settings(SETTINGS)
@given(reason=texts, day=days, skip=st.booleans(), goal=st.sampled_from(["Apply", "app", "Zzz"]) | texts)
@example(reason="sick 🤒", day="yesterday", skip=False, goal="Apply").via("a rest day")
@example(reason="", day="today", skip=True, goal="apply").via("a skip")
def test_rest_and_skip(template: Path, reason: str, day: str, skip: bool, goal: str) -> None:
    def saved(store: Store) -> None:
        if skip:
            assert len(repo.skips(store)) == 1
        else:
            assert one(repo.rest_days(store), "rest day").reason == saved_as(reason)

    args = ["skip", f"--date={day}", "--", goal] if skip else ["rest", f"--date={day}", f"--reason={reason}"]
    attempt(template, args, saved)


FROZEN = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


async def test_markup_in_a_goal_name_is_drawn_literally(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path / "data", now=lambda: FROZEN)
    goal_service.add_goal(rb, "[b]x[/b] [red]r[/red]")
    goal_service.add_goal(rb, "[link=http://e]L[/link]")
    app = ReboundApp(rb, poll_seconds=3600)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[b]x[/b] [red]r[/red]" in text and "[link=http://e]L[/link]" in text
        assert "\x1b" not in text


def test_a_goal_name_with_an_escape_sequence_cannot_be_typed(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "data", ["goal", "add", "[b]x[/b] \x1b[31mred"])
    assert code == 1 and "control characters" in err and "\x1b" not in err


def test_an_escape_sequence_put_in_a_file_by_hand_is_refused_not_drawn(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run(folder, ["goal", "add", "Apply"])[0] == 0
    path = folder / "rebound.json"
    broken = path.read_bytes().replace(b'"Apply"', b'"[b]x[/b] \\u001b[31mred\\u001b]0;pwned\\u0007"')
    path.write_bytes(broken)
    for args in (["status"], ["goal", "list"], []):  # [] opens the app: refused before drawing
        code, out, err = run(folder, args)
        assert code == 3 and str(path) in err and "control characters" in err, (args, err)
        assert "\x1b" not in out + err
    assert path.read_bytes() == broken


def test_an_import_carrying_an_escape_sequence_is_refused_whole(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    assert run(source, ["goal", "add", "Apply"])[0] == 0
    assert run(source, ["log", "Apply"])[0] == 0
    export = tmp_path / "export.json"
    assert run(source, ["export", "--out", str(export)])[0] == 0
    export.write_bytes(export.read_bytes().replace(b'"Apply"', b'"Apply\\u001b[2J"'))
    code, out, err = run(target, ["import", str(export)])
    assert code == 1 and "control characters" in err and "nothing was imported" in err, err
    assert [p.name for p in target.glob("*.json")] in ([], ["rebound.json"])
    assert Store.open(target).file("rebound.json").read().get("goals", {}) == {}


def test_zz_print_figures() -> None:
    print(f"\nhostile input: {dict(FIGURES)}; failures 0")
