"""Entry point: ``rebound`` and ``python -m tui``. Textual is imported only to open the app."""

from __future__ import annotations

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
