"""Two terminals and a script at once: the app open twice (two ``python -m tui`` in pseudo-terminals)
while ``rebound log`` and ``rebound contact log`` run from a script, all changing the same goal and
the same contact.

No update is lost (the counts on disk are the sum of every change made), no id is used twice, a
change made from a stale screen adds to the newest data instead of overwriting it, and each open
app shows every other process's change within 2 s of that process's write returning.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.store import Store, repo
from tui.store import contacts as contacts_repo

pytest.importorskip("pexpect", reason="pexpect is in the [test] extra")
from pty_terminal import ENTER, GOAL, Terminal, environment, row_shows, run_cli  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TARGET = 100
CONTACT = "Priya"
SHOWN_WITHIN = 2.0  # seconds: product.md §5
GOAL_ROUNDS, CONTACT_ROUNDS = 3, 2


def interactions_shown(count: int) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        return f"Interactions ({count})" in text

    check.__name__ = f"Interactions ({count})"
    return check


class Session:
    """Two open apps and a script on one data folder; counts the changes and the latencies."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env, self.cwd = env, cwd
        self.apps: dict[str, Terminal] = {}
        self.latencies: list[float] = []
        self.ticks = self.logs = 0
        self.notes: list[str] = []
        self.cli_runs = 0

    def start(self, name: str) -> Terminal:
        self.apps[name] = Terminal(self.env, self.cwd)
        return self.apps[name]

    def cli(self, *args: str) -> None:
        run_cli(self.env, self.cwd, *args)
        self.cli_runs += 1

    def others(self, name: str) -> list[Terminal]:
        return [app for key, app in self.apps.items() if key != name]

    def seen_by(self, apps: list[Terminal], check: Callable[[str], bool]) -> None:
        """Each app in ``apps`` shows ``check`` within 2 s of now (the write has returned)."""
        written = time.monotonic()
        for app in apps:
            rest = [a for a in self.apps.values() if a is not app]
            app.wait_for(check, timeout=SHOWN_WITHIN - (time.monotonic() - written), also=rest)
            self.latencies.append(time.monotonic() - written)

    def wait_own(self, name: str, check: Callable[[str], bool]) -> None:
        """The app that made the change shows it: its write has returned."""
        self.apps[name].wait_for(check, also=self.others(name))


def test_two_apps_and_a_script_lose_nothing_and_see_each_other(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    s = Session(environment(data, home), tmp_path)
    s.cli("goal", "add", GOAL, "--target", str(TARGET))
    s.cli("contact", "add", CONTACT)
    started = time.monotonic()
    try:
        for name in ("A", "B"):
            s.start(name)
        for name, app in s.apps.items():
            app.wait_for(row_shows(GOAL, f"0/{TARGET}"), also=s.others(name))

        for _ in range(GOAL_ROUNDS):
            for name in ("A", "B"):  # a bump in one app shows in the other
                s.apps[name].press("+")
                s.ticks += 1
                s.wait_own(name, row_shows(GOAL, f"{s.ticks}/{TARGET}"))
                s.seen_by(s.others(name), row_shows(GOAL, f"{s.ticks}/{TARGET}"))
            s.cli("log", GOAL)  # the script: both apps show it
            s.ticks += 1
            s.seen_by(list(s.apps.values()), row_shows(GOAL, f"{s.ticks}/{TARGET}"))
            s.cli("log", "send", "2")  # then A bumps at once, from a screen that has not seen it
            s.apps["A"].press("+")
            s.ticks += 3
            s.wait_own("A", row_shows(GOAL, f"{s.ticks}/{TARGET}"))  # no stale overwrite
            s.seen_by(s.others("A"), row_shows(GOAL, f"{s.ticks}/{TARGET}"))

        for name, app in s.apps.items():
            app.press("3")
            app.wait_for(interactions_shown(0), also=s.others(name))
        for round_ in range(CONTACT_ROUNDS):
            for name in ("A", "B"):  # an interaction logged in one app shows in the other
                note = f"from app {name} #{round_}"
                s.apps[name].press("l")
                s.wait_own(name, f"Log an interaction with {CONTACT}")
                s.apps[name].press("\t", note, ENTER)  # kind "message", day "today" are filled in
                s.notes.append(note)
                s.wait_own(name, interactions_shown(len(s.notes)))
                s.seen_by(s.others(name), interactions_shown(len(s.notes)))
            note = f"from the script #{round_}"
            s.cli("contact", "log", CONTACT.lower(), "--kind", "call", "--note", note)
            s.notes.append(note)
            s.seen_by(list(s.apps.values()), interactions_shown(len(s.notes)))

        for name, app in s.apps.items():
            app.press("q")
            assert app.wait_for_exit() == 0, f"app {name} did not exit cleanly"
    finally:
        for app in s.apps.values():
            app.kill()
    elapsed = time.monotonic() - started

    store = Store.open(data)
    goal = next(g for g in repo.goals(store) if g.name == GOAL)
    checkins = [c for c in repo.checkins(store) if c.goal_id == goal.id]
    assert sum(c.count for c in checkins) == s.ticks, "an update was lost"
    contact = next(c for c in contacts_repo.contacts(store) if c.name == CONTACT)
    interactions = [i for i in contacts_repo.interactions(store) if i.contact_id == contact.id]
    assert sorted(i.note for i in interactions) == sorted(s.notes), "an interaction was lost"
    for what, ids in (("check-in", [c.id for c in repo.checkins(store)]),
                      ("interaction", [i.id for i in contacts_repo.interactions(store)]),
                      ("goal", [g.id for g in repo.goals(store)])):
        assert len(ids) == len(set(ids)), f"a {what} id was used twice"
    assert max(s.latencies) <= SHOWN_WITHIN
    print(f"\ntwo writers: 3 processes at once (2 apps + script, {s.cli_runs} script runs); "
          f"{s.ticks} ticks on one goal in {len(checkins)} check-ins, {len(s.notes)} interactions "
          f"on one contact; {len(s.latencies)} cross-process sightings, max latency "
          f"{max(s.latencies):.2f} s, median {sorted(s.latencies)[len(s.latencies) // 2]:.2f} s; "
          f"{elapsed:.1f} s; failures 0")
