# termdesk — two commands: `make demo` and `make test`. Both create .venv if absent.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.termdesk-installed
ARGOS  := argostranslate==1.11.0

.PHONY: demo test lint install bench clean

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[mt,llm,test,bench]'
	# argostranslate without its torch/stanza/spaCy dependencies (see README).
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps $(ARGOS)
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Style gate (CI runs it before the tests): ruff lint + format check and mypy, zero findings.
lint: $(STAMP)
	$(BIN)/ruff check termdesk tests scripts benchmarks
	$(BIN)/ruff format --check termdesk tests scripts benchmarks
	$(BIN)/mypy

# The main job on seeds/: check the glossary, then pre-translate the seed articles into
# build/demo/ with the best backend available (an installed en→ko Argos model, else the
# glossary backend, with a one-line notice saying how to install a model).
demo: $(STAMP)
	$(BIN)/termdesk glossary check glossary/
	$(BIN)/termdesk glossary stats glossary/
	$(BIN)/termdesk pretranslate seeds/ --out build/demo

bench: $(STAMP)
	for b in benchmarks/*_bench.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache
