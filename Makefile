# Warta — make targets. Everything installs itself into .venv on first use.
PY       ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
SHARED   ?= ../shared
INDEX    ?= var/demo-index
HOST     ?= 127.0.0.1
PORT     ?= 8000

.PHONY: install run test test-fast bench eval-ner lint browser train-ner clean opensearch opensearch-launcher messages

install: $(STAMP)

$(STAMP): pyproject.toml setup.py $(wildcard indexer/*.pyx indexer/*.pxd indexer/entities/*.pyx)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; }

run: install
	$(BIN)/warta reindex corpus --index $(INDEX)
	$(BIN)/warta serve --index $(INDEX) --host $(HOST) --port $(PORT)

# The embedded OpenSearch node (opensearch/): Maven fetches its jars into ~/.m2 once.
opensearch-launcher: install
	$(BIN)/python -m indexer.opensearch_node --build-only

opensearch: install
	$(BIN)/python -m indexer.opensearch_node

test: install browser opensearch-launcher
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not browser and not slow"

bench: install
	$(BIN)/python -m bench.analysis_bench --shared $(SHARED)
	$(BIN)/python -m bench.index_bench --shared $(SHARED)
	$(BIN)/python -m bench.http_bench --shared $(SHARED)
	$(BIN)/python -m bench.relevance --shared $(SHARED)

eval-ner: install
	$(BIN)/python -m scripts.eval_ner --shared $(SHARED)

train-ner: install
	$(BIN)/pip install -q -e '.[test,train]'
	$(BIN)/python -m scripts.train_ner --shared $(SHARED)

# The pages' message catalog: extract the msgids (babel.cfg), then merge them into each .po
# (translate the new empty entries; the app reads the .po files themselves, nothing to compile).
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --project=Warta \
	  -o search_api/locale/messages.pot .
	$(BIN)/pybabel update -i search_api/locale/messages.pot -d search_api/locale -D messages \
	  --no-fuzzy-matching --ignore-obsolete

lint: install
	$(BIN)/ruff check indexer search_api tests bench scripts
	$(BIN)/mypy indexer search_api bench

clean:
	rm -rf $(VENV) var .pytest_cache test-artifacts opensearch/target
