package jixiao

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest data file accepted. A filled-in form is a few
// kilobytes; anything near this is not a form, and is refused before parsing.
const MaxFileSize = 4 << 20

// maxNesting bounds how deeply arrays and inline tables may nest. The form
// needs three levels; the limit keeps hostile input from costing seconds.
const maxNesting = 32

// Decode reads one form written in TOML. name is the file's name as messages
// should show it. It returns as much of the report as could be read, and
// every problem found while reading it; Validate finds the rest.
func Decode(name string, data []byte, form *Form) (*Report, Problems) {
	r, rep := decode(name, data, fixedForm(form))
	ps := capped(rep.list, rep.dropped, name)
	placeAll(ps, r)
	return r, ps
}

// FormFinder returns the form a data file names in form = "…"; name is ""
// for a file that names none. Its error says why there is no such form.
type FormFinder func(name string) (*Form, error)

// fixedForm finds one form whatever the file names, as --template does.
func fixedForm(f *Form) FormFinder { return func(string) (*Form, error) { return f, nil } }

// decode is Decode with the problems not yet capped, so that Check caps
// them once with those of validation.
func decode(name string, data []byte, find FormFinder) (*Report, *reporter) {
	rep := &reporter{file: name, src: &sourceMap{}}
	fileProblem := func(pos Pos, code, format string, args ...any) (*Report, *reporter) {
		rep.list = append(rep.list, NewProblem(name, pos, Error, code, T(format, args...)))
		return &Report{Values: map[string]Figure{}}, rep
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // editors on Windows add a BOM
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fileProblem(Pos{}, "empty-file", "the file is empty; `jixiao init` writes a form to fill in")
	case len(data) > MaxFileSize:
		return fileProblem(Pos{}, "file-too-large", "the file is %.1f MB; a form is at most %d MB", float64(len(data))/(1<<20), MaxFileSize>>20)
	case !utf8.Valid(data):
		at := firstInvalidUTF8(data)
		return fileProblem(posOfOffset(data, at), "not-utf8", "not UTF-8 text (byte 0x%02X); save the file as UTF-8", data[at])
	}
	if at := tooDeep(data); at >= 0 {
		return fileProblem(posOfOffset(data, at), "too-deep", "arrays or tables nested more than %d deep", maxNesting)
	}
	var tree map[string]any
	if _, err := toml.Decode(string(data), &tree); err != nil {
		var fields []Field
		if form, err := find(""); err == nil && form != nil {
			fields = form.AllFields()
		}
		rep.list = append(rep.list, syntaxProblems(name, data, err, fields)...)
		return &Report{}, rep
	}
	src := locate(string(data))
	named, _ := tree[FormKey].(string)
	form, err := find(strings.TrimSpace(named))
	if err != nil { // the file is not scored: its Report has no source
		code, msg := TextOf(err, "unknown-form")
		p := NewProblem(name, src.pos(FormKey), Error, code, msg)
		p.Path, p.Label = FormKey, metaFields[0].Label
		rep.list = append(rep.list, p)
		return &Report{Values: map[string]Figure{}}, rep
	}
	rep.src, rep.form = &src, form
	d := &decoder{rep: rep, form: form}
	r := d.report(object{m: tree})
	r.src = src
	r.failed = map[string]bool{}
	for _, p := range rep.list {
		r.failed[p.Path] = true
	}
	return r, rep
}

// syntaxPos places a syntax error at the byte offset the parser gives,
// with its column in characters as every other position has it (the
// parser's own column counts bytes).
func syntaxPos(data []byte, p toml.Position) Pos {
	off := min(max(p.Start, 0), len(data))
	for off > 0 && off < len(data) && !utf8.RuneStart(data[off]) {
		off--
	}
	return posOfOffset(data, off)
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

func posOfOffset(data []byte, off int) Pos {
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{Line: line, Col: utf8.RuneCount(before[start:]) + 1}
}

// tooDeep returns the offset where arrays, inline tables or dotted keys
// nest beyond maxNesting, or -1. It skips TOML's four kinds of string and
// its comments, so that what they hold does not count (and cannot hide a
// bracket from it): the parser takes seconds on keys dotted thousands deep,
// and locate on arrays nested thousands deep.
func tooDeep(data []byte) int {
	depth, dots := 0, 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"', '\'':
			i = skipString(data, i) - 1
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '[', '{':
			dots = 0
			if depth++; depth > maxNesting {
				return i
			}
		case ']', '}':
			dots = 0
			depth = max(depth-1, 0)
		case '=', ',', '\n':
			dots = 0
		case '.': // between the parts of a dotted key; a float has one
			if dots++; dots >= maxNesting {
				return i
			}
		}
	}
	return -1
}

