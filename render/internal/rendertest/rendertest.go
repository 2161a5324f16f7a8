// Package rendertest lays out the sample form for the tests and benchmarks
// of the layout's backends, so that each draws the same document.
package rendertest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"jixiao"
	"jixiao/render"
)

// SamplePath is the repository's sample form, wherever the test runs.
func SamplePath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "samples", "yiyang-2020.toml")
}

// SampleData returns the sample form's bytes.
func SampleData(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(SamplePath())
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Layout checks and lays out a form with the built-in template; it fails
// the test on any problem.
func Layout(tb testing.TB, data []byte) (*render.Engine, *render.Document) {
	tb.Helper()
	return LayoutWith(tb, render.DefaultTemplate(), "yiyang-2020.toml", data)
}

// LayoutWith checks and lays out a form with a template; it fails the test
// on any error.
func LayoutWith(tb testing.TB, tpl *render.Template, name string, data []byte) (*render.Engine, *render.Document) {
	tb.Helper()
	s, problems := jixiao.Check(name, data, tpl.Domain())
	if problems.Errors() > 0 {
		tb.Fatal(problems)
	}
	e, err := render.NewEngine(tpl)
	if err != nil {
		tb.Fatal(err)
	}
	doc, problems := e.Layout(s, name)
	if len(problems) > 0 {
		tb.Fatal(problems)
	}
	return e, doc
}

// ProjectForm is the name of the built-in 项目支出绩效自评表.
const ProjectForm = "项目支出-2020"

// Project lays out the sample of the 项目支出绩效自评表 with its form.
func Project(tb testing.TB) (*render.Engine, *render.Document) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(filepath.Dir(SamplePath()), "langfang-2019-project.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	tpl, _, ok := render.BuiltinForm(ProjectForm)
	if !ok {
		tb.Fatalf("no built-in form %q", ProjectForm)
	}
	return LayoutWith(tb, tpl, "langfang-2019-project.toml", data)
}

// Sample lays out the sample form.
func Sample(tb testing.TB) (*render.Engine, *render.Document) {
	tb.Helper()
	return Layout(tb, SampleData(tb))
}

// Writer is a backend's entry point.
type Writer func(w io.Writer, doc *render.Document) error

// BenchmarkSample measures a backend on the sample from its bytes to its
// output — check, layout and drawing, the fonts parsed once — and reports
// the output's size as unit.
func BenchmarkSample(b *testing.B, write Writer, unit string) {
	data := SampleData(b)
	tpl := render.DefaultTemplate()
	e, err := render.NewEngine(tpl)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		s, _ := jixiao.Check("yiyang-2020.toml", data, tpl.Domain())
		doc, _ := e.Layout(s, "yiyang-2020.toml")
		var out bytes.Buffer
		if err := write(&out, doc); err != nil {
			b.Fatal(err)
		}
		size = out.Len()
	}
	b.ReportMetric(float64(size), unit)
}
