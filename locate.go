package jixiao

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The TOML library reports where a syntax error is, but not where each value
// of a valid document stands. locate reads the document once more, knowing
// only TOML's shape, and records for every value its position and its text
// as written ("90.40" keeps its zero). It runs only on documents the parser
// accepted, and is defensive anyway: it always advances and never fails.

type sourceEntry struct {
	pos Pos
	raw string // the value's literal text; the table header's for tables
}

// sourceMap maps a value's path, e.g. indicators[0].groups[2].items[1].score,
// to where the file wrote it.
type sourceMap map[string]sourceEntry

// pos finds path, or the nearest enclosing table that the file wrote.
func (m sourceMap) pos(path string) Pos {
	for {
		if e, ok := m[path]; ok {
			return e.pos
		}
		if path == "" {
			return Pos{}
		}
		path = parentPath(path)
	}
}

// raw returns the literal text of a value.
func (m sourceMap) raw(path string) string { return m[path].raw }

func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// Quoted keys may hold dots; only a dot outside quotes separates.
	inQuote := false
	last := -1
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '"':
			inQuote = !inQuote
		case '\\':
			i++
		case '.':
			if !inQuote {
				last = i
			}
		}
	}
	if last < 0 {
		return ""
	}
	return path[:last]
}

// joinKey appends a key to a path, quoting it when it is not a bare key.
func joinKey(parent, key string) string {
	k := key
	if !isBareKey(key) {
		k = strconv.Quote(key)
	}
	if parent == "" {
		return k
	}
	return parent + "." + k
}

