"""The system time zone (``TZ``) changes between runs: the CLI's logical day follows the real local
clock of each run, and a day stored by one run never moves in the next."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cli_support import run_cli

from tui.store import Store, repo

EAST, WEST = "Pacific/Kiritimati", "Pacific/Pago_Pago"  # UTC+14 and UTC-11: always a day apart


def local_today(zone: str) -> str:
    return datetime.now(ZoneInfo(zone)).date().isoformat()


def test_a_day_stored_under_one_tz_stays_under_another(cli_env, data_dir: Path, tmp_path: Path) -> None:
    def rebound(zone: str, *args: str) -> str:
        before = local_today(zone)
        result = run_cli(*args, env=dict(cli_env, REBOUND_DATA_DIR=str(data_dir), TZ=zone), cwd=tmp_path)
        assert result.code == 0, result.describe()
        days.setdefault(zone, set()).update({before, local_today(zone)})  # a run may straddle midnight
        return result.out

    days: dict[str, set[str]] = {}
    rebound(EAST, "goal", "add", "Apply")
    rebound(EAST, "log", "apply")
    west = json.loads(rebound(WEST, "status", "--json"))
    assert west["date"] in days[WEST] and not days[WEST] & days[EAST]
    assert west["goals"][0]["done"] == 0  # the east's day is tomorrow here
    rebound(WEST, "log", "apply", "2")
    rebound(EAST, "status")  # back east: a run that reads (and could rewrite) everything
    checkins = sorted((c.count, c.day.isoformat()) for c in repo.checkins(Store.open(data_dir)))
    [(one, east_day), (two, west_day)] = checkins
    assert (one, two) == (1, 2)
    assert east_day in days[EAST] and west_day in days[WEST] and east_day > west_day
