#!/usr/bin/env bash
# Draws the two Teams app icons into appPackage/ (both are checked in; rerun only to change the design):
#   color.png    192x192, the symbol in white on the accent colour (manifest accentColor), opaque
#   outline.png   32x32,  the same symbol as a white outline on a fully transparent background
# The symbol is a column of three vertebrae (the lumbar spine) with a scan line across it.
# Needs ImageMagick's `convert` (Debian: apt-get install -y imagemagick); installs it when root and missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-appPackage}
accent='#0B5A8C' # keep equal to accentColor in appPackage/manifest.template.json

# Some machines carry a stand-in named convert; only the real ImageMagick draws.
if ! convert -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq imagemagick >/dev/null
  fi
  convert -version 2>/dev/null | grep -q '^Version: ImageMagick' \
    || { echo "make-teams-icons: ImageMagick 'convert' is required (apt-get install -y imagemagick)" >&2; exit 1; }
fi

# No timestamps or tool comments in the files, so a rerun gives the same bytes.
strip=(-strip -define 'png:exclude-chunks=date,time')

# Colour icon: Teams shows the symbol inside the central 120x120 area of a 192x192 tile.
convert -size 192x192 "xc:$accent" \
  -fill white -stroke none \
  -draw 'roundrectangle 66,40 126,70 12,12' \
  -draw 'roundrectangle 66,81 126,111 12,12' \
  -draw 'roundrectangle 66,122 126,152 12,12' \
  -fill none -stroke white -strokewidth 6 \
  -draw 'line 40,96 58,96' -draw 'line 134,96 152,96' \
  "${strip[@]}" -type TrueColor "PNG24:$out/color.png"

# Outline icon: white strokes only, everything else transparent (Teams tints it).
convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 \
  -draw 'roundrectangle 10,4 22,9 2,2' \
  -draw 'roundrectangle 10,13 22,18 2,2' \
  -draw 'roundrectangle 10,22 22,27 2,2' \
  -draw 'line 3,16 7,16' -draw 'line 25,16 29,16' \
  "${strip[@]}" -type TrueColorAlpha "PNG32:$out/outline.png"

echo "wrote $out/color.png and $out/outline.png"
