#!/usr/bin/env bash
# Remakes the office files the import tests read. They are committed, so the
# tests need neither LibreOffice nor this script; run it again when the
# forms' XLSX changes, then go test ./cmd/jixiao -run Import.
#
#   gen-*.toml              made-up forms of both built-in forms (jixiao generate)
#   gen-*-lo.xlsx           each rendered to XLSX by jixiao, then opened and saved
#                           again by LibreOffice Calc (shared strings, styles,
#                           merges and formulas rewritten by another program)
#   langfang-2019-project.docx
#                           the 项目 sample made a Word document by a word
#                           processor: Calc exports jixiao's XLSX as an HTML table
#                           with rowspan/colspan, and LibreOffice Writer imports
#                           that and saves it as DOCX (gridSpan and vMerge merges)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"   # LibreOffice needs a writable profile
mkdir -p "$HOME"
jixiao() { (cd "$root" && go run ./cmd/jixiao "$@"); }

rm -f "$here"/gen-*.toml "$here"/gen-*-lo.xlsx
for pair in fujian2:部门整体支出-湖南-2020 xiangmu:项目支出-2020; do
  short=${pair%%:*} form=${pair#*:}
  jixiao generate 3 --seed 11 --form "$form" -o "$work/gen-$short" >/dev/null
  for f in "$work/gen-$short"/*.toml; do
    name="gen-$short-$(basename "$f" .toml | cut -c1-4)"
    cp "$f" "$here/$name.toml"
  done
done
mkdir -p "$work/xlsx" "$work/lo"
for f in "$here"/gen-*.toml; do
  jixiao render "$f" --format xlsx -o "$work/xlsx" >/dev/null
done
for f in "$work/xlsx"/*.xlsx; do
  soffice --headless --convert-to xlsx --outdir "$work/lo" "$f" >/dev/null
  cp "$work/lo/$(basename "$f")" "$here/$(basename "$f" .xlsx)-lo.xlsx"
done

jixiao render "$root/samples/langfang-2019-project.toml" --format xlsx -o "$work" >/dev/null
soffice --headless --convert-to html --outdir "$work" "$work/langfang-2019-project.xlsx" >/dev/null
soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$work/doc" "$work/langfang-2019-project.html" >/dev/null
cp "$work/doc/langfang-2019-project.docx" "$here/langfang-2019-project.docx"
echo "remade: $(cd "$here" && ls gen-*.toml gen-*-lo.xlsx langfang-2019-project.docx | tr '\n' ' ')"
