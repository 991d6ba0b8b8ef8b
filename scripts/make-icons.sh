#!/usr/bin/env bash
# Renders resources/icons/twinlab.svg to the PNG sizes Linux desktops and electron-builder use
# (NxN.png). Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin). The PNGs are
# committed; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" twinlab.svg --output "${size}x${size}.png"
done
