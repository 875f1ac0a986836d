# Two entry points (see README): `make run` for the demo on SQLite, `make test` for every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

## Set up, migrate a SQLite database under instance/, load instruments + 2017 organisation + demo wave, serve,
## with one queue worker beside the web server (embedded queue: instance/jobs.sqlite3; stopped with the server).
run: install
	$(FLASK) instruments check
	$(FLASK) db upgrade
	$(FLASK) demo load
	$(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	SESSION_COOKIE_SECURE=0 $(FLASK) run --host 127.0.0.1 --port 5000

## Set up and run every test (ruff first: a lint error fails the build), one pytest worker per core.
test: install
	$(BIN)/ruff check .
	$(BIN)/pytest -n auto

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python bench/analyse.py
	$(BIN)/python bench/submit.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/job_queue.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
