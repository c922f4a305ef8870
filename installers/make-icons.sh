#!/usr/bin/env bash
# Draws the Scaling Lab icon and writes assets/icon.png (512 px, Linux), assets/icon.ico (Windows, 16-256 px)
# and assets/icon.icns (macOS, PNG entries 16-1024 px). Needs ImageMagick 6 or 7 (convert or magick).
# The picture: three nested squares growing from one corner, the way compound scaling grows a network.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../assets"
im="${CONVERT:-$(command -v magick || command -v convert)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$im" -size 1024x1024 gradient:'#1b3a5c'-'#2a8c9e' "$work/bg.png"
"$im" -size 1024x1024 xc:none -fill white -draw "roundrectangle 40,40 984,984 190,190" "$work/mask.png"
"$im" "$work/bg.png" "$work/mask.png" -alpha off -compose CopyOpacity -composite "$work/base.png"
"$im" "$work/base.png" \
  -fill 'rgba(255,255,255,0.18)' -stroke white -strokewidth 18 -draw "roundrectangle 190,190 834,834 40,40" \
  -fill 'rgba(94,234,212,0.55)' -stroke '#5eead4' -strokewidth 18 -draw "roundrectangle 190,430 594,834 32,32" \
  -fill '#ffb347' -stroke none -draw "roundrectangle 190,614 414,834 26,26" \
  "$work/icon-1024.png"

for s in 16 24 32 48 64 128 256 512; do
  "$im" "$work/icon-1024.png" -filter Lanczos -resize "${s}x${s}" -strip "PNG32:$work/icon-$s.png"
done
cp "$work/icon-512.png" "$out/icon.png"
"$im" "$work"/icon-{16,24,32,48,64,128,256}.png "$out/icon.ico"

# ICNS: 'icns' + total length, then per entry a 4-char type + entry length (8 + PNG bytes), both big-endian
be32() { local n=$1; printf "\\$(printf %03o $(((n >> 24) & 255)))\\$(printf %03o $(((n >> 16) & 255)))\\$(printf %03o $(((n >> 8) & 255)))\\$(printf %03o $((n & 255)))"; }
entries="$work/entries"
: > "$entries"
for pair in icp4:16 icp5:32 icp6:64 ic07:128 ic08:256 ic09:512 ic10:1024; do
  type=${pair%%:*} size=${pair##*:}
  png="$work/icon-$size.png"
  printf '%s' "$type" >> "$entries"
  be32 $(( $(wc -c < "$png") + 8 )) >> "$entries"
  cat "$png" >> "$entries"
done
{ printf 'icns'; be32 $(( $(wc -c < "$entries") + 8 )); cat "$entries"; } > "$out/icon.icns"
ls -l "$out"/icon.*
