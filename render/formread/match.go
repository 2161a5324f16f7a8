package formread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// norm is a text as labels are compared: without whitespace and line
// breaks (a narrow column breaks 年度预算申请 anywhere), with full-width
// and half-width colons and parentheses taken as the same.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

// fold maps the full-width punctuation a label may be typed with to one form.
func fold(r rune) rune {
	switch r {
	case '：':
		return ':'
	case '（':
		return '('
	case '）':
		return ')'
	}
	return r
}

// hasHan tells a text that names something (a label of the form) from a
// filler such as — or /.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// literal is the fixed part of a pattern: its text without placeholders
// and optional parts, e.g. 其中：一般公共预算： of 其中：一般公共预算：{…}.
func literal(pattern string) string {
	var b strings.Builder
	depth := 0
	for _, r := range pattern {
		switch {
		case r == '{' || r == '[':
			depth++
		case r == '}' || r == ']':
			depth = max(depth-1, 0)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// prefix is the fixed text a pattern starts with, up to its first
// placeholder or optional part.
func prefix(pattern string) string {
	if i := strings.IndexAny(pattern, "{["); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// matcher reads a cell's text back through the pattern that printed it:
// "{name}[（{weight}分）]" reads 产出指标（50分） as name 产出指标, weight 50.
// Whitespace may stand anywhere in the text (a layout's line breaks), and
// colons and parentheses may be full-width or half-width.
type matcher struct {
	re   *regexp.Regexp
	keys []string // the placeholders, in the order of re's groups
}

func newMatcher(pattern string) *matcher {
	m := &matcher{}
	var b strings.Builder
	b.WriteString(`(?s)^\s*`)
	for i := 0; i < len(pattern); {
		switch pattern[i] {
		case '[':
			b.WriteString("(?:")
			i++
			continue
		case ']':
			b.WriteString(")?")
			i++
			continue
		case '{':
			if end := strings.IndexByte(pattern[i:], '}'); end > 0 {
				key := pattern[i+1 : i+end]
				m.keys = append(m.keys, key)
				if key == "n" { // the indicator's number in its group
					b.WriteString(`\s*(\d*)\s*`)
				} else {
					b.WriteString(`(.*?)`)
				}
				i += end + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(pattern[i:])
		i += size
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteString(`\s*`)
		b.WriteString(runeClass(r))
	}
	b.WriteString(`\s*$`)
	m.re = regexp.MustCompile(b.String())
	return m
}

// runeClass matches a rune of a pattern's fixed text.
func runeClass(r rune) string {
	switch fold(r) {
	case ':':
		return "[:：]"
	case '(':
		return "[(（]"
	case ')':
		return "[)）]"
	}
	return regexp.QuoteMeta(string(r))
}

// match returns the values of the placeholders, or false when the text
// does not fit the pattern. A placeholder in an optional part left out
// has the value "".
func (m *matcher) match(text string) (map[string]string, bool) {
	sub := m.re.FindStringSubmatch(text)
	if sub == nil {
		return nil, false
	}
	out := make(map[string]string, len(m.keys))
	for i, k := range m.keys {
		out[k] = strings.TrimSpace(sub[i+1])
	}
	return out, true
}
