package jixiao

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Typing mistakes that a Chinese input method makes in a TOML file: curly
// quotes for straight ones, full-width ＝ ， ［ ］ ＃ and spaces, thousands
// separators in numbers, a string left open, a key typed as its Chinese
// label. The TOML parser stops at the first of them, with a message about
// what it expected; typingMistakes scans every line on its own, so one run
// names each such place with the character to type instead.

// syntaxProblems reports a file the parser refused: every typing mistake
// the scan finds, and the parser's own error when it stands before the first
// of them (after it, it is most likely that mistake's consequence).
// fields are the keys of the form the file most likely fills in: the
// default one, as a file the parser refused cannot say which.
func syntaxProblems(name string, data []byte, err error, fields []Field) []Problem {
	var out []Problem
	for _, m := range typingMistakes(string(data), fields) {
		out = append(out, NewProblem(name, Pos{m.line, m.col}, Error, m.code, T("TOML syntax: %s", m.msg)))
	}
	var pe toml.ParseError
	switch {
	case !errors.As(err, &pe):
		if len(out) == 0 {
			out = append(out, NewProblem(name, Pos{}, Error, "toml-syntax", T("TOML syntax: %s", err.Error())))
		}
	case len(out) == 0 || syntaxPos(data, pe.Position).Line < out[0].Pos.Line:
		out = append(out, NewProblem(name, syntaxPos(data, pe.Position), Error, "toml-syntax", T("TOML syntax: %s", parserText(pe.Message))))
	}
	return out
}

// typingMistake is one place where a character should be another.
type typingMistake struct {
	line, col int // 1-based; col counts characters
	code      string
	msg       Text
}

// typingMistakes scans src line by line, tolerant of what it does not
// understand. It only runs on a file the parser refused, so what it reports
// is never a false alarm on a valid file.
func typingMistakes(src string, fields []Field) []typingMistake {
	s := &typingScanner{fields: fields}
	for i, line := range strings.Split(src, "\n") {
		s.line(i+1, strings.TrimSuffix(line, "\r"))
	}
	return s.found
}

type typingScanner struct {
	fields    []Field // the form's keys, to name the key of a label typed as one
	found     []typingMistake
	multiline string // the delimiter of a multi-line string left open on an earlier line, or ""
}

func (s *typingScanner) mistake(line int, text string, at int, code, format string, args ...any) {
	s.found = append(s.found, typingMistake{line, utf8.RuneCountInString(text[:at]) + 1, code, T(format, args...)})
}

// fullWidth maps the full-width characters an input method types to what
// TOML needs, with what each is for.
var fullWidth = map[rune]struct {
	ascii string
	role  Text
}{
	'＝': {"=", T("between a key and its value")},
	'，': {",", T("between the values of a list")},
	'［': {"[", T("around a table's name or a list")},
	'］': {"]", T("around a table's name or a list")},
	'｛': {"{", T("around an inline table")},
	'｝': {"}", T("around an inline table")},
	'＃': {"#", T("to start a comment")},
	'：': {"=", T("between a key and its value")},
	'　': {" ", T("as a space (this is a full-width space)")},
	'．': {".", T("in a dotted key or a number")},
}

var curly = map[rune]string{'“': `"`, '”': `"`, '‘': `'`, '’': `'`}

