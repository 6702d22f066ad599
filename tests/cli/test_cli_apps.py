"""`rebound app add|move|list|funnel` and `applications` in `status --json` (product.md §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, days_before, run_cli, snapshot


@pytest.fixture
def pipeline(ok, today):
    """Northwind (referral via Ada, screened), Initech analyst and engineer (applied)."""
    ok("app", "add", "Northwind", "Data analyst", "--source", "referral", "--contact", "Ada Byron",
       "--date", days_before(today, 30), "--link", "https://northwind.example/jobs/1")
    ok("app", "move", "northwind", "screen", "--date", days_before(today, 22), "--note", "HR call")
    ok("app", "add", "Initech", "Analyst", "--date", days_before(today, 3))
    ok("app", "add", "Initech", "Engineer", "--note", "via the careers page")
    return today


def test_add_move_and_list(ok, pipeline) -> None:
    today = pipeline
    result = ok("app", "add", "Globex", "Analyst", "--source", "job board")
    assert result.out.startswith("Added Globex · Analyst (applied " + today.isoformat())
    moved = ok("app", "move", "initech · analyst", "interview")
    assert moved.out.strip() == f"Moved Initech · Analyst to interview on {today.isoformat()}"
    rows = ok("app", "list", "--json").json()
    assert [(r["company"], r["role"], r["stage"]) for r in rows] == [
        ("Northwind", "Data analyst", "screen"), ("Initech", "Analyst", "interview"),
        ("Initech", "Engineer", "applied"), ("Globex", "Analyst", "applied")]
    north = rows[0]
    assert north["contacts"] == ["Ada Byron"] and north["source"] == "referral"
    assert north["history"] == [{"stage": "applied", "day": days_before(today, 30)},
                                {"stage": "screen", "day": days_before(today, 22)}]
    assert "HR call" in north["notes"] and north["quiet_days"] == 22 and north["open"] is True
    ok("app", "move", rows[2]["id"][:8], "withdrawn")  # by id
    assert [r["role"] for r in ok("app", "list", "--closed", "--json").json()] == ["Engineer"]
    assert len(ok("app", "list", "--open", "--json").json()) == 3
    assert [r["role"] for r in ok("app", "list", "--stage", "Interview", "--json").json()] == ["Analyst"]
    plain = ok("app", "list").out
    assert "Northwind · Data analyst  screen" in plain and "(no reply in 3 weeks)" in plain


def test_status_counts_applications(ok, status, pipeline) -> None:
    apps = status()["applications"]
    assert (apps["open"], apps["quiet"]) == (3, 1)
    assert apps["by_stage"]["applied"] == 2 and apps["by_stage"]["screen"] == 1
    ok("app", "move", "initech · engineer", "rejected")
    assert status()["applications"]["by_stage"]["rejected"] == 1


def test_referral_follow_up_reaches_the_contact(ok, pipeline) -> None:
    (ada,) = ok("contact", "list", "--json").json()
    assert ada["name"] == "Ada Byron" and ada["due"] is True  # 7 days after applying has passed


def test_funnel(ok, pipeline) -> None:
    today = pipeline
    for i in range(4):
        ok("app", "add", f"Co{i}", "Analyst", "--date", days_before(today, 5 + i))
    ok("app", "move", "co0", "screen")
    ok("app", "move", "co1", "rejected", "--date", days_before(today, 2))
    data = ok("app", "funnel", "--json").json()
    assert data["total"] == 7 and data["days"] is None
    assert data["reached"] == {"applied": 7, "screen": 2, "interview": 0, "final": 0, "offer": 0}
    assert data["conversions"]["applied"] == pytest.approx(2 / 7, abs=1e-4)
    assert data["response_rate"] == pytest.approx(3 / 7, abs=1e-4)
    assert data["median_days_to_response"] is None  # 3 responses: too few for a figure
    assert ok("app", "funnel", "--days", "10", "--json").json()["total"] == 6
    assert "Applications sent in the last 10 days: 6" in ok("app", "funnel", "--days", "10").out


@pytest.mark.parametrize("args, fragments", [
    (("app", "add", "  ", "Analyst"), ("company cannot be empty",)),
    (("app", "add", "Globex", ""), ("role cannot be empty",)),
    (("app", "add", "northwind", "DATA ANALYST"), ("already applied to Northwind · Data analyst on",)),
    (("app", "add", "Globex", "Analyst", "--source", "pigeon"), ("unknown source",)),
    (("app", "add", "Globex", "Analyst", "--link", "https://x/\x1b[2J"), ("control characters",)),
    (("app", "add", "Globex", "Analyst", "--date", "2999-01-01"), ("future",)),
    (("app", "add", "Globex", "Analyst", "--date", "12/11"), ("not a day",)),
    (("app", "move", "northwind", "hired"), ("unknown stage 'hired'",)),
    (("app", "move", "northwind", "final", "--date", "2000-01-02"), ("before the application",)),
    (("app", "move", "northwind", "final", "--date", "2999-01-01"), ("future",)),
    (("app", "move", "northwind", "screen"), ("already at screen",)),
    (("app", "move", "Globex", "screen"), ("no application matches 'Globex'",)),
    (("app", "move", "initech", "screen"), ("matches 2 applications",)),
    (("app", "list", "--stage", "hired"), ("unknown stage",)),
    (("app", "funnel", "--days", "0"), ("--days 0",)),
])
def test_bad_input_is_refused_and_writes_nothing(rebound, pipeline, data_dir: Path, args, fragments) -> None:
    before = snapshot(data_dir)
    assert_refused(rebound(*args), *fragments)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("args", [
    ("app",), ("app", "add", "Globex"), ("app", "list", "--open", "--closed"),
    ("app", "funnel", "--days", "ten"), ("app", "move", "x"),
])
def test_usage_errors(rebound, args) -> None:
    assert_usage_error(rebound(*args))


def test_export_import_round_trip(ok, pipeline, cli_env, tmp_path: Path) -> None:
    ok("app", "move", "initech · engineer", "rejected")
    exported = ok("export").out
    (tmp_path / "export.json").write_text(exported, encoding="utf-8")
    fresh = tmp_path / "fresh"

    def there(*args: str):
        result = run_cli("--data-dir", str(fresh), *args, env=cli_env, cwd=tmp_path)
        assert result.code == 0, result.describe()
        return result.out

    assert "Imported" in there("import", str(tmp_path / "export.json"))
    for args in (("app", "list", "--json"), ("app", "funnel", "--json"), ("status", "--json"),
                 ("export",)):
        assert there(*args) == ok(*args).out, args


def test_a_hand_edited_applications_file_exits_3_naming_it(ok, rebound, data_dir: Path, today) -> None:
    ok("app", "add", "Northwind", "Data analyst")
    path = data_dir / f"applications-{today.year}.json"
    text = path.read_text(encoding="utf-8").replace('"applied",', '"hired",', 1)
    path.write_text(text, encoding="utf-8")
    for args in (("app", "list"), ("status", "--json")):
        assert_refused(rebound(*args), str(path), "history", code=3)
    assert path.read_text(encoding="utf-8") == text
