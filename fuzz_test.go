package jixiao

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
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
		if s1.Total != s2.Total || s1.ExecScore != s2.ExecScore || s1.RateShown != s2.RateShown || s1.Grade != s2.Grade ||
			!reflect.DeepEqual(s1.Indicators, s2.Indicators) {
			t.Errorf("two runs scored differently: %s/%s, %s/%s", s1.Total, s2.Total, s1.ExecScore, s2.ExecScore)
		}
	})
}
