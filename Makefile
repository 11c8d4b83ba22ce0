# The two commands in the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true

.PHONY: run test setup lint browser fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# Set everything up, import the bundled articles and serve on 127.0.0.1:8000.
run: setup
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py import_articles data/articles
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python manage.py check

# Set everything up and run the whole suite (on DATABASE_URL; SQLite when unset).
# The browser tests drive Debian's Chromium (Playwright may not download a browser of its own here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# pytest exits 5 when it collects nothing; that is not a failure of the code.
test: lint browser
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

# The query-string property test at depth (the suite runs 200 examples per endpoint): 1,200 per
# endpoint, 21,600 in all, on DATABASE_URL (SQLite when unset). EXAMPLES=n sets the depth.
fuzz: setup
	FUZZ_EXAMPLES=$(or $(EXAMPLES),1200) $(BIN)/pytest tests/test_query_strings.py -q --hypothesis-show-statistics

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
