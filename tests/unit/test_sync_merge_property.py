"""Properties of the record merge (tui/sync) over a random base and two random edit sequences, as
two machines would make them: symmetry, no loss, idempotence, and check-in counts that add up."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store import schema
from tui.sync import merge_texts

START = datetime(2026, 3, 1, tzinfo=timezone.utc)
Tables = dict[str, dict[str, dict[str, Any]]]


def stamp(seconds: int) -> str:
    return schema.stamp_text(START + timedelta(seconds=seconds))


def text(tables: Tables, kind: str = "rebound") -> str:
    return orjson.dumps({"_meta": {"1": {"schema": schema.SCHEMA_VERSION, "kind": kind}},
                         **tables}).decode()


def goal(gid: str, name: str, target: int, at: int) -> dict[str, Any]:
    return {"id": gid, "name": name, "start": "2026-03-01", "target": target, "period": "day",
            "weekdays": [0, 1, 2, 3, 4, 5, 6], "archived": False, "updated": stamp(at)}


names = st.sampled_from(["Apply", "Call", "Walk", "Read"])
edits = st.lists(st.one_of(
    st.tuples(st.just("add"), names, st.integers(1, 3)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("rename"), st.integers(0, 20), names),
    st.tuples(st.just("target"), st.integers(0, 20), st.integers(1, 3)),
    st.tuples(st.just("setting"), st.sampled_from(["theme", "week_start"]), st.integers(0, 3)),
), max_size=8)


@st.composite
def bases(draw: st.DrawFn) -> Tables:
    count = draw(st.integers(0, 4))
    goals = {str(i + 1): goal(f"b{i}", draw(names), draw(st.integers(1, 3)), 0) for i in range(count)}
    tables: Tables = {"goals": goals}
    if draw(st.booleans()):
        tables["settings"] = {"1": {"id": "settings", "theme": 0, "updated": stamp(0)}}
    return tables


def apply(base: Tables, ops: list[tuple[Any, ...]], side: str, clock: int) -> Tables:
    """A machine's edits, as the store makes them: new records at the next doc id, each change
    stamped later than the last."""
    tables: Tables = orjson.loads(orjson.dumps(base))
    goals = tables.setdefault("goals", {})
    for n, op in enumerate(ops):
        clock += 1 + n % 2
        keys = sorted(goals, key=int)
        if op[0] == "add":
            goals[str(max(map(int, goals), default=0) + 1)] = goal(f"{side}{n}", op[1], op[2], clock)
        elif op[0] == "setting":
            settings_table = tables.setdefault("settings", {})
            doc = settings_table.get("1", {"id": "settings"})
            settings_table["1"] = {**doc, op[1]: op[2], "updated": stamp(clock)}
        elif keys:
            key = keys[op[1] % len(keys)]
            if op[0] == "delete":
                del goals[key]
            else:
                field = "name" if op[0] == "rename" else "target"
                goals[key] = {**goals[key], field: op[2], "updated": stamp(clock)}
    return tables


def merged(base: Tables, ours: Tables, theirs: Tables, kind: str = "rebound") -> Tables:
    name = "rebound.json" if kind == "rebound" else "checkins-2026.json"
    found = merge_texts(name, text(base, kind), text(ours, kind), text(theirs, kind))
    return orjson.loads(found)  # type: ignore[no-any-return]


def by_id(tables: Tables, table: str = "goals") -> dict[str, dict[str, Any]]:
    return {doc["id"]: doc for doc in tables.get(table, {}).values()}


@settings(max_examples=200)
@given(bases(), edits, edits, st.integers(0, 6), st.integers(0, 6))
def test_merging_is_symmetric_loses_nothing_and_gives_a_version_merged_with_itself_back(
        base: Tables, our_ops: list, their_ops: list, our_clock: int, their_clock: int) -> None:
    ours = apply(base, our_ops, "o", our_clock)
    theirs = apply(base, their_ops, "t", their_clock)
    result = merged(base, ours, theirs)
    assert result == merged(base, theirs, ours)  # symmetry, doc ids and all
    assert merged(base, ours, ours) == merged(base, ours, base) == {"_meta": result["_meta"], **ours}

    b, o, t, r = by_id(base), by_id(ours), by_id(theirs), by_id(result)
    for gid in {*o, *t} - set(b):
        assert gid in r  # made on either side: kept
    for gid, before in b.items():
        changed = [side[gid] for side in (o, t) if gid in side and side[gid] != before]
        kept_both = gid in o and gid in t
        assert (gid in r) == (kept_both or bool(changed))  # deleted only where the other left it
    for gid in set(r) & set(b) & set(o) & set(t):
        for field in ("name", "target"):
            values = {o[gid][field], t[gid][field]}
            assert r[gid][field] in values
            if o[gid][field] == b[gid][field]:
                assert r[gid][field] == t[gid][field]  # changed on one side only: that change
            elif t[gid][field] == b[gid][field]:
                assert r[gid][field] == o[gid][field]
            else:  # changed on both: the later change
                later = o[gid] if o[gid]["updated"] > t[gid]["updated"] else t[gid]
                if o[gid]["updated"] != t[gid]["updated"]:
                    assert r[gid][field] == later[field]
    assert len(result["goals"]) == len({int(k) for k in result["goals"]})
    assert schema.record_problem(result) is None  # the store reads the result


def test_the_later_settings_change_wins_whatever_side_made_it() -> None:
    base: Tables = {"settings": {"1": {"id": "settings", "theme": 0, "updated": stamp(0)}}}
    ours = apply(base, [("setting", "theme", 1)], "o", 10)
    theirs = apply(base, [("setting", "theme", 2)], "t", 5)
    assert merged(base, ours, theirs)["settings"]["1"]["theme"] == 1


days = st.sampled_from(["2026-03-02", "2026-03-03"])
goal_ids = st.sampled_from(["g1", "g2"])
ticks = st.lists(st.tuples(goal_ids, days, st.integers(-2, 3)), max_size=6)


def checkin(cid: str, goal_id: str, day: str, count: int, at: int) -> dict[str, Any]:
    return {"id": cid, "goal_id": goal_id, "day": day, "count": count, "note": "", "updated": stamp(at)}


def totals(tables: Tables) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for doc in tables.get("checkins", {}).values():
        key = (doc["goal_id"], doc["day"])
        found[key] = found.get(key, 0) + doc["count"]
    return found


@settings(max_examples=200)
@given(st.lists(st.tuples(goal_ids, days, st.integers(1, 3)), max_size=5), ticks, ticks,
       st.sets(st.integers(0, 4)), st.sets(st.integers(0, 4)))
def test_a_goals_check_ins_of_a_day_add_up_and_never_go_below_zero(
        base_ticks: list, our_ticks: list, their_ticks: list, our_undos: set, their_undos: set) -> None:
    """Each tick is a check-in of its own; each side may also take back check-ins of the base
    (this side the even ones, that side the odd ones: one check-in is taken back once)."""
    base: Tables = {"checkins": {str(i + 1): checkin(f"b{i}", g, d, c, 0)
                                 for i, (g, d, c) in enumerate(base_ticks)}}

    def side(name: str, made: list, undos: set, parity: int) -> Tables:
        docs = {k: v for k, v in base["checkins"].items()
                if not (int(k) - 1 in undos and (int(k) - 1) % 2 == parity)}
        top = len(base["checkins"])
        for n, (g, d, c) in enumerate(made):
            docs[str(top + n + 1)] = checkin(f"{name}{n}", g, d, c, n + 1)
        return {"checkins": docs}

    ours, theirs = side("o", our_ticks, our_undos, 0), side("t", their_ticks, their_undos, 1)
    result = merged(base, ours, theirs, "checkins")
    assert result == merged(base, theirs, ours, "checkins")
    b, o, t, r = totals(base), totals(ours), totals(theirs), totals(result)
    for key in {*b, *o, *t}:
        want = b.get(key, 0) + (o.get(key, 0) - b.get(key, 0)) + (t.get(key, 0) - b.get(key, 0))
        assert r.get(key, 0) == max(0, want)
    assert schema.record_problem(result) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3)
    | st.sampled_from(["", "2026-03-02", "x", "2026-03-02T10:00:00Z"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "a"]), inner, max_size=2),
    max_leaves=6)
fields = st.sampled_from(["id", "goal_id", "day", "count", "updated", "key", "kind", "history", "name"])
docs = st.dictionaries(fields, json_values, max_size=6)
odd_tables = st.dictionaries(st.sampled_from(["checkins", "wins", "applications", "goals", "x"]),
                             st.dictionaries(st.sampled_from(["1", "2", "3"]), docs, max_size=3),
                             max_size=3)


@settings(max_examples=300)
@given(odd_tables, odd_tables, odd_tables, st.booleans(),
       st.sampled_from(["checkins-2026.json", "wins-2026.json", "rebound.json"]))
def test_odd_records_are_merged_or_refused_by_name_never_a_crash(
        base: Tables, ours: Tables, theirs: Tables, has_base: bool, name: str) -> None:
    from tui.sync import MergeConflict

    try:
        merged_text = merge_texts(name, text(base) if has_base else None, text(ours), text(theirs))
    except MergeConflict as exc:
        assert exc.reason.startswith(f"{name}: ")
    else:
        assert schema.record_problem(orjson.loads(merged_text)) is None


@settings(max_examples=300)
@given(bases(), edits, edits, st.integers(0, 6), st.integers(0, 6), st.lists(st.integers(0, 20), max_size=2))
def test_setting_aside_the_records_no_side_changed_gives_the_same_merge(
        base: Tables, our_ops: list, their_ops: list, our_clock: int, their_clock: int,
        copies: list[int]) -> None:
    """``merge_table`` keeps the records equal on all three sides without keying them; that
    shortcut must give exactly the record-by-record merge, duplicates of a hand edit included."""
    from unittest import mock

    from tui.sync import records

    ours = apply(base, our_ops, "o", our_clock)
    theirs = apply(base, their_ops, "t", their_clock)
    goals = ours.get("goals", {})
    for n in copies:  # a hand edit on our side: a record copied under a new doc id
        if goals:
            doc = goals[sorted(goals, key=int)[n % len(goals)]]
            goals[str(max(map(int, goals)) + 1)] = dict(doc)
    b, o, t = (side.get("goals", {}) for side in (base, ours, theirs))
    fast = records.merge_table("goals", b, o, t)
    with mock.patch.object(records, "_unchanged", lambda *args: set()):
        assert fast == records.merge_table("goals", b, o, t)
