#!/usr/bin/env bash
# Benchmarks sanctions against what a user would otherwise reach for, in one run, on the same
# generated events and the same rules and data:
#   - sanctions check on NDJSON, and on the same events as separate files;
#   - floor: a minimal Go program that evaluates the same rules with a prepared query in one
#     goroutine (cmd/benchfloor), the floor an embedder of OPA gets for free;
#   - conftest test on the separate files, with a thin wrapper policy around the same rules;
#   - opa eval over the same rules (the bundle that `sanctions bundle` writes), all events in one
#     input array.
# It prints a Markdown table: wall time, events per second, peak memory (maximum resident set).
#
#   scripts/bench.sh                          # 100,000 events; 10,000 files
#   EVENTS=20000 FILES=2000 scripts/bench.sh  # a quicker run
#   MEMORY_EVENTS=1000000 scripts/bench.sh    # also the peak memory of sanctions on 1,000,000 events
#
# The peers are installed with go install at pinned versions, into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-100000}
FILES=${FILES:-10000}
SEED=${SEED:-1}
MEMORY_EVENTS=${MEMORY_EVENTS:-0}
OPA_VERSION=v1.22.3
CONFTEST_VERSION=v0.71.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/bin"
mkdir -p "$bin" "$work/files" "$work/policy"

echo "building sanctions and floor; installing opa $OPA_VERSION and conftest $CONFTEST_VERSION" >&2
go build -o "$bin/sanctions" ./cmd/sanctions
go build -o "$bin/floor" ./cmd/benchfloor
GOBIN="$bin" go install "github.com/open-policy-agent/opa@$OPA_VERSION"
GOBIN="$bin" go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"

echo "generating $EVENTS events (seed $SEED)" >&2
"$bin/sanctions" gen --count "$EVENTS" --seed "$SEED" > "$work/events.ndjson"
head -n "$FILES" "$work/events.ndjson" | awk -v dir="$work/files" '{ f = sprintf("%s/e-%06d.json", dir, NR); print > f; close(f) }'
head -n "$FILES" "$work/events.ndjson" | awk 'BEGIN { print "[" } NR > 1 { print "," } { print } END { print "]" }' > "$work/array.json"

# The same rules and data for the peers: the bundle for opa; its modules and data for conftest.
"$bin/sanctions" bundle --rules rules -o "$work/bundle.tar.gz" 2>/dev/null
tar xzf "$work/bundle.tar.gz" -C "$work/policy" 2>/dev/null
mv "$work/policy/data.json" "$work/data.json"
rm -f "$work/policy/.manifest"
cat > "$work/policy/main.rego" <<'REGO'
package main

# A thin wrapper: every finding of the sanctions rules is a conftest failure.
deny contains msg if {
	some f in data.sanctions.findings
	msg := sprintf("%s %s (%s)", [f.event_id, f.rule_id, f.verdict])
}
REGO

rows=()
# measure NAME EVENTS COMMAND...: runs the command, keeps wall time and peak memory.
measure() {
  local name=$1 n=$2
  shift 2
  echo "running: $name" >&2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  read -r secs kb < <(tail -n 1 "$work/time")
  rows+=("$(printf '| %s | %d | %.2f | %.0f | %.0f |' "$name" "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)")")
}

measure "sanctions check, NDJSON" "$EVENTS" "$bin/sanctions" check --rules rules --fail-on never --format ndjson "$work/events.ndjson"
measure "floor: prepared query, 1 goroutine, NDJSON" "$EVENTS" sh -c "'$bin/floor' rules < '$work/events.ndjson'"
measure "sanctions check, $FILES files" "$FILES" "$bin/sanctions" check --rules rules --fail-on never --format ndjson "$work/files"
measure "conftest test, $FILES files" "$FILES" "$bin/conftest" test --no-color --output json -p "$work/policy" -d "$work/data.json" "$work/files"
measure "opa eval, $FILES events in one input" "$FILES" "$bin/opa" eval -b "$work/bundle.tar.gz" -i "$work/array.json" \
  'count([f | some ev in input; some f in data.sanctions.findings with input as ev])'
if [ "$MEMORY_EVENTS" -gt 0 ]; then
  "$bin/sanctions" gen --count "$MEMORY_EVENTS" --seed "$SEED" > "$work/many.ndjson"
  measure "sanctions check, NDJSON (memory)" "$MEMORY_EVENTS" "$bin/sanctions" check --rules rules --fail-on never --format ndjson "$work/many.ndjson"
fi
start=$(date +%s%N); "$bin/sanctions" check --rules rules -q fixtures/seed > /dev/null || true; end=$(date +%s%N)

echo
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3)"
echo
echo "| run | events | wall s | events/s | peak MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "Process start to exit, sanctions check fixtures/seed: $(( (end - start) / 1000000 )) ms"
