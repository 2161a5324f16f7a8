#!/usr/bin/env bash
# Rebuild the four embedded TrueType subsets in this directory.
#
#   fonts/build.sh                 subset with the committed chars/*.txt lists
#   fonts/build.sh --regen-lists   first regenerate chars/*.txt (charlists.py;
#                                  needs Debian's unicode-data for Unihan kTGH
#                                  and kTraditionalVariant)
#
# Needs: npm (registry access), /usr/bin/python3 with fontTools
# (apt-get install -y python3-fonttools; built with 4.38.0), sha256sum.
# Output is deterministic: same sources + same fontTools => same bytes.
set -euo pipefail

# Sources: Google's static Noto Serif SC / Noto Sans SC (SIL OFL 1.1) as
# repackaged by Expo on npm. Pinned by version and by the TTFs' sha256 so a
# re-published package cannot change the shipped fonts silently.
SERIF_PKG=@expo-google-fonts/noto-serif-sc@0.4.3
SANS_PKG=@expo-google-fonts/noto-sans-sc@0.4.3
declare -A SHA256=(
	[NotoSerifSC_400Regular.ttf]=c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742
	[NotoSerifSC_700Bold.ttf]=9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6
	[NotoSansSC_400Regular.ttf]=d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16
	[NotoSansSC_700Bold.ttf]=9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96
)
# source file in the npm package -> output file here
SOURCES=(NotoSerifSC_400Regular.ttf NotoSerifSC_700Bold.ttf NotoSansSC_400Regular.ttf NotoSansSC_700Bold.ttf)
declare -A OUT=(
	[NotoSerifSC_400Regular.ttf]=NotoSerifSC-Regular.ttf
	[NotoSerifSC_700Bold.ttf]=NotoSerifSC-Bold.ttf
	[NotoSansSC_400Regular.ttf]=NotoSansSC-Regular.ttf
	[NotoSansSC_700Bold.ttf]=NotoSansSC-Bold.ttf
)
LISTS=(chars/tongyong-8105.txt chars/gb2312.txt chars/traditional.txt chars/extra.txt)

PY=/usr/bin/python3
cd "$(dirname "$0")"
"$PY" -c 'import fontTools' 2>/dev/null ||
	{ echo "need fontTools: apt-get install -y python3-fonttools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== fetching $SERIF_PKG $SANS_PKG"
(cd "$work" && npm pack --silent "$SERIF_PKG" "$SANS_PKG" >/dev/null)
for tgz in "$work"/*.tgz; do
	tar -xzf "$tgz" -C "$work" --wildcards \
		'package/400Regular/*.ttf' 'package/700Bold/*.ttf'
	tar -xzf "$tgz" -C "$work" -O package/LICENSE_FONT >"$work/$(basename "$tgz" .tgz).LICENSE"
done

src=()
for f in "${SOURCES[@]}"; do
	path=$(ls "$work"/package/*/"$f")
	sum=$(sha256sum "$path" | cut -d' ' -f1)
	want=${SHA256[$f]}
	if [[ $sum != "$want" ]]; then
		echo "$f: sha256 $sum, want $want" >&2
		exit 1
	fi
	echo "   $f sha256 $sum"
	src+=("$path")
done

if [[ ${1:-} == --regen-lists ]]; then
	echo "== regenerating chars/*.txt"
	"$PY" charlists.py chars "${src[@]}"
fi

# Why these options:
#  --layout-features='' and dropping GSUB/GPOS/GDEF/BASE: gopdf and
#    x/image/font do no shaping; the layout closure would pull in vertical
#    and variant glyphs nobody can reach.
#  --drop-tables vhea/vmtx/VORG: horizontal text only. STAT/gasp: unused.
#  --no-hinting: drops prep/cvt/fpgm and glyph instructions (PDF viewers and
#    the rasterizer ignore or do not need them for these unhinted CJK fonts).
#  --notdef-outline: a missing glyph shows as a box, not as nothing.
#  name IDs 0-6 plus 13/14 keep the copyright and the OFL notice.
# Kept (what gopdf's TTF parser reads): cmap head hhea hmtx loca glyf maxp
# name OS/2 post. cmap keeps (3,1) format 4 and (3,10) format 12.
for f in "${SOURCES[@]}"; do
	out=${OUT[$f]}
	echo "== subsetting $f -> $out"
	"$PY" -m fontTools.subset "$(ls "$work"/package/*/"$f")" \
		"${LISTS[@]/#/--unicodes-file=}" \
		--layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,JSTF,vhea,vmtx,VORG,gasp,kern,DSIG \
		--no-hinting \
		--notdef-outline \
		--no-glyph-names \
		--name-IDs=0,1,2,3,4,5,6,13,14 \
		--output-file="$out"
done

echo "== writing OFL.txt"
{
	for f in "${SOURCES[@]}"; do
		"$PY" -c 'import sys; from fontTools.ttLib import TTFont
print(TTFont(sys.argv[1], lazy=True)["name"].getDebugName(0))' "${OUT[$f]}"
	done | sort -u
	echo
	# OFL 1.1 text as shipped in the Sans package (the Serif package carries
	# the same licence with a template copyright line).
	sed -n '/^This Font Software is licensed/,$p' "$work"/*noto-sans-sc*.LICENSE
} >OFL.txt

echo "== verifying"
"$PY" - "${LISTS[@]}" -- "${OUT[@]}" <<'EOF'
import sys
from fontTools.ttLib import TTFont

args = sys.argv[1:]
sep = args.index("--")
lists, outs = args[:sep], args[sep + 1:]
want = set()
for path in lists:
    for line in open(path, encoding="utf-8"):
        field = line.split("#")[0].strip()
        if field:
            want.add(int(field[2:], 16))
allowed = {"cmap", "head", "hhea", "hmtx", "loca", "glyf", "maxp", "name",
           "OS/2", "post"}
ok = True
for out in sorted(outs):
    f = TTFont(out)
    tables = set(f.keys()) - {"GlyphOrder"}
    sub = f["cmap"].getcmap(3, 1)
    missing = sorted(want - set(f.getBestCmap()))
    extra = tables - allowed
    bad = f.sfntVersion != "\x00\x01\x00\x00" or sub is None or sub.format != 4
    print("   %-24s %9d bytes %6d glyphs, %d code points, tables %s" % (
        out, len(open(out, "rb").read()), len(f.getGlyphOrder()),
        len(f.getBestCmap()), " ".join(sorted(tables))))
    if bad or missing or extra:
        ok = False
        print("   BAD: version/(3,1) format 4:", bad, "missing:",
              " ".join("U+%04X" % c for c in missing[:20]), "extra:", extra)
print("   %d code points requested" % len(want))
sys.exit(0 if ok else 1)
EOF
echo "== done"
