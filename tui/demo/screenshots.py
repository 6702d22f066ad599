"""Write ``screenshots/*.svg`` from demo data at a fixed date and size: ``python -m tui.demo.screenshots``."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from . import generate
from ..services import Rebound

FIXED_NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
SIZE = (110, 34)
CLASSIC = (80, 24)  # the classic terminal: every screen must work there too (product.md §2)


def demo_app(folder: Path, now: datetime = FIXED_NOW):  # type: ignore[no-untyped-def]
    from ..app import ReboundApp

    rb = Rebound.open(folder, now=lambda: now)
    generate(rb)
    return ReboundApp(rb, poll_seconds=3600)


async def capture(out: Path) -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory() as folder:
        app = demo_app(Path(folder))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for name, keys in (("today", []), ("goals", ["2"]), ("contacts", ["3"]),
                               ("mood", ["4"]), ("wins", ["5"]), ("applications", ["6"])):
                await pilot.press(*keys)
                await pilot.pause()
                path = out / f"{name}.svg"
                path.write_text(app.export_screenshot(title=f"Rebound · {name}"), encoding="utf-8")
                written.append(path)
    with tempfile.TemporaryDirectory() as folder:
        app = demo_app(Path(folder))
        async with app.run_test(size=CLASSIC) as pilot:
            await pilot.pause()
            path = out / "today-{}x{}.svg".format(*CLASSIC)
            path.write_text(app.export_screenshot(title="Rebound · today at 80×24"), encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(capture(out)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
