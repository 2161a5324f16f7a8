package jixiao

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// builtinForms finds the two built-in forms by name, as the command does.
func builtinForms(name string) (*Form, error) {
	switch name {
	case "", "部门整体支出-湖南-2020":
		return form2020, nil
	case "项目支出-2020":
		return formProject, nil
	}
	return nil, fmt.Errorf("%q is not a built-in form", name)
}

// FuzzCheck runs Decode, Validate and Score on anything: no panic, every
// problem says something and stands inside the file, and the same input
// gives the same problems and the same scores.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(readFile(f, "samples/yiyang-2020.toml")))
	f.Add([]byte(readFile(f, minimalFile)))
	f.Add([]byte(readFile(f, projectFile)))
	bad, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range bad {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s1, s2 *Scored
		var p1, p2 Problems
		within(t, 5*time.Second, func() {
			s1, p1 = CheckNamed("f.toml", data, builtinForms)
			s2, p2 = CheckNamed("f.toml", data, builtinForms)
		})
		nLines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range p1 {
			switch {
			case p.Message == "":
				t.Errorf("empty message: %+v", p)
			case p.File != "f.toml":
				t.Errorf("file %q: %v", p.File, p)
			case p.Severity != Error && p.Severity != Warning:
				t.Errorf("severity %q: %v", p.Severity, p)
			case p.Pos.Line < 0 || p.Pos.Line > nLines || p.Pos.Col < 0 || (p.Pos.Line > 0) != (p.Pos.Col > 0):
				t.Errorf("position %v outside a file of %d lines: %.200s", p.Pos, nLines, p)
			case p.Code == "":
				t.Errorf("no code: %v", p)
			case strings.Contains(p.Line(Chinese), "%!") || strings.Contains(p.Line(English), "%!"):
				// A translation whose verbs do not take the arguments.
				t.Errorf("badly formatted: %s / %s", p.Line(English), p.Line(Chinese))
			}
		}
		if !reflect.DeepEqual(p1, p2) {
			t.Errorf("two runs found different problems:\n%v\n%v", p1, p2)
		}
		if (s1 == nil) != (s2 == nil) {
			t.Fatal("two runs: scored once, not scored once")
		}
		if s1 == nil {
			if p1.Errors() == 0 {
				t.Error("not scored, but no error")
			}
			return
		}
		for _, text := range reportTexts(s1.Report) {
			if i := strings.IndexFunc(text, func(r rune) bool { return r == '\r' || classify(r) != visible }); i >= 0 {
				t.Errorf("decoded text %q keeps an invisible character at byte %d", text, i)
			}
		}
		if s1.Total != s2.Total || s1.ExecScore != s2.ExecScore || s1.RateShown != s2.RateShown || s1.Grade != s2.Grade ||
			!reflect.DeepEqual(s1.Indicators, s2.Indicators) {
			t.Errorf("two runs scored differently: %s/%s, %s/%s", s1.Total, s2.Total, s1.ExecScore, s2.ExecScore)
		}
	})
}

// FuzzFullWidth: a figure typed in full-width characters (as Chinese input
// methods type them) reads exactly as its ASCII twin, whether it is a
// 年度指标值 or 实际完成值 or a declared 执行率.
func FuzzFullWidth(f *testing.F) {
	for _, s := range []string{"≥90%", "85%", "≤100%", "<5.5%", "=100%", "30个", "1,000万元", "96.8%", "100km", "30元/亩", ">=90%", "+5%", "-5%", "90 %", "按期完成"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("a form is UTF-8; Decode refuses anything else")
		}
		wide := toFullWidth(s)
		m1, ok1 := ParseMeasure(s)
		m2, ok2 := ParseMeasure(wide)
		if ok1 != ok2 || ok1 && (m1.Op != m2.Op || m1.Value.Cmp(m2.Value) != 0 || m1.Unit != m2.Unit) {
			t.Errorf("ParseMeasure(%q) = %v %+v, ParseMeasure(%q) = %v %+v", s, ok1, m1, wide, ok2, m2)
		}
		f1, err1 := parseFigure(s, s, KindPercent, "万元")
		f2, err2 := parseFigure(wide, wide, KindPercent, "万元")
		if (err1 == nil) != (err2 == nil) || f1.Value != f2.Value {
			t.Errorf("percent %q = %v %v, %q = %v %v", s, f1.Value, err1, wide, f2.Value, err2)
		}
		if err2 == nil && f2.Text != strings.TrimSpace(wide) {
			t.Errorf("percent %q is kept as %q; want it as written", wide, f2.Text)
		}
	})
}

// toFullWidth types s as a Chinese input method in full-width mode would:
// ASCII letters, digits and signs become U+FF01–FF5E, spaces U+3000, and
// ≥ ≤ become ≧ ≦.
func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '\u3000'
		case r == '≥':
			return '≧'
		case r == '≤':
			return '≦'
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', strings.ContainsRune("%.+-<=>/", r):
			return r + 0xFEE0
		}
		return r
	}, s)
}

// reportTexts lists every text of a report.
func reportTexts(r *Report) []string {
	var out []string
	for _, f := range r.Form.AllFields() {
		if f.Kind == KindText {
			out = append(out, r.Text(f.Key))
		}
	}
	for _, ind := range r.Indicators {
		out = append(out, ind.Name)
		for _, g := range ind.Groups {
			out = append(out, g.Name)
			for _, it := range g.Items {
				out = append(out, it.Name, it.Target, it.Actual, it.Deviation, it.Kind, it.Band)
			}
		}
	}
	return out
}

// FuzzInvisiblePosition: a text holding characters that print as nothing,
// written as they are or as escapes, gets its warning or error placed at
// the first such character itself (its backslash, for an escape), and the
// text decodes without them.
func FuzzInvisiblePosition(f *testing.F) {
	f.Add("测试\u200b局", uint8(0))
	f.Add("a\u202eb\x00c", uint8(1))
	f.Add("\ufeff\u00ad\r\n\t", uint8(2))
	f.Add("\"\\\u2066x", uint8(3))
	f.Fuzz(func(t *testing.T, s string, escapes uint8) {
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 200 {
			t.Skip()
		}
		quoted := quoteTOML(s, escapes)
		src := "year = 2020\ndepartment = " + quoted + "\n"
		r, problems := Decode("f.toml", []byte(src), form2020)
		if strings.ContainsFunc(r.Department(), func(r rune) bool { return r == '\r' || classify(r) != visible }) {
			t.Errorf("department %q keeps an invisible character", r.Department())
		}
		line := strings.Split(src, "\n")[1]
		for _, p := range problems {
			if p.Path != "department" || !strings.Contains(p.Message, "invisible") && !strings.Contains(p.Message, "cannot print") {
				continue
			}
			if p.Pos.Line != 2 {
				t.Fatalf("%s: not on line 2 of %q", p, src)
			}
			runes := []rune(line)
			if p.Pos.Col < 1 || p.Pos.Col > len(runes) {
				t.Fatalf("%s: column outside %q", p, line)
			}
			if at := runes[p.Pos.Col-1]; at != '\\' && classify(at) == visible {
				t.Errorf("%s: points at %q in %s", p, at, quoted)
			}
		}
	})
}

// quoteTOML writes s as a TOML basic string: controls TOML forbids as
// escapes, and the other characters as they are or, by the bits of
// escapes, as \u escapes.
func quoteTOML(s string, escapes uint8) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range []rune(s) {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20 && r != '\t' || r == 0x7f || escapes>>(i%8)&1 == 1:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
