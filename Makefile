# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
# Everything installs into .venv/ and node_modules/ from the project's own lock files.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
CHROMIUM := /usr/bin/chromium
# CPythons that `make record-versions` records with when this machine has them (pyenv).
OTHER_PYTHONS ?= 3.9 3.10 3.12 3.13

.PHONY: setup serve build record record-versions test test-unit test-js test-browser lint bench clean chromium lock cpython-testsuite

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Re-pin requirements.lock from pyproject.toml, with every file's sha256 (pip-tools, in a
# throw-away venv; existing pins are kept unless pyproject.toml needs others).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q --disable-pip-version-check pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" .lock-venv/bin/pip-compile --quiet --generate-hashes \
	  --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml
	rm -rf .lock-venv

chromium:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium (needs root)"; \
	  apt-get update -qq && apt-get install -y -qq chromium; }

# CPython's own threading tests, which tests/browser/test_cpython_suite.py runs in the page.
CPYTHON_TESTS := /usr/lib/python3.11/test/lock_tests.py
cpython-testsuite:
	@test -f $(CPYTHON_TESTS) || { echo "installing Debian's libpython3.11-testsuite (needs root)"; \
	  apt-get update -qq && apt-get install -y -qq libpython3.11-testsuite; }

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: setup
	$(BIN)/mkdocs build --strict

record: setup
	$(BIN)/python -m sitebuild.recorder

# Optional: other CPythons show how behaviour differs. Recordings are committed, so the
# build never needs these interpreters; missing ones are skipped with a message.
record-versions: setup
	@for v in $(OTHER_PYTHONS); do \
	  py=$$(ls -d $$HOME/.pyenv/versions/$$v*/bin/python3 2>/dev/null | head -n1); \
	  if [ -z "$$py" ]; then echo "CPython $$v not found: skipped"; continue; fi; \
	  $(BIN)/python -m sitebuild.recorder --python $$py --version $$v || exit 1; \
	done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/eslint .

# The page's pure JavaScript modules under Node's own test runner (tests/js/*.test.js).
# No test found fails too: a renamed folder must not pass silently.
test-js: setup
	@out=$$(node --test --test-reporter=tap tests/js/ 2>&1); status=$$?; \
	  if [ $$status -ne 0 ]; then echo "$$out"; exit $$status; fi; \
	  echo "$$out" | grep -E '^# (tests|pass|fail) '; \
	  echo "$$out" | grep -Eq '^# tests [1-9]' || { echo "node --test: no tests ran"; exit 1; }

test-unit: setup
	$(BIN)/python -m pytest tests/unit

test-browser: setup chromium cpython-testsuite build
	$(BIN)/python -m pytest tests/browser

test: setup chromium cpython-testsuite lint test-js
	$(BIN)/python -m pytest tests

bench: setup chromium build
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_load
	$(BIN)/python -m tests.bench_editor
	$(BIN)/python -m tests.bench_threads
	$(BIN)/python -m tests.bench_race
	$(BIN)/python -m tests.bench_stop
	$(BIN)/python -m tests.bench_lighthouse
	$(BIN)/python -m tests.bench_timeline
	$(BIN)/python -m tests.bench_recursion

clean:
	rm -rf site .pytest_cache
