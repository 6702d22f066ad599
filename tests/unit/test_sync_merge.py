"""The record-level merge (tui/sync): each rule of product.md §3 "Sync between machines" on small
hand-made files. ``merge`` runs both ways round and checks they agree (symmetry)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from tui.store import schema
from tui.sync import MergeConflict, merge_texts

T1, T2, T3, T4 = (f"2026-03-0{d}T10:00:00.000000Z" for d in (1, 2, 3, 4))


def file(kind: str = "rebound", version: int | None = None, **tables: list[dict[str, Any]]) -> str:
    data: dict[str, Any] = {"_meta": {"1": {"schema": version or schema.SCHEMA_VERSION, "kind": kind}}}
    for table, docs in tables.items():
        data[table] = {str(i): doc for i, doc in enumerate(docs, 1)}
    return orjson.dumps(data).decode()


def goal(gid: str, name: str = "Apply", updated: str = T1, **more: Any) -> dict[str, Any]:
    return {"id": gid, "name": name, "start": "2026-03-01", "target": 1, "period": "day",
            "weekdays": [0, 1, 2, 3, 4, 5, 6], "archived": False, "updated": updated, **more}


def checkin(cid: str, count: int = 1, day: str = "2026-03-02", updated: str = T1) -> dict[str, Any]:
    return {"id": cid, "goal_id": "g", "day": day, "count": count, "note": "", "updated": updated}


def merge(path: str, base: str | None, ours: str, theirs: str) -> dict[str, Any]:
    one = orjson.loads(merge_texts(path, base, ours, theirs))
    other = orjson.loads(merge_texts(path, base, theirs, ours))
    assert one == other  # the same data whichever machine merges
    return one  # type: ignore[no-any-return]


def records(data: dict[str, Any], table: str) -> dict[str, dict[str, Any]]:
    return {doc["id"]: doc for doc in data.get(table, {}).values()}


def test_a_record_added_on_either_side_is_kept_and_doc_ids_never_collide() -> None:
    base = file(goals=[goal("a")])
    ours = file(goals=[goal("a"), goal("b", "Ours", T2)])
    theirs = file(goals=[goal("a"), goal("c", "Theirs", T3)])
    result = merge("rebound.json", base, ours, theirs)
    assert set(records(result, "goals")) == {"a", "b", "c"}
    assert result["goals"]["1"]["id"] == "a"  # a record of the base keeps its doc id
    assert [result["goals"][k]["id"] for k in ("2", "3")] == ["b", "c"]  # oldest first


def test_deleted_on_one_side_and_untouched_on_the_other_is_deleted() -> None:
    base = file(goals=[goal("a"), goal("b")])
    ours = file(goals=[goal("a")])
    result = merge("rebound.json", base, ours, base)
    assert set(records(result, "goals")) == {"a"}
    theirs = file(goals=[goal("a"), goal("b"), goal("c", updated=T2)])
    assert set(records(merge("rebound.json", base, ours, theirs), "goals")) == {"a", "c"}


def test_deleted_on_one_side_and_changed_on_the_other_is_kept() -> None:
    base = file(goals=[goal("a"), goal("b")])
    ours = file(goals=[goal("a")])
    theirs = file(goals=[goal("a"), goal("b", "Renamed", T2)])
    assert records(merge("rebound.json", base, ours, theirs), "goals")["b"]["name"] == "Renamed"


def test_deleted_on_both_sides_is_deleted() -> None:
    base = file(goals=[goal("a"), goal("b")])
    one = file(goals=[goal("a")])
    assert set(records(merge("rebound.json", base, one, one), "goals")) == {"a"}


def test_changed_on_both_sides_merges_field_by_field() -> None:
    base = file(goals=[goal("a", "Apply", target=1)])
    ours = file(goals=[goal("a", "Apply daily", T2, target=1)])
    theirs = file(goals=[goal("a", "Apply", T3, target=3)])
    merged = records(merge("rebound.json", base, ours, theirs), "goals")["a"]
    assert (merged["name"], merged["target"], merged["updated"]) == ("Apply daily", 3, T3)


def test_a_field_changed_on_both_sides_takes_the_later_change() -> None:
    base = file(goals=[goal("a", "Apply")])
    ours = file(goals=[goal("a", "Later", T4)])
    theirs = file(goals=[goal("a", "Earlier", T3)])
    assert records(merge("rebound.json", base, ours, theirs), "goals")["a"]["name"] == "Later"


def test_equal_stamps_pick_the_same_side_on_both_machines() -> None:
    base = file(goals=[goal("a", "Apply")])
    ours, theirs = file(goals=[goal("a", "Bee", T2)]), file(goals=[goal("a", "Ant", T2)])
    assert records(merge("rebound.json", base, ours, theirs), "goals")["a"]["name"] in {"Ant", "Bee"}


def test_stamps_are_compared_as_times_not_text() -> None:
    """An application's ``updated`` from before schema 2 (seconds, a local offset) still orders."""
    base = file(goals=[goal("a", "Apply")])
    ours = file(goals=[goal("a", "Ours", "2026-03-02T12:00:00+02:00")])  # 10:00 UTC
    theirs = file(goals=[goal("a", "Theirs", "2026-03-02T10:30:00.000000Z")])
    assert records(merge("rebound.json", base, ours, theirs), "goals")["a"]["name"] == "Theirs"


