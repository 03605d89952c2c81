#!/usr/bin/env bash
# Regenerates cards/golden/NAME[.VARIANT].expanded.json (and the engine's conformance fixtures): every template in cards/ expanded with each of its sample
# data files by the OFFICIAL engine (adaptivecards-templating via teams-check). The C# engine's test compares its own
# expansion with these files, so review a golden diff like code. Needs the shared tools beside the clone (../shared)
# or TEAMS_CHECK=/path/to/teams-check.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${TEAMS_CHECK:-}
if [[ -z $tool ]]; then
  # ../shared beside the clone (CI, the main work tree); a git worktree may sit deeper, so look further up too.
  dir=$(pwd)
  while [[ $dir != / ]]; do
    dir=$(dirname "$dir")
    if [[ -x $dir/shared/tools/teams-check ]]; then tool=$dir/shared/tools/teams-check; break; fi
  done
fi
if [[ -z $tool || ! -x $tool ]]; then
  echo "teams-check not found at '$tool' (expected ../shared beside the repository, or set TEAMS_CHECK)" >&2
  exit 1
fi
mkdir -p cards/golden
rm -f cards/golden/*.expanded.json
count=0
for data in cards/*.data.json; do
  stem=$(basename "$data" .data.json)          # recommendation.emergent
  name=${stem%%.*}                             # recommendation
  template=cards/$name.template.json
  if [[ ! -f $template ]]; then
    echo "no template $template for $data" >&2
    exit 1
  fi
  # --strict: an expansion warning other than the library's known false-$when message fails the run.
  out=cards/golden/$stem.expanded.json
  "$tool" template --sort-keys "$template" "$data" > "$out" 2> "$out.log" || { cat "$out.log" >&2; exit 1; }
  if grep -v 'The \$when condition has been set to false by default' "$out.log" | grep -q .; then
    echo "warnings while expanding $template with $data:" >&2
    cat "$out.log" >&2
    exit 1
  fi
  rm -f "$out.log"
  count=$((count + 1))
done
# The engine's own conformance fixtures (every supported syntax and quirk), golden next to each.
for template in tests/ImagingBot.Templating.Tests/Conformance/*.template.json; do
  stem=${template%.template.json}
  "$tool" template --sort-keys "$template" "$stem.data.json" > "$stem.expanded.json" 2> /dev/null
  count=$((count + 1))
done
echo "wrote $count golden file(s): cards/golden and tests/ImagingBot.Templating.Tests/Conformance" >&2
