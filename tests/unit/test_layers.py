"""The layering rules of architecture.md: core and store never import textual; the CLI only
imports it to open the app."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "tui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer,forbidden", [
    ("core", ("textual", "tinydb", "rich")),
    ("store", ("textual", "rich")),
    ("services", ("textual", "rich")),
    ("sync", ("textual", "rich")),  # git runs the merge driver once per file: no UI imports
])
def test_layer_does_not_import(layer: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((TUI / layer).rglob("*.py"))
    assert files
    for path in files:
        for name in imported_modules(path):
            assert name.split(".")[0] not in forbidden, f"{path.name} imports {name}"


def test_status_command_does_not_load_textual(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom tui.cli.main import main\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'status'])\n"
        "assert code == 0, code\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_the_store_alone_touches_its_private_attributes() -> None:
    """Store's callers use its public methods (invalidate_all, bump_revision, opened, ...): no
    ``store._files`` from store/folder.py, store/restore.py or anywhere else."""
    reaches = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "store" and node.attr.startswith("_")):
                reaches.append(f"{path.relative_to(TUI)}:{node.lineno} store.{node.attr}")
    assert reaches == []
