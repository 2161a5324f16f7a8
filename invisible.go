package jixiao

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Texts pasted from Word, web pages or chat carry characters that print as
// nothing: zero-width spaces, byte-order marks, soft hyphens, bidi
// overrides, and control characters written as escapes ("\u0000"). No
// shipped font draws them, and dropping them unseen would print something
// other than what the file says, so decoding decides for each one, and
// says so at the character's own place:
//
//   - line breaks of other systems (CR LF, CR, U+2028, U+2029) become "\n";
//   - invisible format characters and variation selectors are removed, with
//     a warning: the text prints as it reads;
//   - control characters and bidi controls are an error: they stand for
//     something (a page break, a reversed run of text) the form cannot
//     print, and the department must say what it meant.
//
// Tabs stay; the layout prints them as spaces.

// invisible is a character removed from a text, at its index in runes.
type invisible struct {
	r     rune
	at    int
	fatal bool // an error, not a warning
}

// removeInvisible applies the rules above to s.
func removeInvisible(s string) (string, []invisible) {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\r' || classify(r) != visible }) {
		return s, nil
	}
	var b strings.Builder
	var found []invisible
	i := 0
	for rest := s; rest != ""; i++ {
		r, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
		switch c := classify(r); {
		case r == '\r' && strings.HasPrefix(rest, "\n"):
			// CR LF: the LF that follows makes the line break.
		case r == '\r', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
		case c == visible:
			b.WriteRune(r)
		default:
			found = append(found, invisible{r: r, at: i, fatal: c == refused})
		}
	}
	return b.String(), found
}

type class int

const (
	visible class = iota
	removed       // removed with a warning
	refused       // an error
)

func classify(r rune) class {
	switch {
	case r == '\t' || r == '\n':
		return visible
	case unicode.Is(unicode.Bidi_Control, r), unicode.IsControl(r):
		return refused
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
		return removed
	}
	return visible
}

// invisibleNames name the characters met in real forms; others are
// described by their class.
var invisibleNames = map[rune]string{
	0x00AD: "soft hyphen",
	0x200B: "zero-width space",
	0x200C: "zero-width non-joiner",
	0x200D: "zero-width joiner",
	0x200E: "left-to-right mark",
	0x200F: "right-to-left mark",
	0x202A: "left-to-right embedding",
	0x202B: "right-to-left embedding",
	0x202C: "pop directional formatting",
	0x202D: "left-to-right override",
	0x202E: "right-to-left override",
	0x2060: "word joiner",
	0x2066: "left-to-right isolate",
	0x2067: "right-to-left isolate",
	0x2068: "first strong isolate",
	0x2069: "pop directional isolate",
	0xFEFF: "zero-width no-break space, a byte-order mark",
	0x0000: "NUL",
	0x0008: "backspace",
	0x000B: "vertical tab",
	0x000C: "form feed",
	0x001B: "escape",
	0x007F: "delete",
}

func describeInvisible(r rune) Text {
	name := invisibleNames[r]
	switch {
	case name != "":
	case unicode.Is(unicode.Variation_Selector, r):
		name = "variation selector"
	case unicode.IsControl(r):
		name = "a control character"
	default:
		name = "an invisible format character"
	}
	return T("U+%04X (%s)", r, T(name))
}

// maxNamed is the most distinct characters one message names.
const maxNamed = 4

