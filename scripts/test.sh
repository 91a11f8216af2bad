#!/usr/bin/env bash
# The one test command (`npm test`). Idempotent: installs and starts what the suites need
# (PostgreSQL server, Debian's Chromium, faketime for `npm run test:later`), then runs typecheck and
# lint side by side, then every vitest project in one run with V8 coverage and its floors, and ends
# with a table of the time each step took. Works as root with no stdin (CI=true) and as a normal
# user with sudo.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

STARTED_NS="$(date +%s%N)"

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
ensure_system_packages
ensure_postgres

status=0
ARTIFACTS=.test-artifacts
mkdir -p "$ARTIFACTS"
STEPS="$ARTIFACTS/test-steps.tsv"
export VIGIL_TEST_TIMES_FILE="$ARTIFACTS/vitest-projects.tsv"
: >"$STEPS"
rm -f "$VIGIL_TEST_TIMES_FILE"

seconds_since() {
  # Seconds (one decimal) since a `date +%s%N` reading.
  local elapsed_ms=$((($(date +%s%N) - $1) / 1000000))
  printf '%d.%d' $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100))
}

# Typecheck, eslint and prettier are each one process: on two cores they run side by side, each
# into its own log, printed in order when all are done.
section "Typecheck and lint (tsc --noEmit; eslint; prettier, cycles, table owners, engines, duplicates), side by side"
declare -A PIDS STARTS
for step in typecheck eslint prettier; do
  case "$step" in
    typecheck) command=(npx tsc --noEmit) ;;
    eslint) command=(npx eslint .) ;;
    prettier) command=(npm run --silent lint:structure) ;;
  esac
  STARTS[$step]="$(date +%s%N)"
  (
    start="${STARTS[$step]}"
    rc=0
    "${command[@]}" >"$ARTIFACTS/$step.log" 2>&1 || rc=$?
    printf '%s\t%s\t%s\n' "$step" "$(seconds_since "$start")" "$rc" >"$ARTIFACTS/$step.time"
    exit "$rc"
  ) &
  PIDS[$step]=$!
done
for step in typecheck eslint prettier; do
  rc=0
  wait "${PIDS[$step]}" || rc=$?
  printf '\n--- %s ---\n' "$step"
  cat "$ARTIFACTS/$step.log"
  cat "$ARTIFACTS/$step.time" >>"$STEPS"
  rm -f "$ARTIFACTS/$step.log" "$ARTIFACTS/$step.time"
  if [ "$rc" -ne 0 ]; then
    echo "$step FAILED"
    status=1
  fi
done

section "Tests (vitest: unit, integration, browser) with V8 coverage"
start="$(date +%s%N)"
rc=0
npx vitest run --coverage || rc=$?
printf '%s\t%s\t%s\n' vitest "$(seconds_since "$start")" "$rc" >>"$STEPS"
[ "$rc" -eq 0 ] || status=1

section "Time per step"
print_row() { printf '  %-34s %9s  %s\n' "$@"; }
print_row "step" "time" "result"
while IFS=$'\t' read -r step time rc; do
  case "$step" in
    typecheck) label="typecheck (tsc)" ;;
    eslint) label="lint: eslint" ;;
    prettier) label="lint: format and structure" ;;
    vitest) label="vitest, all projects (coverage)" ;;
    *) label="$step" ;;
  esac
  print_row "$label" "$time s" "$([ "$rc" -eq 0 ] && echo ok || echo FAILED)"
  if [ "$step" = vitest ] && [ -f "$VIGIL_TEST_TIMES_FILE" ]; then
    while IFS=$'\t' read -r project files tests wall sum; do
      print_row "  $project ($files files, $tests tests)" "$wall s" "(sum of its files: $sum s)"
    done <"$VIGIL_TEST_TIMES_FILE"
  fi
done <"$STEPS"
print_row "npm test, in all" "$(seconds_since "$STARTED_NS") s" ""
echo "  (typecheck and the two linters run side by side; the vitest projects share its two workers,"
echo "  so each project's wall runs from its first file's start to its last file's end.)"

if [ "$status" -ne 0 ]; then
  section "FAILED"
  exit "$status"
fi
section "All checks passed"
