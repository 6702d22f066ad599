"""The benchmark's seeded "busy years" generator (``tui.demo.generate_history``): same seed and
clock, same files; and the shape product.md §6 promises. No timing here: benchmarks are not tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.demo import generate_history
from tui.services import Rebound
from tui.services.wins import reconcile
from tui.store import repo
from tui.store import wins as wins_repo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


def generated(folder: Path, seed: int = 1800) -> tuple[Rebound, dict[str, bytes]]:
    rb = Rebound.open(folder, now=lambda: NOW)
    generate_history(rb, years=1, seed=seed)
    files = {p.name: p.read_bytes() for p in sorted(folder.glob("*.json")) if not p.name.startswith(".")}
    return rb, files


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    _, first = generated(tmp_path / "a")
    _, second = generated(tmp_path / "b")
    _, other = generated(tmp_path / "c", seed=1)
    assert first == second
    assert first != other


def test_shape_twelve_goals_most_days_and_the_wins_they_earned(tmp_path: Path) -> None:
    rb, _ = generated(tmp_path)
    goals = repo.goals(rb.store)
    assert len(goals) == 12
    assert sum(not g.is_weekly for g in goals) == 8
    assert sum(g.is_weekly for g in goals) == 4
    today = rb.today()
    days = {c.day for c in repo.checkins(rb.store)}
    span = (today - min(g.start for g in goals)).days
    assert span >= 365
    assert len(days) >= 0.8 * span  # check-ins on most days
    assert repo.rest_days(rb.store) and repo.skips(rb.store)

    stored = sorted(w.key for w in wins_repo.wins(rb.store))
    assert stored
    every_day = [today - timedelta(days=i) for i in range(span + 1)]
    with rb.change("check"):
        assert reconcile(rb, None, every_day) == []  # nothing left to award...
    assert sorted(w.key for w in wins_repo.wins(rb.store)) == stored  # ...or to take back


def test_moods_and_rejections_with_the_wins_they_earned(tmp_path: Path) -> None:
    from tui.services import mood
    from tui.services.mood import sync_bounce_backs, _sync_reflection

    rb, _ = generated(tmp_path)
    entries, rejections = mood.entries(rb), mood.rejections(rb)
    days = {e.day for e in entries}
    assert 2 * len(days) <= len(entries) <= 4 * len(days)  # about 3 a day
    assert 50 <= len(rejections) <= 400
    assert all(r.mood_id in {e.id for e in entries} for r in rejections)
    stored = sorted(w.key for w in wins_repo.wins(rb.store))
    assert any(k.startswith("bounce_back:") for k in stored)
    assert any(k.startswith("reflected:") for k in stored)
    with rb.change("check"):  # the services would award exactly these
        for day in sorted(days)[::7]:
            assert sync_bounce_backs(rb, day) == []
        for rejection in rejections:
            assert _sync_reflection(rb, rejection) == []
    assert sorted(w.key for w in wins_repo.wins(rb.store)) == stored


def test_contacts_share_is_what_the_app_would_have_made(tmp_path: Path) -> None:
    from tui.demo.contacts import generate_contacts
    from tui.services.contacts import reconcile_contacts
    from tui.store import contacts as contacts_repo

    rb = Rebound.open(tmp_path, now=lambda: NOW)
    counts = generate_contacts(rb, contacts=40, interactions=400, years=1, seed=3)
    assert counts["contacts"] == len(contacts_repo.contacts(rb.store)) == 40
    assert len(contacts_repo.interactions(rb.store)) == 400
    before = {w.key for w in wins_repo.wins(rb.store)}
    assert len(before) == counts["contact_wins"] > 0
    with rb.change("check"):
        assert reconcile_contacts(rb) == []  # the stored wins already are what the data earns
    assert {w.key for w in wins_repo.wins(rb.store)} == before


def test_applications_share_400_a_year_mostly_closed(tmp_path: Path) -> None:
    from tui.services import applications as apps

    rb, files = generated(tmp_path)
    found = apps.applications(rb)  # read back through the load checks
    assert 380 <= len(found) <= 420
    assert any(name.startswith("applications-") for name in files)
    old = [a for a in found if (rb.today() - a.applied).days > 60]
    assert sum(a.is_open for a in old) <= 0.1 * len(old)  # nearly all old ones are closed
    assert 0 < len(apps.quiet(rb)) < 100
    assert {"offer", "accepted", "rejected", "ghosted"} <= {s for a in found for s, _ in a.history}
    assert all(a.history == tuple(sorted(a.history, key=lambda step: step[1])) for a in found)
