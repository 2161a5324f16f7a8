package linebreak

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// fast enables the shortcut for common rune pairs; tests turn it off to
// compare against plain uniseg.
var fast = true

// segment appends the grapheme clusters of text to cs with their widths and
// break flags (UAX #14 plus kinsoku) and returns them with the total width.
func segment(text string, adv Advance, cs []cluster) ([]cluster, float64) {
	// st, lst: uniseg grapheme and line states; seg: end of the current line
	// segment, must: whether it is a mandatory break; last: latest non-space
	// cluster in the paragraph; dec: r is a . or , between digits.
	st, lst, seg, must, total, last, dec := -1, -1, -1, false, 0.0, -1, false
	r, n := utf8.DecodeRuneInString(text)
	k := kind(r)
	for pos := 0; pos < len(text); {
		r2, n2 := utf8.DecodeRuneInString(text[pos+n:])
		k2 := kind(r2)
		var c cluster
		brk, ok := pair(k, k2)
		if dec {
			brk, ok, dec = 0, true, false
		} else if i := pos + n + n2; fast && k == kNU && k2 == kIS && i < len(text) && '0' <= text[i] && text[i] <= '9' {
			brk, ok, dec = 0, true, true // LB25: NU IS NU never breaks
		}
		if ok {
			// uniseg costs 100-250 ns a cluster (binary searches in its
			// tables), so common pairs are decided here.
			c, st = cluster{w: adv(r), end: pos + n, f: brk}, -1
			if k != kID && k != kNU && k != kAL {
				c.f |= class(r)
			}
			if r >= 0x80 {
				c.f |= fWide
			}
		} else {
			// Graphemes and line segments separately: uniseg.Step would also
			// run word and sentence breaking, a third more time for nothing.
			var g string
			var gw int
			g, _, gw, st = uniseg.FirstGraphemeClusterInString(text[pos:], st)
			c.end = pos + len(g)
			for seg < c.end { // a segment end inside a cluster is no break
				from := seg
				if seg < pos { // fast pairs went past it: restart
					from, lst = pos, -1
				}
				s, _, m, l := uniseg.FirstLineSegmentInString(text[from:], lst)
				seg, must, lst = from+len(s), m, l
			}
			if seg == c.end && !must { // must is also set at the end of text (LB3)
				c.f |= fBreak
			}
			if mandatory(r) { // not from must: uniseg 0.4.7 loses it before "-1"
				c.f |= fHard
			}
			if gw >= 2 {
				c.f |= fWide
			}
			if g == " " {
				c.f |= fSpace
			} else if c.f&fHard == 0 {
				c.f |= class(r)
			}
			for _, r := range g {
				if c.f&fHard == 0 {
					c.w += adv(r)
				}
			}
		}
		if pos+n != c.end { // a multi-rune cluster: decode afresh
			r2, n2 = utf8.DecodeRuneInString(text[c.end:])
			k2 = kind(r2)
		}
		if r2 == '-' && (c.f&fSpace != 0 || r == '\u200b') {
			// uniseg 0.4.7 misparses its LB25 look-ahead and glues every
			// "-" + digit to what precedes it, overriding LB18 and LB8.
			c.f |= fBreak
		}
		pos, r, n, k = c.end, r2, n2, k2
		total += c.w
		j := len(cs)
		switch {
		case c.f&fHard != 0:
			last = -1
		case c.f&fSpace != 0:
			if last >= 0 && cs[last].f&fNoEnd != 0 {
				c.f &^= fBreak
			}
		default:
			if c.f&fNoEnd != 0 {
				c.f &^= fBreak
			}
			if last == j-1 && last >= 0 {
				// uniseg (Unicode 15.0 LB19) glues “”‘’ to both neighbours;
				// next to CJK they are plain openers/closers (cf. LB19a).
				p := &cs[last]
				if p.f&fNoEnd == 0 && (c.f&fOpenQ != 0 && p.f&(fWide|fCloseQ) != 0 ||
					p.f&fCloseQ != 0 && c.f&fWide != 0) {
					p.f |= fBreak
				}
			}
			if c.f&fNoStart != 0 && last >= 0 {
				for q := last; q < j; q++ { // the spaces between count too
					cs[q].f &^= fBreak
				}
			}
			last = j
		}
		cs = append(cs, c)
	}
	return cs, total
}

// Kinds of common runes. Between two of them UAX #29 always breaks (GB999)
// and UAX #14 mostly decides from the pair alone, and uniseg's state after the
// pair equals a fresh one, so uniseg can restart (state -1) at the second.
const (
	kOther = iota
	kID    // CJK ideographs
	kCL    // full-width closing punctuation
	kOP    // full-width opening punctuation
	kNS    // ：；！？ (NS, EX)
	kNU    // ASCII digits
	kAL    // ASCII letters
	kPO    // %
	kIS    // . ,
)

// pairs[a][b-1] for kinds a, b: 'b' UAX #14 allows a break, '-' it does not,
// '?' ask uniseg (it depends on context, e.g. LB25 numbers, or uniseg would
// carry a state that a fresh start lacks). Columns: ID CL OP NS NU AL PO IS.
// IS depends on context (uniseg breaks ".5" after a letter or an ideograph,
// not after a digit), so only digit-IS-digit is decided here (see dec).
var pairs = [...]string{
	kID: "b-b-bb-?", // LB31; LB13/LB21 × CL, NS, EX; LB23a ID × PO
	kCL: "b-b-bb??",
	kOP: "-------?", // LB14 OP ×
	kNS: "b-b-bb??",
	kNU: "b?b?---?", // LB23 NU × AL, LB25 NU × NU, PO; LB30 skips full-width OP
	kAL: "b-b----?", // LB28, LB23, LB24
	kPO: "b-?---??", // LB24, LB25
	kIS: "????????",
}

func kind(r rune) int {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF:
		return kID
	case r >= '0' && r <= '9':
		return kNU
	case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		return kAL
	}
	switch r {
	case '，', '。', '、', '）', '》', '」', '』', '〕', '】', '〗', '〉':
		return kCL
	case '（', '《', '「', '『', '〔', '【', '〖', '〈':
		return kOP
	case '：', '；', '！', '？':
		return kNS
	case '%':
		return kPO
	case '.', ',':
		return kIS
	}
	return kOther
}

// pair returns fBreak or 0 for kinds a, b, and false if uniseg must decide.
func pair(a, b int) (uint16, bool) {
	if !fast || a == kOther || b == kOther {
		return 0, false
	}
	switch pairs[a][b-1] {
	case 'b':
		return fBreak, true
	case '-':
		return 0, true
	}
	return 0, false
}

// mandatory reports the UAX #14 mandatory breaks (BK, CR, LF, NL); each is a
// cluster of its own, or CR LF.
func mandatory(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// class returns the kinsoku flags of a cluster's first rune. Some of these
// UAX #14 already glues (CL, CP, EX, IS, NS, IN, QU), but not ·, % after a
// letter, or breaks after spaces, so all are enforced here.
func class(r rune) uint16 {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '〕', '】', '〗',
		'…', '·', '・', '〉', '］', '｝', '％', '．', '‰',
		',', '.', ';', ':', '?', '!', ')', '%', ']', '}':
		return fNoStart
	case '”', '’':
		return fNoStart | fCloseQ
	case '（', '《', '「', '『', '〔', '【', '〖', '〈', '［', '｛', '(', '[', '{':
		return fNoEnd
	case '“', '‘':
		return fNoEnd | fOpenQ
	}
	return 0
}
