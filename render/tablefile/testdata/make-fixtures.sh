#!/usr/bin/env bash
# Remakes the office files the tablefile tests read. They are committed, so
# the tests need neither LibreOffice nor this script; run it again when the
# form's XLSX changes and review the dumps' diff (go test ./render/tablefile -update).
#
#   yiyang-2020.xlsx      the sample as jixiao writes it
#   yiyang-2020-lo.xlsx   the same workbook opened and saved again by LibreOffice Calc
#                         (shared strings, styles and merges rewritten by another program)
#   yiyang-2020.docx      the same table made a Word document by a word processor:
#                         Calc exports it as an HTML table with rowspan/colspan, and
#                         LibreOffice Writer imports that and saves it as DOCX, with
#                         gridSpan and vMerge merges and the page break's repeated labels
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"   # LibreOffice needs a writable profile
mkdir -p "$HOME"

(cd "$root" && go run ./cmd/jixiao render samples/yiyang-2020.toml --format xlsx -o "$work" >/dev/null)
cp "$work/yiyang-2020.xlsx" "$here/yiyang-2020.xlsx"

mkdir -p "$work/lo"
soffice --headless --convert-to xlsx --outdir "$work/lo" "$work/yiyang-2020.xlsx" >/dev/null
cp "$work/lo/yiyang-2020.xlsx" "$here/yiyang-2020-lo.xlsx"

soffice --headless --convert-to html --outdir "$work" "$work/yiyang-2020.xlsx" >/dev/null
soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$work/doc" "$work/yiyang-2020.html" >/dev/null
cp "$work/doc/yiyang-2020.docx" "$here/yiyang-2020.docx"
echo "remade: $(cd "$here" && ls yiyang-2020*.xlsx yiyang-2020.docx | tr '\n' ' ')"
