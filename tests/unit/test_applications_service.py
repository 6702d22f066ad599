"""Application use cases: stored a year a file, refused input writes nothing, every move undoable,
the pipeline's follow-ups (each switchable), finding by company, status counts."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import applications as apps
from tui.services import contacts as cs
from tui.services import mood
from tui.services.settings import Pipeline, pipeline, save_pipeline
from tui.services.status import status
from tui.services.undo import undo
from tui.store.errors import CorruptFileError

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 12, 4)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def add(rb: Rebound, company: str = "Northwind", role: str = "Data analyst", day: date | None = None,
        **kw) -> str:
    return apps.add_application(rb, apps.AppFields(company, role, **kw), day).id


def contact(rb: Rebound, name: str):
    return cs.find_contact(rb, name)


def test_stored_by_year_applied_and_read_back(rb: Rebound, tmp_path: Path) -> None:
    first = add(rb, day=date(2025, 12, 30), link="https://example.com/1", source="Job board")
    add(rb, "Initech", "Analyst", day=ago(1))
    assert sorted(p.name for p in tmp_path.glob("applications-*.json")) == [
        "applications-2025.json", "applications-2026.json"]
    fresh = Rebound.open(tmp_path, now=lambda: NOW)
    found = apps.application_by_id(fresh, first)
    assert (found.company, found.source, found.link, found.stage) == (
        "Northwind", "job board", "https://example.com/1", "applied")
    assert found.history == (("applied", date(2025, 12, 30)),)


@pytest.mark.parametrize("company, role, kw, message", [
    (" ", "Analyst", {}, "company cannot be empty"),
    ("Northwind", "", {}, "role cannot be empty"),
    ("Northwind", "Analyst", {"link": "http://x/\x07"}, "link cannot contain control characters"),
    ("Northwind", "Analyst", {"source": "fax"}, "unknown source"),
])
def test_bad_input_writes_nothing(rb: Rebound, tmp_path: Path, company, role, kw, message) -> None:
    with pytest.raises(InputError, match=message):
        add(rb, company, role, **kw)
    assert not list(tmp_path.glob("applications-*.json"))


def test_duplicate_open_application_is_refused_and_nothing_written(rb: Rebound, tmp_path: Path) -> None:
    add(rb, day=date(2026, 11, 12))
    before = (tmp_path / "applications-2026.json").read_bytes()
    with pytest.raises(InputError, match="already applied to Northwind · Data analyst on 12 Nov"):
        add(rb, "NORTHWIND", "data analyst", contacts=("Brand New Person",))
    assert (tmp_path / "applications-2026.json").read_bytes() == before
    assert cs.contact_views(rb) == []  # the contact it would have added is not there either


def test_every_move_appends_and_undoes(rb: Rebound) -> None:
    app_id = add(rb, day=ago(10))
    apps.move_application(rb, app_id, "screen", ago(5), note="call with HR")
    apps.move_application(rb, app_id, "rejected", ago(2))
    apps.move_application(rb, app_id, "interview", ago(1))  # reopened
    found = apps.application_by_id(rb, app_id)
    assert [s for s, _ in found.history] == ["applied", "screen", "rejected", "interview"]
    assert "call with HR" in found.notes
    assert undo(rb) == "move Northwind · Data analyst to interview"
    assert apps.application_by_id(rb, app_id).stage == "rejected"
    undo(rb)
    undo(rb)
    assert apps.application_by_id(rb, app_id).history == (("applied", ago(10)),)


def test_bad_moves_write_nothing(rb: Rebound) -> None:
    app_id = add(rb, day=ago(10))
    for stage, day, message in (("hired", TODAY, "unknown stage"), ("screen", ago(11), "before the application"),
                                ("screen", TODAY + timedelta(days=1), "future")):
        with pytest.raises(InputError, match=message):
            apps.move_application(rb, app_id, stage, day)
    assert len(rb.history) == 1
    with pytest.raises(InputError, match="close as one of"):
        apps.close_application(rb, app_id, "screen")


def test_reopening_beside_a_new_open_one_is_refused(rb: Rebound) -> None:
    old = add(rb, day=ago(30))
    apps.close_application(rb, old, "ghosted")
    add(rb)  # the same company and role again: fine, the first is closed
    with pytest.raises(InputError, match="already applied"):
        apps.move_application(rb, old, "screen")


def test_referral_sets_a_follow_up_on_the_referrer_seven_days_after(rb: Rebound) -> None:
    add(rb, day=ago(2), source="referral", contacts=("Ada Byron", "Cy Young"))
    assert contact(rb, "Ada").follow_up == ago(2) + timedelta(days=7)
    assert contact(rb, "Cy").follow_up is None  # only the referrer (the first contact)
    assert contact(rb, "Ada").company == "Northwind"  # a new name becomes a contact there


def test_interview_and_final_set_a_thank_you_for_the_next_day(rb: Rebound) -> None:
    app_id = add(rb, day=ago(9), contacts=("Ada",))
    apps.move_application(rb, app_id, "interview")
    assert contact(rb, "Ada").follow_up == TODAY + timedelta(days=1)
    apps.move_application(rb, app_id, "screen", ago(3))
    other = add(rb, "Initech", "Analyst", day=ago(9), contacts=("Bo",))
    apps.move_application(rb, other, "final", ago(4))  # logged late: due today, not in the past
    assert contact(rb, "Bo").follow_up == TODAY


def test_pipeline_follow_ups_can_be_switched_off(rb: Rebound) -> None:
    save_pipeline(rb, Pipeline(thank_you=False, referrer=False, feedback=False))
    assert pipeline(rb) == Pipeline(21, False, False, False)
    app_id = add(rb, day=ago(2), source="referral", contacts=("Ada",))
    apps.move_application(rb, app_id, "interview")
    assert contact(rb, "Ada").follow_up is None
    assert apps.feedback_follow_up(rb) == mood.DEFAULT_FOLLOW_UP


def test_rejection_links_the_reflection_and_asks_for_feedback_in_three_days(rb: Rebound) -> None:
    app_id = add(rb, day=ago(20))
    apps.move_application(rb, app_id, "interview", ago(5))
    apps.reject_application(rb, app_id, lesson="practise SQL", contact="Dee")
    (reflection,) = mood.rejections(rb)
    assert (reflection.application_id, reflection.company, reflection.stage) == (
        app_id, "Northwind", "interview")
    assert contact(rb, "Dee").follow_up == TODAY + timedelta(days=3)
    assert apps.application_by_id(rb, app_id).stage == "rejected"
    undo(rb)  # one change: the move and the reflection go together
    assert mood.rejections(rb) == [] and apps.application_by_id(rb, app_id).stage == "interview"


def test_rejection_takes_the_follow_up_typed_and_a_confirmed_close_name(rb: Rebound) -> None:
    """The reflection form's own "follow up" and its "enter again" for a name close to a contact."""
    cs.add_contact(rb, cs.ContactFields("Priya Raman"))
    app_id = add(rb, day=ago(20))
    with pytest.raises(InputError, match="did you mean Priya Raman"):
        apps.reject_application(rb, app_id, contact="Priya Ramen")
    assert apps.application_by_id(rb, app_id).stage == "applied"  # nothing written
    apps.reject_application(rb, app_id, contact="Priya Ramen", follow_up="in 1 week",
                            new_contact="Priya Ramen")
    assert contact(rb, "Priya Ramen").follow_up == TODAY + timedelta(days=7)


