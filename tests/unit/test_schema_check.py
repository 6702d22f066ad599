"""The record check on load: the column-at-a-time pass gives the same verdict as checking each
field of each record, for any mix of good and bad values."""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tui.store.schema import _RECORDS, _table_fits, bad_record

VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 30), st.floats(allow_nan=True), st.text(max_size=12),
    st.sampled_from(["2026-02-28", "2026-02-30", "2026-13-01", "2026-1-2", "20260101", "2024-02-29"]),
    st.lists(st.text(max_size=3), max_size=2), st.dictionaries(st.text(max_size=2), st.integers()),
)


GOOD = {
    "text": st.text(max_size=5), "list": st.lists(st.text(max_size=3), max_size=2),
    "date": st.sampled_from(["2026-02-28", "2024-02-29", "2031-12-31"]),
    "int": st.integers(-5, 5), "positive": st.integers(1, 9), "score": st.integers(1, 5),
    "hour": st.integers(0, 23), "weekday": st.integers(0, 6),
}


def good(kind: str) -> st.SearchStrategy[object]:
    base = GOOD[kind.rstrip("?")]
    return st.one_of(st.none(), base) if kind.endswith("?") else base


@st.composite
def tables(draw):
    table = draw(st.sampled_from(sorted(_RECORDS)))
    fields = _RECORDS[table]
    docs = {}
    for doc_id in range(draw(st.integers(0, 6))):
        doc = {}
        for field in fields:
            roll = draw(st.integers(0, 39))
            if roll == 0:
                continue  # a missing field
            doc[field] = draw(VALUES if roll == 1 else good(fields[field][0]))
        docs[str(doc_id + 1)] = doc
    return table, docs


@given(tables())
@settings(max_examples=600, derandomize=True)
def test_the_fast_check_agrees_with_the_record_by_record_check(case):
    table, docs = case
    fields = _RECORDS[table]
    verdict = _table_fits(docs, fields)
    assert verdict == (bad_record(table, docs, fields) is None)
    event(f"well formed: {verdict}")


def test_a_well_formed_year_of_check_ins_passes_and_one_bad_count_is_named():
    docs = {str(i): {"id": f"c{i}", "goal_id": "g", "day": f"2026-03-{i % 28 + 1:02d}", "count": 1}
            for i in range(1, 400)}
    assert _table_fits(docs, _RECORDS["checkins"])
    docs["7"]["count"] = True
    assert not _table_fits(docs, _RECORDS["checkins"])
    assert bad_record("checkins", docs, _RECORDS["checkins"]) == (
        "record 7 of table 'checkins' has 'count' = True, which is not a whole number")