// thousands matches a number written with separators: 3,720.80 or 1,234.
var thousands = regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?`)

func (s *typingScanner) line(n int, text string) {
	i := 0
	if s.multiline != "" {
		end := strings.Index(text, s.multiline)
		if end < 0 {
			return
		}
		s.multiline, i = "", end+3
	}
	inKey := strings.TrimSpace(text) != "" && !strings.HasPrefix(strings.TrimLeft(text, " \t　"), "[") && !strings.HasPrefix(strings.TrimLeft(text, " \t　"), "［")
	keyStart := -1
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '#':
			return
		case r == '"' || r == '\'':
			if inKey {
				inKey, keyStart = false, -1 // a quoted key: let the parser judge it
			}
			i = s.str(n, text, i)
			continue
		case curly[r] != "":
			// A text between curly quotes is named whole, and not scanned as TOML.
			if close := strings.IndexAny(text[i+size:], "”’"); close >= 0 && (r == '“' || r == '‘') {
				inner := text[i+size : i+size+close]
				s.mistake(n, text, i, "curly-quotes", "%c…%c are Chinese quotation marks; type straight quotes: %s%s%s (switch the input method to English punctuation)",
					r, []rune(text[i+size+close:])[0], curly[r], inner, curly[r])
				i += size + close + len("”")
				continue
			}
			s.mistake(n, text, i, "curly-quote", "%c is a Chinese quotation mark; type the straight quote %s (switch the input method to English punctuation)", r, curly[r])
		case fullWidth[r].ascii != "":
			fw := fullWidth[r]
			if r == '：' && !inKey {
				break // a full-width colon in a value is text the parser will name itself
			}
			s.mistake(n, text, i, "full-width", "%c is a full-width character; type %s %s", r, fw.ascii, fw.role)
			if r == '＝' || r == '：' {
				s.key(n, text, keyStart, i)
				inKey = false
			}
		case r >= '０' && r <= '９':
			s.mistake(n, text, i, "full-width", "%c is a full-width digit; type %c", r, '0'+(r-'０'))
		case r == '=' && inKey:
			s.key(n, text, keyStart, i)
			inKey = false
		case !inKey && (r >= '0' && r <= '9' || r == '+' || r == '-') && (i == 0 || !isWordByte(text[i-1])):
			if m := thousands.FindString(text[i:]); m != "" {
				s.mistake(n, text, i, "thousands-separator", "%s has thousands separators; write the number without them: %s", m, strings.ReplaceAll(m, ",", ""))
				i += len(m)
				continue
			}
		case inKey && keyStart < 0 && r != ' ' && r != '\t':
			keyStart = i
		}
		i += size
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// key checks the bare key text[from:to]: a key typed as the form's Chinese
// label is named with the key to type.
func (s *typingScanner) key(n int, text string, from, to int) {
	if from < 0 {
		return
	}
	key := strings.TrimRight(text[from:to], " \t　")
	if key == "" || !strings.ContainsFunc(key, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return
	}
	if want := keyForLabel(s.fields, key); want != "" {
		s.mistake(n, text, from, "label-as-key", "%q is the form's label, not a key; type the key %s", key, want)
		return
	}
	s.mistake(n, text, from, "chinese-key", "%q: keys are written in English letters (see `jixiao init` for every key); put Chinese text in a value, between straight quotes", key)
}

// keyForLabel returns the last part of the key whose Chinese label is
// label, or "" when none or several have it.
func keyForLabel(fields []Field, label string) string {
	found := ""
	for _, f := range fields {
		if f.Label != label {
			continue
		}
		k := f.Key[strings.LastIndexByte(f.Key, '.')+1:]
		if found != "" && found != k {
			return ""
		}
		found = k
	}
	return found
}

// str skips the string that starts at text[i], returning the offset after
// it. A string left open at the end of the line is a mistake (a multi-line
// string is remembered instead); when it ends in a curly quote, that is
// said.
func (s *typingScanner) str(n int, text string, i int) int {
	q := text[i]
	if strings.HasPrefix(text[i:], strings.Repeat(string(q), 3)) {
		delim := text[i : i+3]
		if end := strings.Index(text[i+3:], delim); end >= 0 {
			return i + 3 + end + 3
		}
		s.multiline = delim
		return len(text)
	}
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1
		}
	}
	rest := strings.TrimRight(text[i+1:], " \t")
	if last, _ := utf8.DecodeLastRuneInString(rest); curly[last] != "" {
		s.mistake(n, text, i+1+len(rest)-utf8.RuneLen(last), "curly-quote", "%c is a Chinese quotation mark; end the string with the straight quote %c", last, q)
	} else {
		s.mistake(n, text, i, "unclosed-string", "this string has no closing quote; end it with %c on the same line (or use %c%c%c for text over several lines)", q, q, q, q)
	}
	return len(text)
}

// parserMessages are the TOML parser's common messages, each as a key of
// the catalog whose English is the parser's own text; the parts that vary
// are the arguments. A message not among them is shown as it is. They
// are compiled when a file first fails to parse, not at every start.
var parserMessages = sync.OnceValue(func() []parserMessage { return parserMessageList() })

type parserMessage struct {
	re     *regexp.Regexp
	format string
}

func parserMessageList() []parserMessage {
	return []parserMessage{
		{regexp.MustCompile(`^expected value but found (.+) instead$`), "expected value but found %s instead"},
		{regexp.MustCompile(`^unexpected EOF; expected value$`), "unexpected EOF; expected value"},
		{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), "unexpected EOF; expected key separator '='"},
		{regexp.MustCompile(`^unexpected EOF$`), "unexpected EOF"},
		{regexp.MustCompile(`^Key '(.+)' has already been defined\.$`), "Key '%s' has already been defined."},
		{regexp.MustCompile(`^Key '(.+)' was already created as a hash\.$`), "Key '%s' was already created as a hash."},
		{regexp.MustCompile(`^Key '(.+)' was already created and cannot be used as an array\.$`), "Key '%s' was already created and cannot be used as an array."},
		{regexp.MustCompile(`^(.+) is not a table$`), "%s is not a table"},
		{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), "expected a top-level item to end with a newline, comment, or EOF, but got %s instead"},
		{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), "expected '.' or '=', but got %s instead"},
		{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.+)$`), "expected a comma (',') or array terminator (']'), but got %s"},
		{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`), "expected a comma or an inline table terminator '}', but got %s instead"},
		{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), "expected '.' or ']' to end table name, but got %s instead"},
		{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.+) instead$`), "expected end of table array name delimiter ']', but got %s instead"},
		{regexp.MustCompile(`^strings cannot contain newlines$`), "strings cannot contain newlines"},
		{regexp.MustCompile(`^newlines not allowed within inline tables$`), "newlines not allowed within inline tables"},
		{regexp.MustCompile(`^invalid escape in string '(.+)'$`), "invalid escape in string '%s'"},
		{regexp.MustCompile(`^unexpected comma$`), "unexpected comma"},
		{regexp.MustCompile(`^invalid float: '(.+)'$`), "invalid float: '%s'"},
		{regexp.MustCompile(`^floats must start with a digit, not '\.'$`), "floats must start with a digit, not '.'"},
		{regexp.MustCompile(`^expected a digit but got (.+)$`), "expected a digit but got %s"},
		{regexp.MustCompile(`^TOML files cannot contain control characters: '(.+)'$`), "TOML files cannot contain control characters: '%s'"},
		{regexp.MustCompile(`^invalid datetime: (.+)$`), "invalid datetime: %s"},
		{regexp.MustCompile(`^(.+) is out of range for (.+)$`), "%s is out of range for %s"},
		{regexp.MustCompile(`^unexpected '=': key name appears blank$`), "unexpected '=': key name appears blank"},
		{regexp.MustCompile(`^unexpected '='$`), "unexpected '='"},
		{regexp.MustCompile(`^unexpected '\.': keys cannot start with a '\.'$`), "unexpected '.': keys cannot start with a '.'"},
		{regexp.MustCompile(`^unexpected table separator \(table names cannot be empty\)$`), "unexpected table separator (table names cannot be empty)"},
		{regexp.MustCompile(`^unexpected end of table name \(table names cannot be empty\)$`), "unexpected end of table name (table names cannot be empty)"},
	}
}

// parserText is the parser's message as a Text the catalog can translate.
func parserText(msg string) Text {
	for _, m := range parserMessages() {
		if sub := m.re.FindStringSubmatch(msg); sub != nil {
			args := make([]any, len(sub)-1)
			for i, a := range sub[1:] {
				args[i] = a
				if a == `'\n'` {
					args[i] = T(`'\n'`) // the end of the line, in Chinese
				}
			}
			if t := T(m.format, args...); t.In(English) == msg {
				return t
			}
		}
	}
	return T("%s", msg)
}
