#!/usr/bin/env bash
# `npm test`: builds the api and the web app, then runs every test runner in turn, each writing its
# JSON report under reports/ (.ci/run adds them up) and printing its time: Jest (unit, integration
# and api end-to-end tests), vitest (the web app's component tests) and Playwright (the web app in
# Chromium against the stacks `npm start` runs, one per worker). Arguments go to Jest alone, e.g.
# `npm test -- test/e2e/smoke.e2e.spec.ts`.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run -s build || exit 1
npm run -s build:web || exit 1
mkdir -p reports
rm -f reports/jest.json reports/vitest.json reports/playwright.json
status=0
started=$(date +%s)
NODE_OPTIONS=--experimental-vm-modules npx jest --json --outputFile=reports/jest.json "$@" || status=1
echo "Jest: $(($(date +%s) - started)) s"
if [ $# -eq 0 ]; then
  started=$(date +%s)
  npx vitest run --config apps/web/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$PWD/reports/vitest.json" || status=1
  echo "vitest: $(($(date +%s) - started)) s"
  started=$(date +%s)
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c apps/web/playwright.config.ts || status=1
  echo "Playwright: $(($(date +%s) - started)) s"
fi
exit $status