def test_find_by_id_company_or_company_and_role(rb: Rebound) -> None:
    one = add(rb)
    two = add(rb, "Initech", "Analyst")
    add(rb, "Initech", "Engineer")
    assert apps.find_application(rb, "northwind").id == one
    assert apps.find_application(rb, "initech · analyst").id == two
    assert apps.find_application(rb, one[:6]).id == one
    with pytest.raises(InputError, match="matches 2 applications"):
        apps.find_application(rb, "Initech")
    with pytest.raises(InputError, match="no application matches 'Globex'"):
        apps.find_application(rb, "Globex")


def test_quiet_and_status_counts(rb: Rebound) -> None:
    quiet_one = add(rb, day=ago(25), contacts=("Ada",))
    add(rb, "Initech", "Analyst", day=ago(25), contacts=("Bo",))
    cs.log_interaction(rb, contact(rb, "Bo").id, day=ago(3))  # talking to its contact: not quiet
    closed = add(rb, "Globex", "Analyst", day=ago(40))
    apps.close_application(rb, closed, "withdrawn", ago(1))
    assert [(a.id, d) for a, d in apps.quiet(rb)] == [(quiet_one, 25)]
    counts = status(rb)["applications"]
    assert (counts["open"], counts["quiet"]) == (2, 1)
    assert counts["by_stage"]["applied"] == 2 and counts["by_stage"]["withdrawn"] == 1
    back = status(rb, as_of=ago(2))["applications"]  # before it was withdrawn
    assert back["open"] == 3 and back["by_stage"]["withdrawn"] == 0


