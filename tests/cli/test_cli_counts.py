"""`goal add|edit --counts` (issue 19, product.md §4): goals that count an activity, their
totals in `goal list --json`, refusals that write nothing, and the export/import round trip."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cli_support import assert_refused, run_cli


def listed(ok) -> dict[str, dict]:
    return {g["name"]: g for g in ok("goal", "list", "--json").json()}


def test_a_goal_counts_coffee_interactions_plus_what_is_added_by_hand(ok, rebound, goal_status) -> None:
    ok("goal", "add", "Coffee chats", "--counts", "Interactions: Coffee, call")
    ok("goal", "add", "Walk")
    goals = listed(ok)
    assert goals["Coffee chats"]["counts"] == "interactions:call,coffee"
    assert goals["Walk"]["counts"] == "manual" and "totals" not in goals["Walk"]
    ok("contact", "add", "Priya")
    ok("contact", "log", "Priya", "--kind", "coffee")
    ok("contact", "log", "Priya", "--kind", "email")  # not counted
    assert goal_status("Coffee chats")["done"] == 1 and goal_status("Coffee chats")["complete"]

    assert_refused(rebound("log", "Coffee chats", "-1"), "only what you added by hand")
    assert "(1 from your log + 1)" in ok("log", "Coffee chats").out
    assert goal_status("Coffee chats")["done"] == 2
    totals = listed(ok)["Coffee chats"]["totals"]
    assert (totals["this_week"], totals["this_month"], totals["best_week"]) == (2, 2, 2)
    assert "(1 from your log)" in ok("log", "Coffee chats", "-1").out


@pytest.mark.parametrize("value, words", [
    ("tweets", "counts must be manual, applications"),
    ("interactions:tea", "unknown interaction kind 'tea'"),
    ("moods:coffee", "only interactions take kinds"),
])
def test_bad_counts_are_refused_in_one_line_and_nothing_is_written(ok, rebound, value, words) -> None:
    assert_refused(rebound("goal", "add", "Coffee chats", "--counts", value), words)
    assert listed(ok) == {}
    ok("goal", "add", "Coffee chats")
    assert_refused(rebound("goal", "edit", "Coffee chats", "--counts", value), words)
    assert listed(ok)["Coffee chats"]["counts"] == "manual"


def test_edit_counts_then_export_and_import_keep_it(ok, rebound, tmp_path: Path, cli_env) -> None:
    ok("goal", "add", "Reach out", "--target", "1")
    assert "counts new contacts" in ok("goal", "edit", "Reach out", "--counts", "new-contacts").out
    ok("contact", "add", "Bo")
    ok("contact", "log", "Bo")
    ok("contact", "log", "Bo", "--kind", "call")  # Bo is new once
    before = listed(ok)
    assert before["Reach out"]["counts"] == "new-contacts"
    assert before["Reach out"]["totals"]["this_week"] == 1

    out = tmp_path / "export.json"
    ok("export", "--out", str(out))
    env = dict(cli_env, REBOUND_DATA_DIR=str(tmp_path / "copy"))
    imported = run_cli("import", str(out), env=env, cwd=tmp_path)
    assert imported.code == 0, imported.describe()
    again = run_cli("goal", "list", "--json", env=env, cwd=tmp_path)
    assert {g["name"]: g for g in again.json()} == before

    folder = tmp_path / "csv"
    folder.mkdir()
    ok("export", "--format", "csv", "--out", str(folder))
    with (folder / "goals.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["counts"] for r in rows] == ["new-contacts"]
