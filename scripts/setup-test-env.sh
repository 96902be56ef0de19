#!/usr/bin/env bash
# Installs what `npm test` needs beyond npm: Debian's Chromium for the browser tests and
# DejaVu fonts for the risk-matrix image.
# Idempotent and quiet when everything is already there.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the browser tests (apt-get)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: sudo apt-get install chromium); browser tests will be skipped." >&2
  fi
fi
# The risk matrix is drawn with resvg, which reads the system's fonts: DejaVu has å, ä and ö.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing DejaVu fonts for the risk-matrix image (apt-get)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
  else
    echo "DejaVu fonts are missing: install them (Debian: sudo apt-get install fonts-dejavu-core); the risk-matrix image will have no text." >&2
  fi
fi
