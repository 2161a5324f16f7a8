package jixiao

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldFigure rewrites what a Chinese input method types in a figure into
// the ASCII the parsers read: full-width digits, signs and letters
// (８５．５％, ≧９０％, １００ｋｍ), the small forms ﹪ ﹒ ﹤ ﹥ ﹦, the ideographic
// space, and the comparators forms write as ≧ ≦ ═ ⩾ ⩽. Each is replaced by
// its NFKC form, or for the comparators by the sign it means. Everything
// else is kept: NFKC would also turn ㎡ into m2 and ① into 1, which do not
// mean the same in a figure, and the full-width comma ，is Chinese
// punctuation, not a digit-group separator. Only the parsers see the
// folded text; the form prints what the file wrote.
func foldFigure(s string) string {
	if !strings.ContainsFunc(s, needsFold) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case !needsFold(r):
			b.WriteRune(r)
		case comparators[r] != "":
			b.WriteString(comparators[r])
		default:
			b.WriteString(norm.NFKC.String(string(r)))
		}
	}
	return b.String()
}

// comparators are the signs real forms type for ≥ ≤ =, which NFKC keeps.
var comparators = map[rune]string{'≧': "≥", '⩾': "≥", '≦': "≤", '⩽': "≤", '═': "="}

// needsFold tells whether foldFigure rewrites r.
func needsFold(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch {
	case r == '\u3000', comparators[r] != "":
		return true
	case r >= 0xFF01 && r <= 0xFF5E: // full-width forms: fold what means the same in a figure
		a := r - 0xFEE0
		return a >= '0' && a <= '9' || a >= 'A' && a <= 'Z' || a >= 'a' && a <= 'z' || strings.ContainsRune("%.+-<=>/", a)
	}
	return strings.ContainsRune("﹪﹒﹢﹣﹤﹥﹦", r)
}
