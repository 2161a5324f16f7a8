#!/usr/bin/python3
"""Regenerate the character lists in chars/ (run by build.sh --regen-lists).

Each list is one code point per line in the form pyftsubset's
--unicodes-file reads ("U+4E00 # comment"); fonts_test.go reads the same
files, so the subset and its coverage test cannot drift apart.

  chars/tongyong-8105.txt  通用规范汉字表 (2013), all 8105 characters, taken
                           from the kTGH field of Unihan (Debian package
                           unicode-data, /usr/share/unicode), in table order.
  chars/gb2312.txt         every GB2312 character (6763 hanzi + 682 symbols),
                           enumerated with Python's gb2312 codec.
  chars/traditional.txt    the traditional counterparts of the 8105
                           (Unihan kTraditionalVariant, same Debian package)
                           that are not among them: 陽 區 館 in names and
                           addresses; limited to what all source fonts have.
  chars/extra.txt          ASCII, Latin-1 and the punctuation/symbols forms
                           use, limited to what all source fonts provide.

What the fonts lack of a requested list is printed, and left out.

Usage: charlists.py OUTDIR SOURCE.ttf...
"""
import bz2
import sys
import unicodedata

from fontTools.ttLib import TTFont

UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
UNIHAN_VARIANTS = "/usr/share/unicode/Unihan_Variants.txt.bz2"

# Wanted beyond the two hanzi lists; filtered by what the fonts have.
EXTRA_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ¥ ° ± × ÷ · § ...
    (0x02C7, 0x02C7), (0x02C9, 0x02CB), (0x02D9, 0x02D9),  # ˇ ˉ ˊ ˋ ˙
    (0x0391, 0x03A9), (0x03B1, 0x03C9),  # Greek
    (0x2010, 0x2027),  # general punctuation: — – ‘ ’ “ ” … ·
    (0x2030, 0x2030), (0x2032, 0x2033), (0x2035, 0x2035), (0x203B, 0x203B),
    (0x20AC, 0x20AC),  # €
    (0x2103, 0x2103), (0x2109, 0x2109), (0x2116, 0x2116),
    (0x2121, 0x2122),  # ℡ ™
    (0x2160, 0x216B), (0x2170, 0x2179),  # Roman numerals Ⅰ–Ⅻ ⅰ–ⅹ
    (0x2190, 0x2199),  # arrows
    (0x21D0, 0x21D5),  # ⇐ ⇑ ⇒ ⇓ ⇔ ⇕
    (0x2208, 0x2208), (0x2211, 0x2212), (0x2215, 0x2215), (0x221A, 0x221A),
    (0x221D, 0x2220), (0x2223, 0x2223), (0x2225, 0x2225),
    (0x2227, 0x222B), (0x222E, 0x222E), (0x2234, 0x2237), (0x223D, 0x223D),
    (0x2248, 0x2248), (0x224C, 0x224C), (0x2252, 0x2252),
    (0x2260, 0x2261), (0x2264, 0x2267), (0x226E, 0x226F),
    (0x2295, 0x2295), (0x2299, 0x2299), (0x22A5, 0x22A5), (0x22BF, 0x22BF),
    (0x2312, 0x2312),
    (0x2460, 0x24FF),  # ①–⑳ ⑴–⒇ ⒈–⒛ ⒜–⒵ Ⓐ–ⓩ ⓪ ⓫–⓴ ⓵–⓾ ⓿
    (0x2500, 0x254B),  # box drawing (GB2312 row 9)
    (0x25A0, 0x25A1), (0x25B2, 0x25B3), (0x25B6, 0x25B6), (0x25BC, 0x25BD),
    (0x25C6, 0x25C7), (0x25CB, 0x25CB), (0x25CE, 0x25CF),
    (0x2605, 0x2606), (0x2610, 0x2612), (0x2640, 0x2640), (0x2642, 0x2642),
    (0x2713, 0x2714), (0x2717, 0x2718),  # ✓ ✔ ✗ ✘
    (0x2776, 0x2793),  # ❶–❿ ➀–➉ ➊–➓
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3105, 0x3129),  # bopomofo
    (0x3220, 0x3229),  # ㈠–㈩
    (0x3251, 0x325F),  # ㉑–㉟
    (0x32B1, 0x32BF),  # ㊱–㊿
    (0x3371, 0x33DF),  # CJK compatibility units: ㎡ ㎞ ㎏ ㎎ ㎥ ㏄ ...
    (0xFF01, 0xFF60),  # full-width forms and ｟ ｠
    (0xFFE0, 0xFFE6),  # ￠ ￡ ￢ ￣ ￤ ￥ ￦
    # Not the half-width forms U+FF61-FF65 and U+FFE8-FFEE: the only glyphs
    # half an em wide among the sources' last glyph IDs, they would stop the
    # subset's hmtx from sharing one advance for its run of CJK glyphs, and
    # gopdf, which embeds hmtx whole, would compress 48 KB instead of 20 KB
    # per face: twice the time of a PDF.
]


