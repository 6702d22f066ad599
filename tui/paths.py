"""Where things live: the data folder and the styles folder. Nothing else."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "REBOUND_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else REBOUND_DATA_DIR, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("rebound")


def styles_dir() -> Path:
    """``tui/styles`` inside an installed wheel, ``styles/`` beside ``tui/`` in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "styles"
    if installed.is_dir():
        return installed
    return package.parent / "styles"
