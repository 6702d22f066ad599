""""Sync now" (command palette): `rebound sync` in its own process, its result in a toast."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .host import HostApp


def start_sync(app: HostApp) -> None:
    app.notify("Syncing with your remote…", title="Sync", timeout=3)
    folder = app.rb.store.folder

    def run() -> None:
        from ..services.sync_run import sync_elsewhere

        done, line = sync_elsewhere(folder)
        app.call_from_thread(show_result, app, done, line)

    app.run_worker(run, thread=True, exclusive=True, group="sync", name="sync")


def show_result(app: HostApp, done: bool, line: str) -> None:
    if done:
        app.notify(line, title="Synced", timeout=8, markup=False)
    else:
        app.notify(line[:1].upper() + line[1:], title="Sync failed", severity="error", timeout=15,
                   markup=False)
    app.refresh_data()  # the merged data at once, not at the next poll