def show(cp):
    """Printable form of a code point for the comment column."""
    ch = chr(cp)
    if ch.isprintable() and not ch.isspace():
        return ch
    return "(%s)" % unicodedata.name(ch, "unnamed").lower()


def tongyong():
    """(number, code point) for every kTGH entry, in table order."""
    out = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if "\tkTGH\t" not in line:
                continue
            cp, _, value = line.rstrip("\n").split("\t")
            for item in value.split():
                _, num = item.split(":")
                out.append((int(num), int(cp[2:], 16)))
    out.sort()
    if [n for n, _ in out] != list(range(1, 8106)):
        sys.exit("kTGH does not number 1..8105; Unihan changed?")
    return out


def traditional(simplified):
    """{code point: [simplified ones]} for every kTraditionalVariant of
    the given characters that is not one of them."""
    out = {}
    with bz2.open(UNIHAN_VARIANTS, "rt", encoding="utf-8") as f:
        for line in f:
            if "\tkTraditionalVariant\t" not in line:
                continue
            cp, _, value = line.rstrip("\n").split("\t")
            cp = int(cp[2:], 16)
            if cp not in simplified:
                continue
            for item in value.split():
                t = int(item[2:].split("<")[0], 16)
                if t not in simplified:
                    out.setdefault(t, []).append(cp)
    return out


def gb2312():
    """(GB code, code point) for every valid GB2312 double-byte code."""
    out = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.append(("%02X%02X" % (hi, lo), ord(s)))
    return out


def main():
    outdir, fonts = sys.argv[1], sys.argv[2:]
    cmaps = [TTFont(p, lazy=True).getBestCmap() for p in fonts]

    table = tongyong()
    with open(outdir + "/tongyong-8105.txt", "w", encoding="utf-8") as w:
        w.write("# 通用规范汉字表 (2013): 8105 characters, from Unihan kTGH.\n")
        w.write("# level 1: 1-3500, level 2: 3501-6500, level 3: 6501-8105\n")
        for num, cp in table:
            level = 1 if num <= 3500 else 2 if num <= 6500 else 3
            w.write("U+%04X # %s %d:%04d\n" % (cp, chr(cp), level, num))

    trad = traditional({cp for _, cp in table})
    lacking = []
    with open(outdir + "/traditional.txt", "w", encoding="utf-8") as w:
        w.write("# Traditional counterparts of the 8105 (Unihan kTraditionalVariant)\n")
        w.write("# that are not among them, limited to what every source font has.\n")
        w.write("# comment: the character and its simplified form(s)\n")
        for cp in sorted(trad):
            if all(cp in cm for cm in cmaps):
                simp = "".join(chr(c) for c in sorted(set(trad[cp])))
                w.write("U+%04X # %s %s\n" % (cp, chr(cp), simp))
            else:
                lacking.append(cp)
    if lacking:
        print("traditional.txt: not in every source font, left out:",
              " ".join("U+%04X %s" % (cp, chr(cp)) for cp in lacking))

    with open(outdir + "/gb2312.txt", "w", encoding="utf-8") as w:
        w.write("# GB2312: all 7445 characters (rows 16-87: 6763 hanzi).\n")
        w.write("# comment: character and its GB2312 (EUC-CN) code\n")
        for code, cp in gb2312():
            w.write("U+%04X # %s %s\n" % (cp, show(cp), code))

    dropped = []
    with open(outdir + "/extra.txt", "w", encoding="utf-8") as w:
        w.write("# ASCII, Latin-1, punctuation and symbols used in forms,\n")
        w.write("# limited to what every source font has (see charlists.py)\n")
        for lo, hi in EXTRA_RANGES:
            for cp in range(lo, hi + 1):
                if all(cp in cm for cm in cmaps):
                    w.write("U+%04X # %s\n" % (cp, show(cp)))
                else:
                    dropped.append(cp)
    if dropped:
        print("extra.txt: not in every source font, left out:",
              " ".join("U+%04X" % cp for cp in dropped))


if __name__ == "__main__":
    main()
