"""`rebound goal add` and `rebound goal list`, and where the data folder is (product.md §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import assert_refused, run_cli, snapshot


def listed(ok) -> dict[str, dict]:
    return {g["name"]: g for g in ok("goal", "list", "--json").json()}


# goal add ------------------------------------------------------------------------------------
def test_add_daily_goal_with_target(ok) -> None:
    result = ok("goal", "add", "Send applications", "--target", "2")
    assert "Send applications" in result.out

    goals = listed(ok)
    assert list(goals) == ["Send applications"]
    goal = goals["Send applications"]
    assert goal["period"] == "day"
    assert goal["target"] == 2
    assert goal["current_streak"] == 0 and goal["best_streak"] == 0


def test_add_defaults_to_once_a_day_every_day(ok) -> None:
    ok("goal", "add", "Walk")
    goal = listed(ok)["Walk"]
    assert goal["period"] == "day"
    assert goal["target"] == 1
    assert goal.get("weekdays") in ([], ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])


def test_add_weekly_goal(ok, goal_status) -> None:
    ok("goal", "add", "Coffee chats", "--target", "3", "--per", "week")
    goal = listed(ok)["Coffee chats"]
    assert goal["period"] == "week"
    assert goal["target"] == 3
    assert goal_status("Coffee chats")["period"] == "week"


@pytest.mark.parametrize("word, period", [("weekly", "week"), ("Daily", "day"), (" WEEK ", "week")])
def test_per_takes_weekly_and_daily_as_synonyms(ok, word, period) -> None:
    ok("goal", "add", "Coffee chats", "--per", word)
    assert listed(ok)["Coffee chats"]["period"] == period


def test_per_refuses_other_periods_by_name(rebound) -> None:
    result = rebound("goal", "add", "Coffee chats", "--per", "month")
    assert result.code == 2 and "Traceback" not in result.err
    assert "period must be day or week (or daily, weekly), not 'month'" in result.err


def test_add_daily_goal_on_some_weekdays(ok) -> None:
    ok("goal", "add", "Gym", "--days", "mon,wed")
    goal = listed(ok)["Gym"]
    assert goal["period"] == "day"
    assert goal["weekdays"] == ["mon", "wed"]


def test_add_trims_the_name_and_keeps_emoji_and_rtl_text(ok) -> None:
    ok("goal", "add", "  Portfolio  ")
    ok("goal", "add", "📨 Follow up")
    ok("goal", "add", "שליחת קורות חיים")
    assert list(listed(ok)) == ["Portfolio", "📨 Follow up", "שליחת קורות חיים"]


def test_bidi_controls_are_dropped_from_names_and_notes(ok, rebound) -> None:
    """U+202E shows "exe.gpj" as "jpg.exe": every bidi control is dropped, as control characters
    are refused, and a name of nothing else is empty."""
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    ok("goal", "add", "\u202eexe.gpj")
    ok("goal", "add", f"שלום{controls} Apply")
    assert list(listed(ok)) == ["exe.gpj", "שלום Apply"]
    ok("contact", "add", "\u2067Ada\u2069", "--company", "\u200fNorthwind")
    ok("contact", "log", "ada", "--note", "called \u202eback")
    contact = ok("contact", "list", "--json").json()[0]
    assert (contact["name"], contact["company"]) == ("Ada", "Northwind")
    assert "\u202e" not in ok("export").out and "called back" in ok("export").out
    assert_refused(rebound("goal", "add", controls), "cannot be empty")


def test_an_80_character_name_is_accepted(ok) -> None:
    name = "x" * 80
    ok("goal", "add", name)
    assert list(listed(ok)) == [name]


# goal add refusals: exit 1, one line on stderr, nothing written -------------------------------
@pytest.fixture
def existing(ok, data_dir: Path) -> dict[str, bytes]:
    """One goal already saved; returns the data folder's bytes to compare after a refusal."""
    ok("goal", "add", "Send applications", "--target", "2")
    return snapshot(data_dir)


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["goal", "add", ""], ["empty"]),
        (["goal", "add", "   "], ["empty"]),
        (["goal", "add", "\t \t"], ["empty"]),
        (["goal", "add", "y" * 81], ["81", "80"]),
        (["goal", "add", "send APPLICATIONS"], ["already", "Send applications"]),
        (["goal", "add", "  SEND applications "], ["already", "Send applications"]),
        (["goal", "add", "Network", "--per", "week", "--days", "mon,wed"], ["week"]),
        (["goal", "add", "Network", "--days", "mon,funday"], ["funday"]),
        (["goal", "add", "Network", "--days", ","], ["weekday"]),
        (["goal", "add", "Network", "--target", "0"], ["target"]),
        (["goal", "add", "Network", "--target", "-3"], ["target"]),
        (["goal", "add", "Bell\x07ringer"], ["control"]),
    ],
    ids=[
        "empty", "spaces", "tabs", "81-chars", "duplicate-case", "duplicate-padded",
        "days-with-week", "bad-weekday", "no-weekday", "target-0", "target-negative",
        "control-char",
    ],
)
def test_add_refusals(rebound, ok, data_dir, existing, args, fragments) -> None:
    assert_refused(rebound(*args), *fragments)
    assert snapshot(data_dir) == existing
    assert list(listed(ok)) == ["Send applications"]


