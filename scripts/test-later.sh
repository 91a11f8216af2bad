#!/usr/bin/env bash
# `npm run test:later`: the unit and integration suites with the machine's clock a year ahead
# (faketime -f '+365d'), against the PostgreSQL server on the real clock (the one `npm test` leaves
# running; started here, outside faketime, if it is not). Vigil reads "now" from one injected clock
# (src/clock.ts) and the suites inject a fixed one, so nothing may change a year later: whatever
# fails here reads the machine's or the database's clock somewhere it should not.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
ensure_system_packages
ensure_postgres

OFFSET='+365d'
section "Unit and integration tests a year ahead (faketime -f '$OFFSET')"
echo "The tests' machine clock: $(faketime -f "$OFFSET" date -u '+%Y-%m-%d %H:%M UTC'); the PostgreSQL server's: $(date -u '+%Y-%m-%d %H:%M UTC')."
faketime -f "$OFFSET" npx vitest run --project unit --project integration