// reportInvisible reports what removeInvisible found in the text at path:
// one problem per severity, placed at the first such character.
func (d *decoder) reportInvisible(path, value string, found []invisible) {
	for _, fatal := range []bool{true, false} {
		var first *invisible
		var names []Text
		n := 0
		for i := range found {
			if found[i].fatal != fatal {
				continue
			}
			if first == nil {
				first = &found[i]
			}
			n++
			if name := describeInvisible(found[i].r); !slices.ContainsFunc(names, func(t Text) bool { return t.String() == name.String() }) {
				names = append(names, name)
			}
		}
		if first == nil {
			continue
		}
		pos := d.rep.src.posInString(path, value, first.at)
		list := joinTexts(names[:min(len(names), maxNamed)])
		if len(names) > maxNamed {
			list = T("%s and %d more", list, len(names)-maxNamed)
		}
		switch {
		case fatal && n == 1:
			d.rep.addAt(Error, path, pos, "unprintable", "holds %s, which the form cannot print; remove it", list)
		case fatal:
			d.rep.addAt(Error, path, pos, "unprintable", "holds %d characters the form cannot print: %s; remove them", n, list)
		case n == 1:
			d.rep.addAt(Warning, path, pos, "invisible-removed", "removed the invisible %s", list)
		default:
			d.rep.addAt(Warning, path, pos, "invisible-removed", "removed %d invisible characters: %s", n, list)
		}
	}
}

// posInString returns where the character at rune index at of the decoded
// string value stands in the file: inside the string's literal, after its
// escapes. It falls back to the literal's own position when the literal
// does not decode to value (it always should).
func (m sourceMap) posInString(path, value string, at int) Pos {
	e, ok := m[path]
	if !ok {
		return m.pos(path)
	}
	off, ok := literalOffset(e.raw, value, at)
	if !ok {
		return e.pos
	}
	before := e.raw[:off]
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		return Pos{Line: e.pos.Line + strings.Count(before, "\n"), Col: utf8.RuneCountInString(before[nl+1:]) + 1}
	}
	return Pos{Line: e.pos.Line, Col: e.pos.Col + utf8.RuneCountInString(before)}
}

// literalOffset decodes a TOML string literal (any of the four kinds) as
// far as the at-th character of value, and returns the byte offset in raw
// where that character is written (its backslash, for an escape).
func literalOffset(raw, value string, at int) (int, bool) {
	delim := ""
	for _, d := range []string{`"""`, `'''`, `"`, `'`} {
		if strings.HasPrefix(raw, d) {
			delim = d
			break
		}
	}
	if delim == "" {
		return 0, false
	}
	i := len(delim)
	if len(delim) == 3 { // a newline right after the opening quotes is not part of the string
		if strings.HasPrefix(raw[i:], "\r\n") {
			i += 2
		} else if strings.HasPrefix(raw[i:], "\n") {
			i++
		}
	}
	basic := delim[0] == '"'
	want := []rune(value)
	for k := 0; k < len(want) && i < len(raw); {
		start := i
		r, n := utf8.DecodeRuneInString(raw[i:])
		i += n
		if basic && r == '\\' && i < len(raw) {
			var skip bool
			r, i, skip = unescape(raw, i)
			if skip {
				continue
			}
		}
		if r != want[k] {
			return 0, false
		}
		if k == at {
			return start, true
		}
		k++
	}
	return 0, false
}

// unescape reads the escape after a backslash at raw[i-1] and returns the
// character it stands for and the offset after it; skip is set for a
// line-ending backslash, which stands for nothing.
func unescape(raw string, i int) (r rune, next int, skip bool) {
	c := raw[i]
	switch c {
	case 'u', 'U', 'x':
		digits := map[byte]int{'u': 4, 'U': 8, 'x': 2}[c]
		if i+1+digits > len(raw) {
			return utf8.RuneError, len(raw), false
		}
		v, err := strconv.ParseUint(raw[i+1:i+1+digits], 16, 32)
		if err != nil {
			return utf8.RuneError, i + 1 + digits, false
		}
		return rune(v), i + 1 + digits, false
	case ' ', '\t', '\r', '\n':
		for i < len(raw) && strings.IndexByte(" \t\r\n", raw[i]) >= 0 {
			i++
		}
		return 0, i, true
	}
	if r, ok := map[byte]rune{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', 'e': '\x1b'}[c]; ok {
		return r, i + 1, false
	}
	return rune(c), i + 1, false
}
