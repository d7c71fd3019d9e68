#!/usr/bin/env bash
# Mutation testing of the page scripts' pure functions (docs/assets/javascripts/plan.js,
# progress-core.js, and the pure parts of filters.js and map.js) with StrykerJS: each small
# change ("mutant") to a script should make some test in tests/js/ fail. Settings are in
# stryker.config.json; the report is printed (score per file, surviving mutants) and written
# as HTML to reports/mutation/js/index.html.
#
# Some tests read the built site's roadmap.json. Name one with ROADMAP_JSON to reuse it;
# otherwise the site is built into a temporary folder first (about ten seconds), never into
# site/. Extra arguments go to `stryker run` (e.g. --mutate docs/assets/javascripts/plan.js).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
if [ -z "${ROADMAP_JSON:-}" ]; then
  built="$(mktemp -d)"
  trap 'rm -rf "$built"' EXIT
  echo "Building the site into a temporary folder for its roadmap.json..."
  NO_MKDOCS_2_WARNING=1 "$PYTHON" -m roadmap build --site-dir "$built/site" >"$built/build.log" 2>&1 \
    || { cat "$built/build.log"; exit 1; }
  ROADMAP_JSON="$built/site/roadmap.json"
fi
[ -f "$ROADMAP_JSON" ] || { echo "ROADMAP_JSON names no file: $ROADMAP_JSON" >&2; exit 1; }
export ROADMAP_JSON="$(cd "$(dirname "$ROADMAP_JSON")" && pwd)/$(basename "$ROADMAP_JSON")"

node_modules/.bin/stryker run stryker.config.json "$@"
