#!/usr/bin/env bash
# `npm run setup`: make a fresh Debian machine with Node 20 ready to run and test the hall.
# 1. Debian packages the hall and its tests need: socat (pseudo-terminal serial pairs for the
#    simulated hall), chromium (browser tests), fonts-noto-cjk (Chinese in PDFs and screenshots),
#    poppler-utils (pdftotext, to check printed reports). Installed only when missing.
# 2. npm ci: the workspaces exactly as locked.
# 3. Build every workspace that has a build step (the consoles).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in socat chromium fonts-noto-cjk poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]} (sudo)"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: warning: missing Debian packages ${missing[*]}; install them with apt-get" >&2
  fi
fi

npm ci --no-audit --no-fund
npm run build --workspaces --if-present
echo "setup: done. Start the hall with: npm start"
