# Two commands on a fresh machine:  make run  (set up, ingest if needed, serve)  and  make test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

.PHONY: setup index run staff test lint eval clean

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

index: setup
	$(PY) ingest.py

run: index
	$(PY) app.py

staff: index
	$(PY) -m faqbot staff serve

lint: setup
	$(PY) -m ruff check .

test: lint
	$(PY) -m pytest

eval: index
	$(PY) -m faqbot eval

clean:
	rm -rf $(VENV) index .index.* .pytest_cache .ruff_cache
