# govform: `make run` opens the window on the sample report; `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean system-deps-run system-deps-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

system-deps-run:
	sh packaging/linux/system-deps.sh run

system-deps-test:
	sh packaging/linux/system-deps.sh test

run: $(STAMP) system-deps-run
	$(PY) -m govform $(FILE)

lint: $(STAMP)
	$(VENV)/bin/ruff check govform tests
	$(VENV)/bin/ruff format --check govform tests
	$(VENV)/bin/lint-imports

test: $(STAMP) system-deps-test lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP) system-deps-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