def test_a_field_removed_on_one_side_and_untouched_on_the_other_is_removed() -> None:
    base = file(goals=[goal("a", note="x")])
    ours = file(goals=[goal("a", updated=T2)])
    theirs = file(goals=[goal("a", "Other", T3, note="x")])
    merged = records(merge("rebound.json", base, ours, theirs), "goals")["a"]
    assert "note" not in merged and merged["name"] == "Other"


def test_check_in_counts_of_one_day_add_up() -> None:
    base = file("checkins", checkins=[checkin("c1", 2)])
    ours = file("checkins", checkins=[checkin("c1", 2), checkin("o1", 1, updated=T2)])
    theirs = file("checkins", checkins=[checkin("c1", 2), checkin("t1", 3, updated=T3)])
    result = merge("checkins-2026.json", base, ours, theirs)
    assert sum(d["count"] for d in result["checkins"].values()) == 2 + 1 + 3


def test_one_check_in_whose_count_changed_on_both_sides_adds_both_changes() -> None:
    base = file("checkins", checkins=[checkin("c1", 2)])
    ours = file("checkins", checkins=[checkin("c1", 5, updated=T2)])  # +3
    theirs = file("checkins", checkins=[checkin("c1", 1, updated=T3)])  # -1
    result = merge("checkins-2026.json", base, ours, theirs)
    assert records(result, "checkins")["c1"]["count"] == 2 + 3 - 1


def test_a_day_never_adds_up_below_zero() -> None:
    """Both machines took back the day's one tick (each with a -1 of its own): -1 is no count."""
    base = file("checkins", checkins=[checkin("c1", 1), checkin("k", 1, day="2026-03-03")])
    ours = file("checkins", checkins=[checkin("c1", 1), checkin("k", 1, day="2026-03-03"),
                                      checkin("o", -1, updated=T2)])
    theirs = file("checkins", checkins=[checkin("c1", 1), checkin("k", 1, day="2026-03-03"),
                                        checkin("t", -1, updated=T3)])
    result = merge("checkins-2026.json", base, ours, theirs)
    totals: dict[str, int] = {}
    for doc in result["checkins"].values():
        totals[doc["day"]] = totals.get(doc["day"], 0) + doc["count"]
    assert totals == {"2026-03-02": 0, "2026-03-03": 1}
    assert schema.record_problem(result) is None  # the store reads it back


def test_settings_take_the_later_change_field_by_field() -> None:
    settings = {"id": "settings", "theme": "dark", "week_start": 0, "updated": T1}
    base = file(settings=[settings])
    ours = file(settings=[{**settings, "theme": "light", "updated": T2}])
    theirs = file(settings=[{**settings, "theme": "nord", "week_start": 6, "updated": T3}])
    merged = merge("rebound.json", base, ours, theirs)["settings"]["1"]
    assert (merged["theme"], merged["week_start"]) == ("nord", 6)
    ours = file(settings=[{**settings, "theme": "light", "updated": T4}])
    merged = merge("rebound.json", base, ours, theirs)["settings"]["1"]
    assert (merged["theme"], merged["week_start"]) == ("light", 6)


def test_settings_made_on_two_machines_before_their_first_sync_merge() -> None:
    ours = file(settings=[{"id": "settings", "theme": "light", "updated": T2}])
    theirs = file(settings=[{"id": "settings", "theme": "nord", "week_start": 6, "updated": T1}])
    merged = merge("rebound.json", None, ours, theirs)["settings"]
    assert list(merged.values()) == [{"id": "settings", "theme": "light", "week_start": 6,
                                      "updated": T2}]


def test_a_file_added_on_both_sides_keeps_every_record() -> None:
    ours = file("checkins", checkins=[checkin("o1", updated=T2)])
    theirs = file("checkins", checkins=[checkin("t1", updated=T1)])
    result = merge("checkins-2026.json", None, ours, theirs)
    assert [d["id"] for d in result["checkins"].values()] == ["t1", "o1"]


def test_an_application_moved_on_both_sides_keeps_every_step() -> None:
    app = {"id": "a", "company": "Acme", "role": "Dev", "applied": "2026-03-01",
           "history": [["applied", "2026-03-01"]], "updated": T1}
    base = file("applications", applications=[app])
    ours = file("applications", applications=[{**app, "history": [*app["history"], ["screen", "2026-03-03"]],
                                               "updated": T3}])
    theirs = file("applications", applications=[{**app, "notes": "call back",
                                                 "history": [*app["history"], ["screen", "2026-03-03"],
                                                             ["interview", "2026-03-04"]],
                                                 "updated": T2}])
    merged = records(merge("applications-2026.json", base, ours, theirs), "applications")["a"]
    assert merged["history"] == [["applied", "2026-03-01"], ["screen", "2026-03-03"],
                                 ["interview", "2026-03-04"]]
    assert merged["notes"] == "call back"


