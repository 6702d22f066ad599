"""A real, non-editable install into a fresh venv: the wheel carries the styles and runs."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run(*cmd: str | Path, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH (a checkout put first by hand) would shadow the wheel being tested
    clean = {k: v for k, v in (os.environ if env is None else env).items() if k != "PYTHONPATH"}
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, env=clean,
                          **kwargs)


def test_wheel_installs_with_styles_and_runs(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, ROOT)
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("rebound_tui-*.whl"))

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Dependencies come from this test run's environment (a .pth appends its site-packages after
    # the new venv's own); the package itself comes from the wheel. .ci/run installs the declared
    # dependencies from scratch, which checks the declarations.
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site.stdout.strip()) / "outer_env.pth").write_text("\n".join(deps) + "\n")
    installed = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                    "--no-index", wheel)
    assert installed.returncode == 0, installed.stderr

    probe = (
        "import tui, tui.paths as p; "
        "print(tui.__file__); print(p.styles_dir()); "
        "print(sorted(x.name for x in p.styles_dir().glob('*.tcss')))"
    )
    out = run(python, "-c", probe, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    module_file, styles, names = out.stdout.splitlines()
    assert str(env_dir) in module_file, "imported the checkout, not the wheel"
    assert Path(styles) == Path(module_file).parent / "styles"
    assert "app.tcss" in names and "today.tcss" in names

    data = tmp_path / "data"
    env = {**os.environ, "REBOUND_DATA_DIR": str(data)}
    rebound = env_dir / "bin" / "rebound"
    added = run(rebound, "goal", "add", "Send applications", "--target", "2", env=env, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    status = run(rebound, "status", "--json", env=env, cwd=tmp_path)
    assert status.returncode == 0 and '"Send applications"' in status.stdout

    # The app itself starts from the wheel: its stylesheets load and a first frame is drawn.
    smoke = (
        "import asyncio, tempfile, pathlib\n"
        "from tui.app import ReboundApp\nfrom tui.services import Rebound\n"
        "async def main():\n"
        "    app = ReboundApp(Rebound.open(pathlib.Path(tempfile.mkdtemp())))\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(type(app.screen).__name__)\n"
        "asyncio.run(main())\n"
    )
    shown = run(python, "-c", smoke, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "TodayScreen"
