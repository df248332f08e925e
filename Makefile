# Quorum: the two commands a new user types are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLES := samples/harrow
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the bundled samples into SQLite (quorum.db) and serve the portal on http://$(HOST):$(PORT).
run: install
	$(BIN)/quorum ingest $(SAMPLES) --database-url sqlite:///quorum.db
	$(BIN)/quorum serve --host $(HOST) --port $(PORT) --database-url sqlite:///quorum.db

## Install and run the whole suite (lint first).
test: install
	$(BIN)/ruff check quorum tests bench
	$(BIN)/ruff format --check quorum tests bench
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check --fix quorum tests bench
	$(BIN)/ruff format quorum tests bench

clean:
	rm -rf $(VENV) quorum.db .pytest_cache .hypothesis
