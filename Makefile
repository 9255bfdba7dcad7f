# govform: `make run` opens the window on the sample report; `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# The UI is written in Chinese; resources/translations/govform_LANG.ts carry its translations (Qt Linguist):
# `make translations` adds the window's new strings to them (then translate them, e.g. in Qt Linguist);
# the .qm files the window loads are built from them by pyside6-lrelease (`make run`, `make test`, packages).
TS := $(wildcard resources/translations/govform_*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test soak lint bench package translations clean system-deps-run system-deps-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

system-deps-run:
	sh packaging/linux/system-deps.sh run

system-deps-test:
	sh packaging/linux/system-deps.sh test

run: $(STAMP) system-deps-run $(QM)
	$(PY) -m govform $(FILE)

lint: $(STAMP)
	$(VENV)/bin/ruff check govform tests packaging
	$(VENV)/bin/ruff format --check govform tests packaging
	$(VENV)/bin/lint-imports

test: $(STAMP) system-deps-test lint $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The fault tests of make test, longer and with fresh random examples each run: 400 + 200 kill -9 during
# saves, 20,000 fuzzed project files loaded and 2,000 exported (about 10 minutes on 2 cores).
soak: $(STAMP)
	GOVFORM_KILLS=400 GOVFORM_FUZZ=20000 GOVFORM_FUZZ_EXPORT=2000 GOVFORM_FUZZ_RANDOM=1 QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
		tests/io/test_kill_saves.py tests/io/test_fuzz_project.py

bench: $(STAMP) system-deps-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/benchmarks/run.py

# `make translations`: the window's new strings into the .ts files (then translate them, e.g. in Qt Linguist).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(git ls-files --cached --others --exclude-standard 'govform/*.py') \
		-source-language zh_CN -target-language en -no-obsolete -locations none \
		-ts resources/translations/govform_en.ts

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# A frozen bundle (dist/govform/) checked by running it and by its size, then a .deb of it on Debian-family
# systems, installed into a scratch root and run from there.
BUNDLE_LIMIT_MB ?= 120
# The Windows installer is built on Windows from the same bundle: packaging/windows/govform.iss.
package: $(STAMP)
	$(PY) -m pip install -q pyinstaller
	$(PY) packaging/make_icons.py
	$(VENV)/bin/pyside6-lrelease -silent resources/translations/*.ts
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/govform.spec
	dist/govform/govform-cli check resources/samples/changshouhu-2024.govform
	dist/govform/govform-cli export resources/samples/changshouhu-2024.govform -o build/package-smoke.docx
	dist/govform/govform-cli export resources/samples/changshouhu-2024.govform -o build/package-smoke.xlsx
	rm -rf build/batch-smoke && mkdir -p build/batch-smoke
	for n in 1 2 3 4 5 6 7 8 9; do cp resources/samples/changshouhu-2024.govform build/batch-smoke/$$n.govform; done
	dist/govform/govform-cli check build/batch-smoke build/package-smoke.xlsx --xlsx build/batch-smoke.xlsx
	QT_QPA_PLATFORM=offscreen dist/govform/govform-cli --smoke
	sh packaging/check-size.sh dist/govform $(BUNDLE_LIMIT_MB)
	if command -v dpkg-deb >/dev/null; then sh packaging/linux/build-deb.sh && sh packaging/linux/check-deb.sh; fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
