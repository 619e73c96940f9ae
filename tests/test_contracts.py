"""Contracts: every command documented, exported names exist, the code passes the linter."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import greatgame
from greatgame.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme():
    import typer.main

    group = typer.main.get_command(app)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`greatgame ([a-z-]+)", readme))
    missing = sorted(set(group.commands) - documented)
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_module_all_names_exist():
    for info in pkgutil.walk_packages(greatgame.__path__, "greatgame."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for name in getattr(mod, "__all__", []):
            assert hasattr(mod, name), f"{info.name}.__all__ names {name!r}, which does not exist"


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is installed by `make setup` (the test extra)"
    out = subprocess.run([ruff, "check", "src", "tests", "benchmarks", "training"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
