#!/usr/bin/env bash
# Runs a command N times in a row beside two CPU-bound processes, the way a busy CI machine
# would, and prints each run's time and exit code. Stops at the first failure.
#   scripts/stress.sh [runs] [command...]     default: 3 runs of `npm test`
#   scripts/stress.sh 1 npm run bench
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
shift || true
[ $# -gt 0 ] || set -- npm test

busy=()
for _ in 1 2; do
  node -e 'for(;;){}' &
  busy+=($!)
done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT

for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  "$@" >"/tmp/company-lens-stress-$i.log" 2>&1
  code=$?
  echo "run $i/$runs: exit $code in $(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg) (log /tmp/company-lens-stress-$i.log)"
  [ "$code" -eq 0 ] || exit "$code"
done
