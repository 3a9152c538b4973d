# The README's two commands are `make demo` and `make test`; the rest are helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 3

.PHONY: demo test install serve lint types unit browser messages bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
	$(MANAGE) compile_catalogues

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) demo
	@$(MAKE) --no-print-directory serve

# gunicorn serves the app (WhiteNoise serves compressed static files) and the Huey worker
# runs background tasks beside it; Ctrl+C stops both.
serve:
	@echo "Rumbo is running at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) run_huey --quiet & \
	$(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WEB_WORKERS)

test: install lint types unit

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy .

unit: install
	$(BIN)/pytest

browser: install
	$(BIN)/pytest -m browser

# Extracts interface strings into each app's catalogues (needs GNU gettext).
messages: install
	for app in rumbo/*/; do \
		if [ -d "$$app/locale" ]; then \
			(cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages --locale es --locale en --locale fr --locale ar --no-obsolete --no-location); \
		fi; \
	done

# The measuring scripts (the *_wsgi.py and *_data.py files are their helpers). Several need
# PostgreSQL on 127.0.0.1 and `wrk` (apt-get install wrk); each says so in its docstring.
BENCHMARKS := guides_plan infopoints_nearest plans_questionnaire casework_report \
	casework_staff learning_answer

bench: install
	set -e; for name in $(BENCHMARKS); do $(BIN)/python bench/bench_$$name.py; done

clean:
	rm -rf $(VENV) var/static
