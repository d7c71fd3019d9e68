#!/usr/bin/env bash
# Mutation testing of the page scripts' pure functions (docs/assets/javascripts/plan.js,
# progress-core.js, and the pure parts of filters.js and map.js) with StrykerJS: each small
# change ("mutant") to a script should make some test in tests/js/ fail. Settings are in
# stryker.config.json; the report is printed (score per file, surviving mutants) and written
# as HTML to reports/mutation/js/index.html.
#
# Some tests read the built site's page-data.json. Name one with PAGE_DATA_JSON to reuse it;
# otherwise the site is built into a temporary folder first (about ten seconds), never into
# site/. Extra arguments go to `stryker run` (e.g. --mutate docs/assets/javascripts/plan.js).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
if [ -z "${PAGE_DATA_JSON:-}" ]; then
  built="$(mktemp -d)"
  trap 'rm -rf "$built"' EXIT
  echo "Building the site into a temporary folder for its roadmap.json..."
  NO_MKDOCS_2_WARNING=1 "$PYTHON" -m roadmap build --site-dir "$built/site" >"$built/build.log" 2>&1 \
    || { cat "$built/build.log"; exit 1; }
  PAGE_DATA_JSON="$built/site/page-data.json"
fi
[ -f "$PAGE_DATA_JSON" ] || { echo "PAGE_DATA_JSON names no file: $PAGE_DATA_JSON" >&2; exit 1; }
export PAGE_DATA_JSON="$(cd "$(dirname "$PAGE_DATA_JSON")" && pwd)/$(basename "$PAGE_DATA_JSON")"

node_modules/.bin/stryker run stryker.config.json "$@"
