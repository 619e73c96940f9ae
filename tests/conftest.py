"""Fixtures shared by the test modules: the real coder, the shared corpora, running the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
GOLD = TESTS / "gold"  # the project's own gold files and floors
ARTIFACTS = TESTS / "artifacts"  # screenshots the browser tests leave for a reader


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message where it is absent (as on a user's machine)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: this test reads the shared gold/corpora beside the repo")
    return p


@pytest.fixture(scope="session")
def coder():
    """The real coder (spaCy pipeline, dictionaries, lexicon, classifier), loaded once."""
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    return get_coder(Settings(workers=1))


@pytest.fixture(scope="session")
def coder_all():
    """The real coder keeping every event it finds (min_confidence 0, as `--all`), for tests of what it
    says of events the default threshold leaves out."""
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    return get_coder(Settings(workers=1, min_confidence=0.0))


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None, timeout: int = 600):
    """Run the real `greatgame` command in a subprocess; returns the CompletedProcess."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "greatgame", *args], input=input, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