func indexPath(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

func isBareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

type locator struct {
	src      string
	i        int
	line     int
	lineAt   int            // byte offset where the current line starts
	arrays   map[string]int // array-of-tables path → number of elements so far
	out      sourceMap
	resolved map[string]string // written table path → its resolved path with indices

	colAt, col int // here() counted col characters up to offset colAt on the current line
}

func locate(src string) sourceMap {
	l := &locator{src: src, line: 1, arrays: map[string]int{}, out: sourceMap{}, resolved: map[string]string{}}
	table := ""
	for l.i < len(l.src) {
		l.skipSpace(true)
		if l.i >= len(l.src) {
			break
		}
		if l.src[l.i] == '[' {
			table = l.header()
			continue
		}
		start := l.i
		l.keyValue(table)
		if l.i == start {
			l.advance() // never stall on something unexpected
		}
	}
	return l.out
}

// here returns the current position. It counts the line's characters from
// where it last counted, so that a long line costs linear time, not quadratic.
func (l *locator) here() Pos {
	if l.colAt < l.lineAt || l.colAt > l.i {
		l.colAt, l.col = l.lineAt, 0
	}
	l.col += utf8.RuneCountInString(l.src[l.colAt:l.i])
	l.colAt = l.i
	return Pos{Line: l.line, Col: l.col + 1}
}

func (l *locator) advance() {
	if l.i < len(l.src) {
		if l.src[l.i] == '\n' {
			l.line++
			l.lineAt = l.i + 1
		}
		l.i++
	}
}

func (l *locator) peek(s string) bool { return strings.HasPrefix(l.src[l.i:], s) }

// skipSpace skips blanks and comments, and newlines when newlines is set.
func (l *locator) skipSpace(newlines bool) {
	for l.i < len(l.src) {
		switch c := l.src[l.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			l.advance()
		case c == '\n' && newlines:
			l.advance()
		case c == '#':
			for l.i < len(l.src) && l.src[l.i] != '\n' {
				l.advance()
			}
		default:
			return
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the table's resolved path.
func (l *locator) header() string {
	pos := l.here()
	isArray := l.peek("[[")
	l.advance()
	if isArray {
		l.advance()
	}
	keys := l.dottedKey()
	for l.i < len(l.src) && l.src[l.i] != '\n' && l.src[l.i] != ']' {
		l.advance()
	}
	for l.i < len(l.src) && l.src[l.i] == ']' {
		l.advance()
	}
	path := ""
	for i, k := range keys {
		path = joinKey(path, k)
		if i < len(keys)-1 {
			path = l.resolve(path)
		}
	}
	if isArray {
		if _, seen := l.out[path]; !seen {
			l.out[path] = sourceEntry{pos: pos} // the array itself, where it starts
		}
		n := l.arrays[path]
		l.arrays[path] = n + 1
		path = indexPath(path, n)
	}
	l.out[path] = sourceEntry{pos: pos}
	return path
}

// resolve turns an array of tables into its latest element, so that
// [indicators.groups] after [[indicators]] means indicators[last].groups.
func (l *locator) resolve(path string) string {
	if n, ok := l.arrays[path]; ok && n > 0 {
		return indexPath(path, n-1)
	}
	return path
}

func (l *locator) dottedKey() []string {
	var keys []string
	for {
		l.skipSpace(false)
		if l.i >= len(l.src) {
			return keys
		}
		switch c := l.src[l.i]; c {
		case '"', '\'':
			keys = append(keys, l.quotedKey(c))
		default:
			start := l.i
			for l.i < len(l.src) && isBareKey(l.src[l.i:l.i+1]) {
				l.advance()
			}
			if l.i == start {
				return keys
			}
			keys = append(keys, l.src[start:l.i])
		}
		l.skipSpace(false)
		if l.i >= len(l.src) || l.src[l.i] != '.' {
			return keys
		}
		l.advance()
	}
}

func (l *locator) quotedKey(q byte) string {
	start := l.i
	l.skipString()
	lit := l.src[start:l.i]
	if q == '\'' {
		return strings.Trim(lit, "'")
	}
	if s, err := strconv.Unquote(lit); err == nil {
		return s
	}
	return strings.Trim(lit, `"`)
}

// keyValue reads key = value inside table.
func (l *locator) keyValue(table string) {
	keys := l.dottedKey()
	if len(keys) == 0 {
		return
	}
	l.skipSpace(false)
	if l.i >= len(l.src) || l.src[l.i] != '=' {
		return
	}
	l.advance()
	l.skipSpace(false)
	path := table
	for _, k := range keys {
		path = joinKey(path, k)
	}
	l.value(path)
}

// value records the value at l.i under path (unless path is ""), descending
// into arrays and inline tables.
func (l *locator) value(path string) {
	pos, start := l.here(), l.i
	if l.i >= len(l.src) {
		return
	}
	switch l.src[l.i] {
	case '"', '\'':
		l.skipString()
	case '[':
		l.advance()
		for n := 0; ; n++ {
			l.skipSpace(true)
			if l.i >= len(l.src) || l.src[l.i] == ']' {
				break
			}
			before := l.i
			// Only the tables and arrays in an array are worth a path: the
			// form has no lists of numbers, and a million of them would
			// cost a second.
			elem := ""
			if c := l.src[l.i]; c == '{' || c == '[' {
				elem = indexPath(path, n)
			}
			l.value(elem)
			l.skipSpace(true)
			if l.i < len(l.src) && l.src[l.i] == ',' {
				l.advance()
			} else if l.i == before {
				l.advance()
			}
		}
		l.advance()
	case '{':
		l.advance()
		for l.i < len(l.src) {
			l.skipSpace(true)
			if l.i >= len(l.src) || l.src[l.i] == '}' {
				break
			}
			before := l.i
			l.keyValue(path)
			l.skipSpace(true)
			if l.i < len(l.src) && l.src[l.i] == ',' {
				l.advance()
			} else if l.i == before {
				l.advance()
			}
		}
		l.advance()
	default:
		for l.i < len(l.src) && !strings.ContainsRune(",]}#\n\r\t ", rune(l.src[l.i])) {
			l.advance()
		}
	}
	if path != "" {
		l.out[path] = sourceEntry{pos: pos, raw: l.src[start:l.i]}
	}
}

// skipString passes over any of TOML's four kinds of string.
func (l *locator) skipString() {
	q := l.src[l.i]
	if l.peek(strings.Repeat(string(q), 3)) {
		delim := strings.Repeat(string(q), 3)
		for range 3 {
			l.advance()
		}
		for l.i < len(l.src) && !l.peek(delim) {
			if q == '"' && l.src[l.i] == '\\' {
				l.advance()
			}
			l.advance()
		}
		for range 3 {
			l.advance()
		}
		// Up to two more quotes may close a multi-line string: """a"""".
		for l.i < len(l.src) && l.src[l.i] == q {
			l.advance()
		}
		return
	}
	l.advance()
	for l.i < len(l.src) && l.src[l.i] != q && l.src[l.i] != '\n' {
		if q == '"' && l.src[l.i] == '\\' {
			l.advance()
		}
		l.advance()
	}
	l.advance()
}
