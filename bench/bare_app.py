"""The start-up baseline: a bare Textual app with a Header, a Static and a Footer.

``python -m bench.bare_app``. The benchmark times it exactly as it times Rebound: from spawning
the process in a pseudo-terminal until MARKER shows on the rendered screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

MARKER = "Bare Textual app"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{MARKER}: a Header, a Static and a Footer")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