def test_a_hand_edited_history_is_refused_by_name(rb: Rebound, tmp_path: Path) -> None:
    add(rb)
    path = tmp_path / "applications-2026.json"
    data = orjson.loads(path.read_bytes())
    data["applications"]["1"]["history"] = [["hired", "2026-12-01"]]
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(CorruptFileError, match="'history' that is not a non-empty list"):
        apps.applications(Rebound.open(tmp_path, now=lambda: NOW))


def test_the_demo_holds_a_believable_pipeline(tmp_path: Path) -> None:
    from tui.demo import generate

    def make(folder: Path) -> Rebound:
        demo = Rebound.open(folder, now=lambda: NOW)
        generate(demo)
        return demo

    demo = make(tmp_path / "one")
    found = apps.applications(demo)
    assert 25 <= len(found) <= 35
    assert (TODAY - found[0].applied).days <= 62
    assert 3 <= len(apps.quiet(demo)) <= 8
    assert [a.title for a in found if a.stage == "offer"] == ["Northwind · Data analyst"]
    linked = {r.application_id for r in mood.rejections(demo)} - {None}
    assert len(linked) == 2
    assert all(apps.application_by_id(demo, i).stage == "rejected" for i in linked)
    again = apps.applications(make(tmp_path / "two"))  # deterministic (contact ids are fresh uuids)
    assert [(a.id, a.title, a.history, len(a.contacts)) for a in again] == [
        (a.id, a.title, a.history, len(a.contacts)) for a in found]


def test_edit_moves_the_year_file_and_delete_undoes(rb: Rebound, tmp_path: Path) -> None:
    app_id = add(rb, day=ago(10), notes="first try")
    apps.move_application(rb, app_id, "screen", ago(5))
    with pytest.raises(InputError, match="after a move"):
        apps.edit_application(rb, app_id, apps.AppFields("Northwind", "Data analyst"), ago(4))
    edited = apps.edit_application(rb, app_id, apps.AppFields("Northwind", "Senior data analyst",
                                                              next_step="Send portfolio"), date(2025, 12, 20))
    assert edited.history[0] == ("applied", date(2025, 12, 20)) and edited.stage == "screen"
    assert [a.role for a in apps.applications(Rebound.open(tmp_path, now=lambda: NOW))] == ["Senior data analyst"]
    assert "applications-2025.json" in {p.name for p in tmp_path.glob("applications-*.json")}
    apps.delete_application(rb, app_id)
    assert apps.applications(rb) == []
    undo(rb)
    assert apps.application_by_id(rb, app_id).role == "Senior data analyst"
    undo(rb)
    assert apps.application_by_id(rb, app_id).applied == ago(10)


def test_ghost_days_setting_is_used_and_checked_on_load(rb: Rebound, tmp_path: Path) -> None:
    add(rb, day=ago(12))
    assert apps.quiet(rb) == []
    save_pipeline(rb, Pipeline(ghost_days=10))
    assert [d for _, d in apps.quiet(rb)] == [12]
    path = tmp_path / "rebound.json"
    path.write_bytes(path.read_bytes().replace(b'"ghost_days": 10', b'"ghost_days": -3'))
    with pytest.raises(CorruptFileError, match="ghost_days"):
        pipeline(Rebound.open(tmp_path, now=lambda: NOW))


