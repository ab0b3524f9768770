#!/usr/bin/env bash
# Subsets DejaVu Sans (Debian fonts-dejavu-core, Bitstream Vera licence) to the characters the figures use, as TTF
# (embedded for PNG rendering) and WOFF2 (served to the browser), and regenerates the width table the layout measures
# with. Needs: apt-get install -y fonts-dejavu-core python3-fonttools python3-brotli
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
OUT=src/GradientLab.Plotting/Fonts
# Latin-1, Greek, dashes and quotes, super/subscripts, arrows, the maths the figures print (∂ ∇ ∑ − √ ∞ ≈ ≠ ≤ ≥ ⋅ ′).
U="U+0020-007E,U+00A0-017F,U+0300-036F,U+0391-03C9,U+2010-2027,U+2030-203A,U+2070-209F,U+2190-2199,U+2202,U+2206,U+2207,U+2208,U+2211,U+2212,U+221A,U+221E,U+2248,U+2260,U+2264,U+2265,U+22C5,U+2032,U+2033,U+00B7,U+0302,U+0304,U+0307,U+2713,U+2717,U+25B2,U+25BC,U+25CF,U+2605"
for f in DejaVuSans DejaVuSans-Bold; do
  $PY -m fontTools.subset /usr/share/fonts/truetype/dejavu/$f.ttf --unicodes="$U" --layout-features='*' --output-file=$OUT/$f.ttf
  $PY -m fontTools.subset /usr/share/fonts/truetype/dejavu/$f.ttf --unicodes="$U" --layout-features='*' --flavor=woff2 --output-file=$OUT/$f.woff2
done
cp /usr/share/doc/fonts-dejavu-core/copyright $OUT/LICENSE-DejaVu.txt
$PY tools/fonts/metrics.py src/GradientLab.Plotting/FontMetrics.Data.cs $OUT/DejaVuSans.ttf $OUT/DejaVuSans-Bold.ttf
cp $OUT/*.woff2 $OUT/LICENSE-DejaVu.txt src/GradientLab.Web/wwwroot/fonts/
