package formread

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"jixiao"
	"jixiao/render"
	"jixiao/render/tablefile"
)

// fixtures are the office files tablefile's tests read, made by its
// testdata/make-fixtures.sh: the sample as jixiao's XLSX, saved again by
// LibreOffice, and made a Word table by a word processor.
const fixtures = "../tablefile/testdata"

// importFile reads a fixture the way `jixiao import` does.
func importFile(t testing.TB, name string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return importData(t, name, data)
}

func importData(t testing.TB, name string, data []byte) *Result {
	t.Helper()
	kind, tables, err := tablefile.Read(data, tablefile.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	res, err := Read(kind, tables, render.BuiltinForms())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

// decoded is the report a data file holds, as the program reads it.
func decoded(t testing.TB, name string, data []byte, tpl *render.Template) *jixiao.Report {
	t.Helper()
	r, problems := jixiao.Decode(name, data, tpl.Domain())
	if problems.Errors() > 0 {
		t.Fatalf("%s does not decode:\n%v\n%s", name, problems, data)
	}
	return r
}

// sameData reports how two reports differ: every header field, every
// indicator; the keys in skip are left out (figures a sheet computes).
func sameData(a, b *jixiao.Report, skip ...string) string {
	var diffs []string
	keys := map[string]bool{}
	for k := range a.Values {
		keys[k] = true
	}
	for k := range b.Values {
		keys[k] = true
	}
	for k := range keys {
		if contains(skip, k) {
			continue
		}
		if a.Values[k] != b.Values[k] {
			diffs = append(diffs, fmt.Sprintf("%s: %+v ≠ %+v", k, a.Values[k], b.Values[k]))
		}
	}
	if !reflect.DeepEqual(a.Indicators, b.Indicators) {
		diffs = append(diffs, fmt.Sprintf("indicators:\n%+v\n≠\n%+v", a.Indicators, b.Indicators))
	}
	return strings.Join(diffs, "\n")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// computedKeys are the fields of the figures the program computes.
func computedKeys(f *jixiao.Form) []string {
	var out []string
	for _, role := range []string{jixiao.RoleRate, jixiao.RoleExecScore, jixiao.RoleTotal} {
		if fd, ok := f.ByRole(role); ok {
			out = append(out, fd.Key)
		}
	}
	return out
}

// TestSampleFiles: the sample written as XLSX by jixiao, saved again by
// LibreOffice, and made a Word table by a word processor, each reads back
// to the sample's data. The workbooks compute 执行率, 得分 and 总分 by
// formulas, which are no declarations; the Word table shows them as text,
// and they read as declared, as the sample declares them.
func TestSampleFiles(t *testing.T) {
	sample, err := os.ReadFile("../../samples/yiyang-2020.toml")
	if err != nil {
		t.Fatal(err)
	}
	tpl := render.DefaultTemplate()
	want := decoded(t, "yiyang-2020.toml", sample, tpl)
	for _, tc := range []struct {
		file string
		skip []string
	}{
		{"yiyang-2020.xlsx", computedKeys(tpl.Domain())},
		{"yiyang-2020-lo.xlsx", computedKeys(tpl.Domain())},
		{"yiyang-2020.docx", nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			res := importFile(t, tc.file)
			if len(res.Problems) > 0 {
				t.Fatalf("problems: %v", res.Problems)
			}
			if res.Template.Form != tpl.Form {
				t.Fatalf("read as %s", res.Template.Form)
			}
			for _, k := range tc.skip {
				if res.Computed[k] == "" {
					t.Errorf("%s: not read as a formula", k)
				}
			}
			got := decoded(t, tc.file+".toml", res.TOML(tc.file), tpl)
			if d := sameData(got, want, tc.skip...); d != "" {
				t.Errorf("differs from the sample:\n%s", d)
			}
		})
	}
}

// BenchmarkRead reads the sample's workbook: file to grids to data file.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtures, "yiyang-2020-lo.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	forms := render.BuiltinForms()
	b.ReportAllocs()
	for b.Loop() {
		kind, tables, err := tablefile.Read(data, tablefile.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := Read(kind, tables, forms)
		if err != nil {
			b.Fatal(err)
		}
		_ = res.TOML("x.xlsx")
	}
}