// skipString returns the offset just past the string that starts at
// data[i], or where an unterminated one-line string meets its line's end.
func skipString(data []byte, i int) int {
	q := data[i]
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for i += 3; i < len(data); i++ {
			switch {
			case data[i] == '\\' && q == '"':
				i++
			case i+2 < len(data) && data[i] == q && data[i+1] == q && data[i+2] == q:
				i += 3
				// Up to two more quotes belong to the string: """a"""".
				for n := 0; n < 2 && i < len(data) && data[i] == q; n++ {
					i++
				}
				return i
			}
		}
		return len(data)
	}
	for i++; i < len(data) && data[i] != '\n'; i++ {
		switch {
		case data[i] == '\\' && q == '"':
			i++
		case data[i] == q:
			return i + 1
		}
	}
	return i
}

// object is a TOML table being read into the model.
type object struct {
	path string // with indices: indicators[0].groups[1]
	key  string // generic: indicators.groups
	m    map[string]any
}

func (o object) child(name string) (path, key string) {
	key = name
	if o.key != "" {
		key = o.key + "." + name
	}
	return joinKey(o.path, name), key
}

type decoder struct {
	rep  *reporter
	form *Form
}

// lookup returns the raw value of a key, reporting it when a required key
// is missing.
func (d *decoder) lookup(o object, name string) (v any, path string, f Field, ok bool) {
	path, key := o.child(name)
	f, _ = d.form.Field(key)
	v, ok = o.m[name]
	if !ok && f.Required {
		switch f.Kind {
		case KindTable:
			d.rep.errorf(path, "missing", "missing; expected a table [%s]", key)
		case KindTables:
			d.rep.errorf(path, "missing", "missing; expected an array of tables [[%s]]", key)
		default:
			d.rep.errorf(path, "missing", "missing; expected %s, e.g. %s = %s", d.describeKind(f.Kind), name, f.Example)
		}
	}
	return v, path, f, ok
}

// unknownKeys reports every key of o that the form does not have.
func (d *decoder) unknownKeys(o object) {
	known := d.form.childFields(o.key)
	names := make([]string, 0, len(known))
	for _, f := range known {
		if !slices.ContainsFunc(metaFields, func(m Field) bool { return m.Key == f.Key }) {
			names = append(names, lastKey(f.Key)) // the form's own keys, as suggestions name them
		}
	}
	var unknown []string
	for k := range o.m {
		if _, ok := d.form.Field(joinKey(o.key, k)); !ok || o.key == "" && strings.Contains(k, ".") {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		path := joinKey(o.path, k)
		if s := suggest(k, names); s != "" {
			d.rep.errorf(path, "unknown-key", "unknown key %q; did you mean %q?", k, s)
		} else if len(names) > 0 {
			d.rep.errorf(path, "unknown-key", "unknown key %q; expected one of %v", k, names)
		} else {
			d.rep.errorf(path, "unknown-key", "unknown key %q", k)
		}
	}
}

func (d *decoder) describeKind(k Kind) Text { return describeKind(k, d.form.Unit) }

func describeKind(k Kind, unit string) Text {
	switch k {
	case KindText:
		return T("a string")
	case KindInt:
		return T("an integer")
	case KindAmount:
		return T("an amount in %s (a number with at most 2 decimals)", unit)
	case KindPoints:
		return T("a number of points (at most 2 decimals)")
	case KindPercent:
		return T(`a percentage such as "90%%"`)
	case KindTable:
		return T("a table")
	default:
		return T("an array of tables")
	}
}

// describeValue names a decoded TOML value's type for messages.
func describeValue(v any) Text {
	switch v := v.(type) {
	case string:
		return T("a string (%s)", quoteShort(v))
	case int64:
		return T("an integer (%d)", v)
	case float64:
		return T("a float (%s)", strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		return T("a boolean (%t)", v)
	case map[string]any:
		return T("a table")
	case []map[string]any, []any:
		return T("an array")
	default:
		return T("a date or time")
	}
}

func quoteShort(s string) string {
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
