#!/usr/bin/env bash
# `npm test`: builds the api and the web app, then runs every test runner, each writing its JSON
# report under reports/ (.ci/run adds them up): Jest (unit, integration and api end-to-end tests),
# vitest (the web app's component tests) and Playwright (the web app in Chromium against the
# stacks `npm start` runs). Arguments go to Jest alone, e.g. `npm test -- test/e2e/smoke.e2e.spec.ts`.
#
# The runners go one after the other. TASHBIK_TEST_OVERLAP=1 runs the browser journeys beside Jest
# instead (they spend most of their time waiting for the worker, the outbox and the search index):
# about 12.5 minutes in all instead of 17 on 2 cores, but the load it adds makes the time-bound tests
# less steady, so CI keeps the runners apart. Their output then goes to reports/playwright.log and
# is printed once Jest and vitest are done.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run -s build || exit 1
npm run -s build:web || exit 1
mkdir -p reports
rm -f reports/jest.json reports/vitest.json reports/playwright.json reports/playwright.log
status=0
browser() {
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c apps/web/playwright.config.ts
}
browser_pid=
if [ $# -eq 0 ] && [ "${TASHBIK_TEST_OVERLAP:-0}" != 0 ]; then
  browser > reports/playwright.log 2>&1 &
  browser_pid=$!
  echo "browser journeys started beside Jest; their output follows the other runners'"
fi
started=$(date +%s)
NODE_OPTIONS=--experimental-vm-modules npx jest --json --outputFile=reports/jest.json "$@" || status=1
echo "Jest: $(($(date +%s) - started)) s"
if [ $# -eq 0 ]; then
  started=$(date +%s)
  npx vitest run --config apps/web/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$PWD/reports/vitest.json" || status=1
  echo "vitest: $(($(date +%s) - started)) s"
  if [ -n "$browser_pid" ]; then
    wait "$browser_pid" || status=1
    cat reports/playwright.log
  else
    started=$(date +%s)
    browser || status=1
    echo "Playwright: $(($(date +%s) - started)) s"
  fi
fi
exit $status
