# Every target bootstraps the virtual environment it needs, so `make serve` and `make test`
# work on a fresh clone with only Python 3.11+ and make installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build generate test system-packages check outputs notebooks exercise bench engines mutate mutate-py mutate-js links-external lock clean

$(STAMP): pyproject.toml requirements.lock
	@echo "Installing the Python packages into $(VENV)/ (first run only, about 3 minutes)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,snippets,torch]"
	touch $(STAMP)

# The exercises need pytest and Hypothesis, and NumPy, SciPy and scikit-learn (the tests compare
# answers with them), so `make exercise` skips the heavy install (MkDocs, PyTorch, Spark).
EXERCISE_STAMP := $(VENV)/.installed-exercises

$(EXERCISE_STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock pytest hypothesis numpy scipy scikit-learn
	touch $(EXERCISE_STAMP)

NODE_STAMP := node_modules/.installed
# How make test runs pytest (one worker per core, coverage of snippets/ and roadmap/); make bench
# times the same. make test then requires every line and branch of the snippets, and 95% of the
# engine's.
PYTEST_ARGS := -n auto --cov --cov-report=term

# The build needs node_modules/ too: the exercises run on their pages with the Python runtime
# from the npm package pyodide (pinned in package.json), which the build copies into the site.
$(NODE_STAMP): package.json package-lock.json
	@echo "Installing Pyodide, axe-core, Lighthouse and StrykerJS into node_modules/ (first run only, about a minute)..."
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(NODE_STAMP)

serve: $(STAMP) $(NODE_STAMP) ## Serve the site at http://127.0.0.1:8000 with live reload (generating again on each change)
	$(BIN)/python -m roadmap serve

generate: $(STAMP) $(NODE_STAMP) ## Write the Markdown the site is built from into build/docs/ (only the files that changed)
	$(BIN)/python -m roadmap generate

build: $(STAMP) $(NODE_STAMP) ## Generate, then build the site into site/ (strict; a failed build leaves the last good site/)
	$(BIN)/python -m roadmap build

check: $(STAMP) ## Validate the roadmap data only (fast)
	$(BIN)/python -m roadmap check

# Chromium, Node.js and Java for the tests: installed with apt-get when missing (as root, or with
# sudo that needs no password); otherwise it stops here and prints the command to run.
system-packages:
	@$(PYTHON) -m scripts.system_packages

test: system-packages $(STAMP) $(NODE_STAMP) ## Everything CI runs: data, snippets, strict build, links, roadmap.json (tests in parallel, one worker per core)
	$(BIN)/python -m roadmap check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/python -m coverage report --include="snippets/*" --fail-under=100
	$(BIN)/python -m coverage report --include="roadmap/*" --fail-under=95

# Zensical and ProperDocs, pinned in requirements-engines.txt, in an environment of their own.
ENGINES_VENV := .venv-engines
ENGINES_STAMP := $(ENGINES_VENV)/.installed

$(ENGINES_STAMP): pyproject.toml requirements.lock requirements-engines.txt
	$(PYTHON) -m venv $(ENGINES_VENV)
	$(ENGINES_VENV)/bin/python -m pip install --quiet --upgrade "pip>=24"
	$(ENGINES_VENV)/bin/python -m pip install --quiet -c requirements.lock -r requirements-engines.txt -e .
	touch $(ENGINES_STAMP)

engines: $(ENGINES_STAMP) $(NODE_STAMP) ## Build the generated pages with Zensical and ProperDocs and check every skill page's checklist, prerequisites and resources (weekly in CI)
	$(ENGINES_VENV)/bin/python -m scripts.check_engines

outputs: $(STAMP) ## Re-record snippets/*/*.out from what each snippet prints now (one: NAME=<name>)
	$(BIN)/python -m scripts.update_outputs $(NAME)

notebooks: $(STAMP) ## Re-run docs/notebooks/*.ipynb and store them with their outputs, normalised
	$(BIN)/python -m scripts.run_notebooks

EXERCISE_TESTS = $(wildcard exercises/*/test_$(NAME).py)
EXERCISES = $(sort $(basename $(filter-out test_%,$(notdir $(wildcard exercises/*/*.py)))))

exercise: $(EXERCISE_STAMP) ## Test your solution to one exercise: make exercise NAME=binary_search
	@if [ -z "$(NAME)" ] || [ -z "$(EXERCISE_TESTS)" ]; then \
		echo "usage: make exercise NAME=<name>   (see exercises/README.md)"; \
		echo "exercises: $(EXERCISES)"; \
		exit 2; \
	fi
	$(BIN)/python -m pytest $(EXERCISE_TESTS)

bench: $(STAMP) $(NODE_STAMP) ## Figures: build times, bytes of a first visit and a second page, an exercise's first and later runs in the browser, the same for a roadmap 5x as large, test-suite time, planner speed, Lighthouse
	$(BIN)/python -m scripts.bench_build --suite "$(PYTEST_ARGS)"
	$(BIN)/python -m scripts.bench_planner
	$(BIN)/python -m scripts.bench_weight
	$(BIN)/python -m scripts.bench_exercise
	$(BIN)/python -m scripts.bench_scale
	$(BIN)/python -m scripts.bench_lighthouse
	$(BIN)/python -m scripts.bench_theme_script

# Mutation testing, slow and not part of make test (about 15 minutes for the engine and 2 for
# the page scripts on 2 cores). One engine module: make mutate-py MUTANTS="roadmap.render.*";
# one page script: make mutate-js FILE=docs/assets/javascripts/plan.js
MUTATE_STAMP := $(VENV)/.installed-mutate

$(MUTATE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[mutate]"
	touch $(MUTATE_STAMP)

mutate: mutate-py mutate-js ## Mutation scores of the engine (mutmut) and the page scripts (StrykerJS), with the surviving mutants

mutate-py: $(MUTATE_STAMP)
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python -m scripts.mutation_scores --survivors

mutate-js: $(STAMP) $(NODE_STAMP)
	PYTHON=$(BIN)/python scripts/mutate_js.sh $(if $(FILE),--mutate $(FILE))

links-external: $(STAMP) ## Check every link, external ones too (needs the network)
	$(BIN)/python -m scripts.check_links --report link-report.md

lock: ## Re-pin every dependency to the newest allowed version
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip>=24"
	.lock-venv/bin/python -m pip install --quiet -e ".[test,snippets,torch]"
	printf "%s\n" "# Exact versions for a reproducible install: pip install -c requirements.lock -e \".[test,snippets,torch]\"" "# Regenerate with: make lock. Never edit by hand." > requirements.lock
	# A local build label (torch 2.13.0+cpu) exists on one machine only; pin the release itself.
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v "^-e" | sed -E 's/^(torch==[^+]+)\+.*$$/\1/' >> requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site build .site-building-* .site-old .cache .pytest_cache .hypothesis .coverage .coverage.* link-report.md
