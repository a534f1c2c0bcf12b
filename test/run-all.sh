#!/usr/bin/env bash
# `npm test`: builds the api and the web app, then runs every test runner, each writing its JSON
# report under reports/ (.ci/run adds them up): Jest (unit, integration and api end-to-end tests),
# vitest (the web app's component tests) and Playwright (the web app in Chromium against the
# stack `npm start` runs). Arguments go to Jest alone, e.g. `npm test -- test/e2e/smoke.e2e.spec.ts`.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run -s build || exit 1
npm run -s build:web || exit 1
mkdir -p reports
rm -f reports/jest.json reports/vitest.json reports/playwright.json
status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --json --outputFile=reports/jest.json "$@" || status=1
if [ $# -eq 0 ]; then
  npx vitest run --config apps/web/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$PWD/reports/vitest.json" || status=1
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c apps/web/playwright.config.ts || status=1
fi
exit $status
