# The commands a contributor runs; CI runs the same ones (.ci/run calls `make test`).
VENV ?= .venv
PYTHON := $(VENV)/bin/python
SITE ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build validate test schema browser clean new publish headers lint links screenshots lock

# Every package at the version and with the file hashes of requirements.lock, so that a build years
# from now installs what was tested; then the atlas package itself.
$(VENV)/installed: requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --require-hashes -r requirements.lock
	$(PYTHON) -m pip install --quiet --no-deps -e .
	touch $@

lock:  ## Pin every package, with its hashes, in requirements.lock: run after editing requirements.txt
	python3 -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools==7.6.2
	grep -v '^-e ' requirements.txt > $(VENV)-lock/requirements.in
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock $(VENV)-lock/requirements.in

serve: $(VENV)/installed  ## Preview the site at http://127.0.0.1:8000, rebuilt on every data edit
	$(VENV)/bin/mkdocs serve

build: $(VENV)/installed  ## Write the site to site/ (fails on any warning or bad record)
	$(VENV)/bin/mkdocs build --strict --site-dir $(SITE)

validate: $(VENV)/installed  ## Check every record and list every problem
	$(PYTHON) -m atlas validate

schema: $(VENV)/installed  ## Regenerate the JSON Schemas editors use (schema/)
	$(PYTHON) -m atlas schema --out schema

new: $(VENV)/installed  ## Start a record from its template: make new TYPE=practice ID=lisbon-one-stop-shop
	@test -n "$(TYPE)" -a -n "$(ID)" || { echo "usage: make new TYPE=practice|country|framework|organization|source ID=<id>"; exit 2; }
	$(PYTHON) -m atlas new $(TYPE) $(ID)

publish: $(VENV)/installed  ## List every current record id in data/published.yaml (after adding records)
	$(PYTHON) -m atlas publish

headers: $(VENV)/installed  ## Point every data file at its JSON Schema (first line), for editors
	$(PYTHON) -m atlas headers

lint: $(VENV)/installed  ## yamllint over the data files (layout, and yes/no read as true/false)
	$(VENV)/bin/yamllint data/

links: $(VENV)/installed  ## Report dead external links (uses the network; CI runs it weekly)
	$(PYTHON) -m atlas links

browser:  ## Debian's Chromium for the browser tests (never a downloaded browser), and pdftotext to read its PDFs
	@command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; }

node_modules/.installed: package.json package-lock.json  ## axe-core for the accessibility tests
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/installed browser node_modules/.installed  ## Run the whole test suite
	$(PYTHON) -m pytest

screenshots: build browser  ## Desktop and phone screenshots of each page type, in screenshots/
	$(PYTHON) tools/screenshots.py --site $(SITE) --out screenshots

SIZES ?= 1000,5000,10000
BENCH_FLAGS ?=  # e.g. --no-lighthouse
.PHONY: bench
bench: $(VENV)/installed browser bench/node_modules/.installed  ## Benchmark SIZES (practices) against a plain Material site, and Lighthouse; results in bench-results/
	$(PYTHON) bench/run.py --sizes $(SIZES) $(BENCH_FLAGS)

bench/node_modules/.installed: bench/package-lock.json  ## Lighthouse, pinned; runs Debian's Chromium
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf $(SITE) .pytest_cache
