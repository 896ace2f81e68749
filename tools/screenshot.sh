#!/usr/bin/env bash
# Screenshot of a page with Debian's headless Chromium: tools/screenshot.sh URL OUT.png [WIDTHxHEIGHT] [WAIT_MS]
# WAIT_MS of page time lets Blazor connect its circuit and render server data before the capture.
set -euo pipefail
if (($# < 2)); then
    echo "usage: $0 URL OUT.png [WIDTHxHEIGHT] [WAIT_MS]" >&2
    exit 2
fi
url=$1 out=$2 size=${3:-1400x900} wait_ms=${4:-8000}
chromium=${PRICER_CHROMIUM:-/usr/bin/chromium}
[[ -x $chromium ]] || { echo "Chromium not found at $chromium (apt-get install chromium)" >&2; exit 1; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --window-size="${size/x/,}" --virtual-time-budget="$wait_ms" --screenshot="$(realpath -m "$out")" "$url" \
    2> >(grep -v -E "dbus|Fontconfig|sandbox|unexpected operator" >&2 || true)
[[ -s $out ]] || { echo "no screenshot written to $out" >&2; exit 1; }
echo "$out"
