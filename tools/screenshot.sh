#!/usr/bin/env bash
# Screenshot of a PricerWeb page in Debian's headless Chromium, taken once Blazor's circuit has rendered:
#   tools/screenshot.sh URL OUT.png [WIDTHxHEIGHT] [CSS_SELECTOR_TO_WAIT_FOR]
# Chromium's own --screenshot fires at the load event, before the interactive render, so this drives it
# with the Playwright driver that the browser-test build brings (dotnet build tests/PricerWeb.BrowserTests).
set -euo pipefail
if (($# < 2)); then
    echo "usage: $0 URL OUT.png [WIDTHxHEIGHT] [CSS_SELECTOR_TO_WAIT_FOR]" >&2
    exit 2
fi
url=$1 out=$(realpath -m "$2") size=${3:-1400x900} wait_for=${4:-}
chromium=${PRICER_CHROMIUM:-/usr/bin/chromium}
[[ -x $chromium ]] || { echo "Chromium not found at $chromium (apt-get install chromium)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
driver=$(ls -d "$root"/tests/PricerWeb.BrowserTests/bin/*/net10.0/linux-x64/.playwright 2>/dev/null | head -1 || true)
[[ -n $driver ]] || { echo "Playwright driver not built: dotnet build tests/PricerWeb.BrowserTests" >&2; exit 1; }

PLAYWRIGHT_PACKAGE="$driver/package" CHROMIUM="$chromium" "$driver/node/linux-x64/node" - "$url" "$out" "$size" "$wait_for" <<'JS'
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE);
const [url, out, size, waitFor] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.waitForSelector('[data-testid=circuit-ready]', { state: 'attached', timeout: 60000 });
    if (waitFor) await page.waitForSelector(waitFor, { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: out });
    console.log(out);
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error.message); process.exit(1); });
JS
