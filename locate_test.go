package jixiao

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestLocate(t *testing.T) {
	type at struct {
		path      string
		line, col int
		raw       string
	}
	for _, c := range []struct {
		name string
		src  string
		want []at
	}{
		{"key value", "a = 1\nbb   =   90.40 # c\n", []at{{"a", 1, 5, "1"}, {"bb", 2, 10, "90.40"}}},
		{"table header", "[funds]\nweight = 10\n", []at{{"funds", 1, 1, ""}, {"funds.weight", 2, 10, "10"}}},
		{"header with blanks and a comment", "[ funds . income ] # [x]\nother = 1\n", []at{{"funds.income", 1, 1, ""}, {"funds.income.other", 2, 9, "1"}}},
		{"dotted key", "funds.weight = 10\n", []at{{"funds.weight", 1, 16, "10"}}},
		{"dotted key in a table", "[funds]\nincome.other = 9.5\n", []at{{"funds.income.other", 2, 16, "9.5"}}},
		{"quoted keys", "\"funds\".'weight' = 10\n\"a.b\" = 1\n", []at{{"funds.weight", 1, 20, "10"}, {`"a.b"`, 2, 9, "1"}}},
		{"quoted key with escapes", "\"a\\\"b\" = 1\n", []at{{`"a\"b"`, 1, 10, "1"}}},
		{"Chinese before the value", "t = { \"名\" = \"益阳\", b = 2 }\n", []at{{"t", 1, 5, "{ \"名\" = \"益阳\", b = 2 }"}, {`t."名"`, 1, 13, `"益阳"`}, {"t.b", 1, 23, "2"}}},
		{"inline table", "[funds]\nincome = { general_budget = 1.50, other = 2 }\n",
			[]at{{"funds.income", 2, 10, "{ general_budget = 1.50, other = 2 }"}, {"funds.income.general_budget", 2, 29, "1.50"}, {"funds.income.other", 2, 43, "2"}}},
		{"array of inline tables", "items = [\n  {name = \"a\"},\n  {name = \"b\", score = 3}, # c\n]\n",
			[]at{{"items[0].name", 2, 11, `"a"`}, {"items[1]", 3, 3, `{name = "b", score = 3}`}, {"items[1].score", 3, 24, "3"}}},
		{"nested arrays", "a = [[1, 2], [3]]\n", []at{{"a", 1, 5, "[[1, 2], [3]]"}, {"a[0]", 1, 6, "[1, 2]"}, {"a[1]", 1, 14, "[3]"}}},
		{"arrays of tables", "[[indicators]]\nname = \"产出\"\n[[indicators.groups]]\nweight = 1\n[[indicators]]\n[[indicators.groups]]\nweight = 2\n[[indicators.groups]]\nweight = 3\n",
			[]at{
				{"indicators", 1, 1, ""}, {"indicators[0]", 1, 1, ""}, {"indicators[0].name", 2, 8, `"产出"`},
				{"indicators[0].groups", 3, 1, ""}, {"indicators[0].groups[0].weight", 4, 10, "1"},
				{"indicators[1]", 5, 1, ""}, {"indicators[1].groups[0].weight", 7, 10, "2"}, {"indicators[1].groups[1].weight", 9, 10, "3"},
			}},
		{"sub-table of an array element", "[[indicators]]\n[indicators.extra]\nx = 1\n", []at{{"indicators[0].extra.x", 3, 5, "1"}}},
		{"multi-line string with [ = #", "expected = \"\"\"\n[x]\nk = 1 # \"\n\"\"\"\nachieved = \"z\"\n",
			[]at{{"expected", 1, 12, "\"\"\"\n[x]\nk = 1 # \"\n\"\"\""}, {"achieved", 5, 12, `"z"`}}},
		{"multi-line string ending in quotes", "a = \"\"\"x\"\"\"\"\"\nb = 1\n", []at{{"a", 1, 5, `"""x"""""`}, {"b", 2, 5, "1"}}},
		{"multi-line literal string", "a = '''\n[x] = 'y' # \\\n'''\nb = 1\n", []at{{"b", 4, 5, "1"}}},
		{"escaped quotes", "a = \"x\\\"[y]\\\\\"\nb = 1\n", []at{{"a", 1, 5, `"x\"[y]\\"`}, {"b", 2, 5, "1"}}},
		{"multi-line escaped quotes", "a = \"\"\"x\\\"\"\"y\"\"\"\nb = 1\n", []at{{"b", 2, 5, "1"}}},
		{"CRLF", "[funds]\r\nweight = 10\r\nrate = \"90%\"\r\n", []at{{"funds.weight", 2, 10, "10"}, {"funds.rate", 3, 8, `"90%"`}}},
		{"tabs", "\tweight\t=\t10\n", []at{{"weight", 1, 11, "10"}}},
		{"datetime with a space", "d = 1979-05-27 07:32:00\nb = 1\n", []at{{"d", 1, 5, "1979-05-27"}, {"b", 2, 5, "1"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tree map[string]any
			if _, err := toml.Decode(c.src, &tree); err != nil {
				t.Fatalf("not TOML: %v", err)
			}
			m := locate(c.src)
			for _, w := range c.want {
				e, ok := m[w.path]
				if !ok {
					t.Errorf("%s: not located; have %v", w.path, keys(m))
					continue
				}
				if e.pos != (Pos{w.line, w.col}) || e.raw != w.raw {
					t.Errorf("%s at %d:%d %q; want %d:%d %q", w.path, e.pos.Line, e.pos.Col, e.raw, w.line, w.col, w.raw)
				}
			}
		})
	}
}

func keys(m sourceMap) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLocateBOM: Decode drops a byte-order mark, and columns on the first
// line count from after it.
func TestLocateBOM(t *testing.T) {
	src := "\ufeff" + strings.Replace(readFile(t, minimalFile), "year = 2020", `year = "2020"`, 1)
	got := lines("f.toml", []byte(src))
	want := `f.toml:1:8: error: year (年度): is a string ("2020"); expected an integer`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestSourceMapPos(t *testing.T) {
	m := locate("[funds]\nweight = 10\n[[indicators]]\n")
	for path, want := range map[string]Pos{
		"funds.weight":       {2, 10},
		"funds.missing":      {1, 1},
		"indicators[0].name": {3, 1},
		"indicators[7].name": {3, 1}, // "indicators" is where the array starts
		"nothing":            {},
		"":                   {},
	} {
		if got := m.pos(path); got != want {
			t.Errorf("pos(%q) = %v; want %v", path, got, want)
		}
	}
}

func TestPaths(t *testing.T) {
	for path, want := range map[string]string{
		"indicators[0].groups[2].items[1].score": "indicators[0].groups[2].items[1]",
		"indicators[0].groups[2].items[1]":       "indicators[0].groups[2].items",
		"indicators":                             "",
		`a."b.c"`:                                "a",
		`"a.b".c`:                                `"a.b"`,
		`"a\".b"`:                                "",
	} {
		if got := parentPath(path); got != want {
			t.Errorf("parentPath(%q) = %q; want %q", path, got, want)
		}
	}
	for _, c := range [][3]string{{"", "a", "a"}, {"a", "b-c_d", "a.b-c_d"}, {"a", "b.c", `a."b.c"`}, {"", "年度", `"年度"`}, {"", "", `""`}} {
		if got := joinKey(c[0], c[1]); got != c[2] {
			t.Errorf("joinKey(%q, %q) = %q; want %q", c[0], c[1], got, c[2])
		}
	}
	if got := genericPath("indicators[0].groups[12].items[1].score"); got != "indicators.groups.items.score" {
		t.Errorf("genericPath = %q", got)
	}
	if got := form2020.LabelOf("indicators[0].groups[12].items[1].deviation"); got != "偏差原因分析及改进措施" {
		t.Errorf("labelOf = %q", got)
	}
}

// FuzzLocate: on any document the parser accepts, locate ends, places every
// value within the file, and finds every value the parser read.
func FuzzLocate(f *testing.F) {
	f.Add(readFile(f, yiyangFile))
	f.Add(readFile(f, minimalFile))
	f.Add("a = [ {b = 1}, {c = [1, {d = 'x'}]} ]\n\"q.k\".r = \"\"\"\n[x]\"\"\"\n")
	f.Add("[[a]]\n[a.b]\nc.d = 1\n[[a]]\n'e' = 1979-05-27 07:32:00\n")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || tooDeep([]byte(src)) >= 0 {
			return
		}
		var tree map[string]any
		if _, err := toml.Decode(src, &tree); err != nil {
			return
		}
		var m sourceMap
		within(t, 2*time.Second, func() { m = locate(src) })
		nLines := strings.Count(src, "\n") + 1
		for path, e := range m {
			if e.pos.Line < 1 || e.pos.Line > nLines || e.pos.Col < 1 {
				t.Errorf("%s at %v; the file has %d lines", path, e.pos, nLines)
			}
		}
		for path := range leaves("", tree) {
			if _, ok := m[path]; !ok {
				t.Errorf("value %s not located", path)
			}
		}
	})
}

// leaves lists the paths of the values of a decoded document that locate
// records: scalars, arrays, and the tables and arrays in arrays.
func leaves(prefix string, v any) map[string]bool {
	out := map[string]bool{}
	var walk func(string, any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				walk(joinKey(path, k), e)
			}
		case []map[string]any:
			for i, e := range v {
				walk(indexPath(path, i), e)
			}
		case []any:
			out[path] = true
			for i, e := range v {
				switch e.(type) {
				case map[string]any, []any:
					walk(indexPath(path, i), e)
				}
			}
		default:
			out[path] = true
		}
	}
	walk(prefix, v)
	return out
}

// within runs f, and fails the test if it takes longer than limit: the
// fuzzer then keeps the input that hangs.
func within(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("still running after %v", limit)
	}
}