def test_status_keeps_earlier_years_in_the_cache_and_agrees_with_a_fresh_count(
        rb: Rebound, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.services import app_status

    old = add(rb, "Globex", "Analyst", day=date(2025, 11, 1), contacts=("Ada",))
    done = add(rb, "Initech", "Analyst", day=date(2025, 10, 1))
    apps.move_application(rb, done, "rejected", date(2025, 12, 20))
    add(rb, day=ago(3))

    def fresh(as_of: date | None = None) -> dict:
        (tmp_path / ".summaries.json").unlink(missing_ok=True)
        return status(Rebound.open(tmp_path, now=lambda: NOW), as_of)["applications"]

    first = fresh()
    assert first == {"open": 2, "quiet": 1, "by_stage": {**dict.fromkeys(
        ("applied", "screen", "interview", "final", "offer", "accepted", "rejected", "withdrawn", "ghosted"), 0),
        "applied": 2, "rejected": 1}}
    read: list[list[str]] = []
    real = app_status.repo.applications
    monkeypatch.setattr(app_status.repo, "applications",
                        lambda store, names=None: read.append(sorted(names or [])) or real(store, names))
    assert status(Rebound.open(tmp_path, now=lambda: NOW))["applications"] == first  # from the cache
    assert read == []  # an unchanged day and unchanged files: no application is read
    this_year = add(rb, "Hooli", "Analyst", day=ago(1))
    expected = {**first, "open": 3, "by_stage": {**first["by_stage"], "applied": 3}}
    read.clear()
    assert status(Rebound.open(tmp_path, now=lambda: NOW))["applications"] == expected
    assert read == [["applications-2026.json"]]  # this year's file changed: it alone is read
    apps.delete_application(rb, this_year)
    monkeypatch.undo()
    assert b"applications-20" not in (tmp_path / ".summaries.json").read_bytes()  # files: as digests
    # as of a day before an older file's last move: counted afresh, not from the cache
    assert status(rb, date(2025, 12, 1))["applications"] == fresh(date(2025, 12, 1))
    assert status(rb, date(2025, 12, 1))["applications"]["by_stage"]["rejected"] == 0
    cs.log_interaction(rb, contact(rb, "Ada").id, day=ago(1))  # no longer quiet
    apps.move_application(rb, old, "screen", ago(2))  # the 2025 file changed: the cache follows
    after = status(Rebound.open(tmp_path, now=lambda: NOW))["applications"]
    assert after == fresh() and after["by_stage"]["screen"] == 1 and after["quiet"] == 0


def test_a_contact_name_close_to_an_existing_one_is_refused_unless_confirmed(rb: Rebound) -> None:
    cs.add_contact(rb, cs.ContactFields("Marco Rossi"))
    with pytest.raises(InputError, match="did you mean Marco Rossi"):
        add(rb, contacts=("Marko Rossi",))
    assert apps.applications(rb) == []
    app_id = add(rb, contacts=("Marko Rossi",), confirmed_new="Marko Rossi")
    assert len(apps.application_by_id(rb, app_id).contacts) == 1
    assert {v.contact.name for v in cs.contact_views(rb)} == {"Marco Rossi", "Marko Rossi"}


def test_a_status_inside_a_change_that_is_rolled_back_caches_nothing_of_it(rb: Rebound) -> None:
    """An import checks itself with `status` before it commits: what that status read may be
    rolled back while the files' identity has not moved, so it must not be cached."""
    add(rb, day=ago(3))
    assert status(rb)["applications"]["open"] == 1
    with pytest.raises(RuntimeError):
        with rb.change("an import that fails its checks"):
            add(rb, "Hooli", "Analyst", day=ago(1))
            assert status(rb)["applications"]["open"] == 2
            raise RuntimeError("refused")
    assert status(rb)["applications"]["open"] == 1
