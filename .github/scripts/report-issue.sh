#!/usr/bin/env bash
# Open an issue titled "$1" with the report file "$2" as its body, or update the open one.
set -euo pipefail
title="$1"
body_file="$2"
[ -s "$body_file" ] || echo "The check failed without a report; see the workflow run log." > "$body_file"
number=$(gh issue list --state open --search "in:title \"$title\"" --json number,title \
  --jq ".[] | select(.title == \"$title\") | .number" | head -n 1)
if [ -n "$number" ]; then
  gh issue edit "$number" --body-file "$body_file"
else
  gh issue create --title "$title" --body-file "$body_file"
fi
