"""A truncated or hand-broken rebound.json is refused, named and never overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn, Goal, RestDay
from tui.store import CorruptFileError, Store, repo

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
TODAY = date(2024, 5, 10)


def make_data(folder: Path) -> Goal:
    store = Store.open(folder, today=lambda: TODAY)
    goal = Goal(id=repo.new_id(), name="Apply to jobs", start=date(2024, 1, 1))
    repo.insert_goal(store, goal)
    repo.insert_goal(store, Goal(id=repo.new_id(), name="Réseau 🤝", start=date(2024, 2, 1)))
    repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, TODAY, 2, "two"))
    repo.set_skip(store, goal.id, date(2024, 5, 9), True)
    repo.set_rest_day(store, RestDay(date(2024, 5, 8), "sick"), date(2024, 5, 8))
    repo.set_setting(store, "theme", "dark")
    return goal


def test_truncated_main_file_is_refused_by_a_new_store_and_kept(tmp_path: Path) -> None:
    goal = make_data(tmp_path)
    path = tmp_path / "rebound.json"
    content = path.read_bytes()
    truncated = content[: len(content) * 2 // 3]
    path.write_bytes(truncated)

    store = Store.open(tmp_path, today=lambda: TODAY)
    with pytest.raises(CorruptFileError) as caught:
        repo.goals(store)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    with pytest.raises(CorruptFileError):
        repo.set_skip(store, goal.id, TODAY, True)
    assert path.read_bytes() == truncated


def test_every_truncation_of_the_main_file_is_refused(tmp_path: Path) -> None:
    """Cut the file at every byte: no prefix is taken for data, none is ever overwritten."""
    make_data(tmp_path)
    path = tmp_path / "rebound.json"
    content = path.read_bytes()
    json_end = len(content.rstrip())  # shorter than this, the JSON text is incomplete
    for cut in range(json_end):
        path.write_bytes(content[:cut])
        with pytest.raises(CorruptFileError) as caught:
            repo.goals(Store.open(tmp_path, today=lambda: TODAY))
        assert str(path) in str(caught.value), cut
        assert path.read_bytes() == content[:cut], cut


HAND_BROKEN = {
    "trailing comma": lambda text: text.replace('"dark"', '"dark",'),
    "missing quote": lambda text: text.replace('"theme"', "theme"),
    "single quotes": lambda text: text.replace('"dark"', "'dark'"),
    "comment": lambda text: "// my goals\n" + text,
    "record turned into a list": lambda text: text.replace('"settings": {', '"settings": [', 1),
    "_meta removed": lambda text: text.replace('"_meta"', '"meta"'),
}


@pytest.mark.parametrize("edit", HAND_BROKEN.values(), ids=list(HAND_BROKEN))
def test_hand_broken_main_file_is_refused_by_another_process(tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    goal = make_data(tmp_path)
    path = tmp_path / "rebound.json"
    broken = edit(path.read_text(encoding="utf-8")).encode()
    assert broken != path.read_bytes()
    path.write_bytes(broken)
    script = textwrap.dedent(
        """
        import sys
        from datetime import date
        from pathlib import Path
        from tui.core.goals import CheckIn
        from tui.store import CorruptFileError, Store, repo
        store = Store.open(Path(sys.argv[1]), today=lambda: date(2024, 5, 11))
        day = date(2024, 5, 11)
        try:
            with store.transaction():  # the check-in is staged first, then rebound.json is needed
                repo.insert_checkin(store, CheckIn(repo.new_id(), sys.argv[2], day, 1))
                repo.set_skip(store, sys.argv[2], day, True)
        except CorruptFileError as exc:
            print(exc)
            sys.exit(3)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    checkins_before = (tmp_path / "checkins-2024.json").read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), goal.id],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 3, result.stderr
    assert str(path) in result.stdout
    assert path.read_bytes() == broken
    assert (tmp_path / "checkins-2024.json").read_bytes() == checkins_before  # all or nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".checked.json", ".rebound.lock", ".revisions.json", "backups", "checkins-2024.json",
        "rebound.json",
    ]  # no temp file, no journal, no new backup folder (.checked.json: the backup's checks)
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [TODAY.isoformat()]