def test_a_refused_name_is_refused_in_an_empty_folder_too(rebound, ok) -> None:
    assert_refused(rebound("goal", "add", " "), "empty")
    assert ok("goal", "list", "--json").json() == []


# goal list -----------------------------------------------------------------------------------
def test_list_empty(ok) -> None:
    assert "No goals yet" in ok("goal", "list").out
    assert ok("goal", "list", "--json").json() == []


def test_list_shows_every_goal_in_the_order_added(ok) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("goal", "add", "Coffee chats", "--target", "3", "--per", "week")
    ok("goal", "add", "Gym", "--days", "mon,wed")

    text = ok("goal", "list").out
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 3
    assert lines[0].startswith("Send applications") and "/2" in lines[0]
    assert lines[1].startswith("Coffee chats") and "this week" in lines[1]
    assert lines[2].startswith("Gym")
    # each line says the period and the days, not only the progress
    assert lines[0].startswith("Send applications  2 a day, every day  ")
    assert lines[1].startswith("Coffee chats  3 a week  ")
    assert lines[2].startswith("Gym  1 a day, mon,wed  ")

    data = ok("goal", "list", "--json").json()
    assert [(g["name"], g["period"], g["target"]) for g in data] == [
        ("Send applications", "day", 2),
        ("Coffee chats", "week", 3),
        ("Gym", "day", 1),
    ]
    for goal in data:
        assert 0 <= goal["score"] <= 1


# The data folder -------------------------------------------------------------------------------
def test_rebound_data_dir_sets_the_folder(ok, data_dir: Path) -> None:
    ok("goal", "add", "Send applications")
    assert (data_dir / "rebound.json").is_file()
    assert "Send applications" in (data_dir / "rebound.json").read_text(encoding="utf-8")


def test_data_dir_option_sets_the_folder(cli_env, tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "nested" / "folder"
    added = run_cli("--data-dir", str(folder), "goal", "add", "Send applications",
                    env=cli_env, cwd=tmp_path)
    assert added.code == 0, added.describe()
    assert (folder / "rebound.json").is_file()

    listed_there = run_cli("--data-dir", str(folder), "goal", "list", "--json",
                           env=cli_env, cwd=tmp_path)
    assert [g["name"] for g in listed_there.json()] == ["Send applications"]
    # Nothing went to the default user data folder.
    assert not any(p.name == "rebound.json" for p in home.rglob("*"))


def test_data_dir_option_wins_over_the_environment(cli_env, tmp_path: Path) -> None:
    env_folder, option_folder = tmp_path / "from-env", tmp_path / "from-option"
    env = dict(cli_env, REBOUND_DATA_DIR=str(env_folder))
    added = run_cli("--data-dir", str(option_folder), "goal", "add", "Walk", env=env, cwd=tmp_path)
    assert added.code == 0, added.describe()

    via_option = run_cli("--data-dir", str(option_folder), "goal", "list", "--json",
                         env=env, cwd=tmp_path)
    via_env = run_cli("goal", "list", "--json", env=env, cwd=tmp_path)
    assert [g["name"] for g in via_option.json()] == ["Walk"]
    assert via_env.json() == []
