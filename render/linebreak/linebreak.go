// Package linebreak breaks text into lines that fit a table cell of a given
// width, for Chinese official forms. It is pure: it knows no fonts, the width
// of each rune comes from a callback, and lines are substrings of the input.
//
// Break opportunities come from UAX #14 (github.com/rivo/uniseg), so numbers
// ("6341.72", "96.8%", "≥90%") and Latin words stay whole, and lines are only
// ever split between grapheme clusters. Chinese kinsoku is enforced on top:
// no line starts with closing punctuation (，。、；：？！）》」』”’〕】〗…· and
// ASCII ,.;:?!)%] and a few full-width kin) and no line ends with opening
// punctuation (（《「『“‘〔【〖 and ASCII ([{ ). The filling is greedy; a break
// that would violate kinsoku moves earlier, carrying the previous character
// to the next line. Kinsoku is relaxed only when no kinsoku-clean break fits
// (e.g. a column that holds a single character).
//
// Numbers never break where they fit: a number with its sign or comparator,
// decimals, % and a short unit ("≥90%", "1234567.89万元", "3元/亩"), and a
// short bracketed weight ("（10分）"), are kept whole like words (see
// keep.go). Widest gives the width such a run needs, so that a caller can
// shrink a cell's text rather than split "100%" into "10" and "0%".
//
// Edge cases:
//   - Empty text, or text of only ASCII spaces, gives nil (a blank cell).
//   - Mandatory breaks of UAX #14 ("\n", "\r\n", "\r", VT, FF, NEL, U+2028,
//     U+2029) are hard breaks and are not part of any line. An empty
//     paragraph between two of them is an empty line; a trailing one does
//     not add an empty line ("a\n" → ["a"], "a\n\n" → ["a", ""]).
//   - ASCII spaces around a soft break are dropped, and trailing spaces are
//     trimmed from every line (they are invisible and would skew centred or
//     right-aligned cells). Leading spaces of a paragraph are kept, unless the
//     indent alone ends up on a line of its own, which is then dropped.
//     U+3000 ideographic space is ordinary text: always kept as written, so
//     "　　" paragraph indents survive.
//   - A run without break opportunities that is wider than the width (a long
//     number or URL, or a very narrow column) is split between grapheme
//     clusters. A single cluster wider than the width stands alone on its
//     line; that is the only overflow.
//   - Width ≤ 0 or NaN yields one grapheme cluster per line.
package linebreak

import (
	"math"
	"strings"
	"sync"
)

// Advance returns the width of r at the current font size, in points.
// It must not be nil.
type Advance func(r rune) float64

// Cluster flags.
const (
	fSpace   uint16 = 1 << iota // exactly one U+0020: dropped at soft breaks
	fHard                       // mandatory break; belongs to no line
	fBreak                      // a soft break is allowed after this cluster
	fWide                       // East Asian wide (per uniseg's width)
	fNoStart                    // must not start a line
	fNoEnd                      // must not end a line
	fOpenQ                      // “ ‘
	fCloseQ                     // ” ’
)

// cluster is one grapheme cluster; it starts where the previous one ends.
type cluster struct {
	w   float64
	end int
	f   uint16
}

var pool = sync.Pool{New: func() any { return new([]cluster) }}

// Lines breaks text into lines no wider than width (see the package doc).
func Lines(text string, width float64, adv Advance) []string {
	if strings.Trim(text, " ") == "" {
		return nil
	}
	limit := width + 1e-9 // absorb rounding in sums of advances
	if !(width > 0) {
		limit = math.Inf(-1) // nothing fits: one cluster per line
	}
	bp := pool.Get().(*[]cluster)
	cs, total := segment(text, adv, (*bp)[:0])
	glue(text, cs)

	est := total / width // a capacity guess, to allocate lines once
	if !(est < float64(len(cs))) {
		est = float64(len(cs))
	}
	lines := make([]string, 0, max(int(est)+2, 1))
	start := func(i int) int {
		if i == 0 {
			return 0
		}
		return cs[i-1].end
	}
	for s, para := 0, true; s < len(cs); {
		if !para {
			for s < len(cs) && cs[s].f&fSpace != 0 {
				s++
			}
			if s == len(cs) {
				break
			}
		}
		e, hard := fit(cs, s, limit)
		t := e
		for t > s && cs[t-1].f&fSpace != 0 {
			t--
		}
		// A soft break never yields an empty line (e.g. an indent alone).
		if t > s || para && (hard || e == len(cs)) {
			lines = append(lines, text[start(s):start(t)])
		}
		para, s = hard, e
		if hard {
			s++
		}
	}
	if cap(cs) <= 1<<14 { // do not pin huge buffers
		*bp = cs
		pool.Put(bp)
	}
	return lines
}

// fit returns the end of the line starting at cluster s, and whether it ends
// at a hard break (cs[end] is then the break).
func fit(cs []cluster, s int, limit float64) (end int, hard bool) {
	x, last := 0.0, -1
	for i := s; i < len(cs); i++ {
		c := cs[i]
		if c.f&fHard != 0 {
			return i, true
		}
		// Spaces never overflow: at a break they are dropped anyway.
		if c.f&fSpace == 0 && i > s && !(x+c.w <= limit) {
			if last >= 0 {
				return last + 1, false
			}
			return force(cs, s, i), false
		}
		x += c.w
		if c.f&fBreak != 0 {
			last = i
		}
	}
	return len(cs), false
}

// force breaks a run with no break opportunity that overflows at cluster i:
// at the latest cluster boundary in (s, i] that keeps kinsoku, else at i.
func force(cs []cluster, s, i int) int {
	for e := i; e > s; e-- {
		a, b := e-1, e
		for a >= s && cs[a].f&fSpace != 0 {
			a--
		}
		for b < len(cs) && cs[b].f&fSpace != 0 {
			b++
		}
		if a >= s && cs[a].f&fNoEnd == 0 && (b == len(cs) || cs[b].f&fNoStart == 0) {
			return e
		}
	}
	return i
}