def test_derived_wins_earned_on_both_sides_are_kept_once_and_own_wins_by_id() -> None:
    def win(wid: str, kind: str, key: str, updated: str) -> dict[str, Any]:
        return {"id": wid, "kind": kind, "title": "t", "day": "2026-03-02", "goal_id": None,
                "key": key, "at": "", "updated": updated}
    base = file("wins", wins=[])
    key = "all_done::2026-03-02"
    ours = file("wins", wins=[win("w1", "all_done", key, T2), win("m1", "manual", "", T2)])
    theirs = file("wins", wins=[win("w2", "all_done", key, T3), win("m2", "manual", "", T3)])
    result = merge("wins-2026.json", base, ours, theirs)
    kinds = sorted(d["kind"] for d in result["wins"].values())
    assert kinds == ["all_done", "manual", "manual"]


def test_merging_a_version_with_itself_gives_it_back() -> None:
    base = file(goals=[goal("a")])
    ours = file(goals=[goal("a"), goal("c", updated=T3), goal("b", updated=T2)])
    assert orjson.loads(merge_texts("rebound.json", base, ours, ours)) == orjson.loads(ours)


def test_the_result_is_in_the_stores_own_format() -> None:
    base = file(goals=[goal("a")])
    ours = file(goals=[goal("a", "X", T2)])
    theirs = file(goals=[goal("a"), goal("b", updated=T3)])
    text = merge_texts("rebound.json", base, ours, theirs)
    data = orjson.loads(text)
    assert text == (orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n").decode()
    assert data["_meta"] == {"1": {"schema": schema.SCHEMA_VERSION, "kind": "rebound"}}
    assert list(data) == ["_meta", "goals"]


def test_an_old_version_on_a_side_is_migrated_first() -> None:
    old = {"_meta": {"1": {"schema": 1, "kind": "rebound"}},
           "goals": {"1": {k: v for k, v in goal("a").items() if k != "updated"}}}
    base = orjson.dumps(old).decode()
    theirs = file(goals=[goal("a", "Renamed", T2)])
    result = merge("rebound.json", base, base, theirs)
    assert result["goals"]["1"]["name"] == "Renamed"
    assert result["_meta"]["1"]["schema"] == schema.SCHEMA_VERSION


def test_a_side_from_a_newer_rebound_is_refused_by_name() -> None:
    base = file(goals=[goal("a")])
    newer = file(version=schema.SCHEMA_VERSION + 1, goals=[goal("a", "X", T2)])
    newest = schema.SCHEMA_VERSION + 1
    with pytest.raises(MergeConflict, match=rf"rebound.json: .*newer Rebound \(schema {newest}"):
        merge_texts("rebound.json", base, base, newer)


@pytest.mark.parametrize("broken", ['{"_meta": ', "[]", '{"goals": {}}', ""])
def test_a_side_that_is_not_a_data_file_is_refused_naming_the_file(broken: str) -> None:
    base = file(goals=[goal("a")])
    for args in ((base, broken, base), (base, base, broken), (broken, base, base)):
        with pytest.raises(MergeConflict, match=r"^checkins-2026\.json: "):
            merge_texts("checkins-2026.json", *args)


def test_a_file_that_is_no_data_file_is_left_to_a_person() -> None:
    with pytest.raises(MergeConflict, match="not a Rebound data file"):
        merge_texts(".gitignore", "a\n", "b\n", "c\n")


def test_a_result_the_store_would_refuse_is_a_conflict() -> None:
    base = file(goals=[goal("a")])
    bad = file(goals=[goal("a", "X", T2, start="not a day")])
    with pytest.raises(MergeConflict, match="would not be readable"):
        merge_texts("rebound.json", base, bad, base)


def test_hand_edited_odd_values_are_refused_by_name_not_a_crash() -> None:
    odd = {"id": "c9", "goal_id": ["g"], "day": {"d": 1}, "count": -1, "updated": T2}
    base = file("checkins", checkins=[checkin("c1")])
    with pytest.raises(MergeConflict, match=r"^checkins-2026\.json: the merged file would not be readable"):
        merge_texts("checkins-2026.json", base, file("checkins", checkins=[checkin("c1"), odd]),
                    file("checkins", checkins=[checkin("c1"), checkin("c2", -1, updated=T3)]))
    kinds = orjson.loads(file("checkins", checkins=[checkin("c1", updated=T2)]))
    kinds["_meta"]["1"]["kind"] = ["odd"]
    result = merge("checkins-2026.json", base, orjson.dumps(kinds).decode(),
                   file("checkins", checkins=[checkin("c1"), checkin("c2", updated=T3)]))
    assert result["_meta"]["1"]["kind"] == "checkins"  # the name says what kind of file it is
