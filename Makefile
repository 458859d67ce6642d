# Two commands for a newcomer: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test check bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

.env:
	$(PYTHON) scripts/make_env.py

## run: install, migrate, load reference data (keeps staff edits), serve on 127.0.0.1:$(PORT)
run: $(VENV)/.runtime .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py setup_staff_roles --verbosity 0
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "  ポータルを起動します: http://127.0.0.1:$(PORT)/"
	@echo "  職員アカウントの作成(別の端末で): $(BIN)/python manage.py createsuperuser"
	@echo "  管理画面: http://127.0.0.1:$(PORT)/admin/   停止: Ctrl+C"
	@echo ""
	$(BIN)/gunicorn kumamoto_portal.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# The Nu HTML Checker (npm vnu-jar, pinned in package-lock.json) for tests/test_valid_html.py; runs on java.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

## test: lint, migration check, and every test (unit, view, browser, accessibility, valid HTML)
test: $(VENV)/.dev .env node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

## check: the fast loop while working (under 2 minutes): lint, migration check, and every test
## that needs no browser and no service (pytest -m "not browser and not service")
check: $(VENV)/.dev .env node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -m "not browser and not service"

## bench: cached pages vs a static file, 1x vs 10x data, load with the database cut and a worker killed
## (needs wrk, PostgreSQL and Redis; see scripts/bench.py)
bench: $(VENV)/.dev .env
	$(BIN)/python scripts/bench.py

## messages: compile the Japanese strings for django-axes and django-simple-history (locale/ja)
messages:
	msgfmt --check -o locale/ja/LC_MESSAGES/django.mo locale/ja/LC_MESSAGES/django.po

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts .pytest_cache .ruff_cache
