package main

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/render"
	"jixiao/render/formread"
	"jixiao/render/tablefile"
)

// roundTripForms is how many generated forms of each built-in form the
// round trip tries; -short tries fewer.
func roundTripForms() int {
	if testing.Short() {
		return 4
	}
	return 60
}

// TestRoundTripXLSX is the import's property: for generated forms of both
// built-in forms, render to XLSX, import, and the data is the same — every
// field, every indicator, the declared figures — and the PDF of the
// import is the same bytes as the original's.
func TestRoundTripXLSX(t *testing.T) {
	r, err := newRenderer("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range render.BuiltinForms() {
		for n := range roundTripForms() {
			name := fmt.Sprintf("%s-%d.toml", tpl.Form, n)
			t.Run(name, func(t *testing.T) {
				orig := []byte(gen.FormOf(tpl, 7, n))
				xlsxData, pdfData := renderBoth(t, r, name, orig)
				res := importBytes(t, name, xlsxData)
				back := res.TOML(name)
				if d := dataDiff(t, tpl, orig, back, res); d != "" {
					t.Fatalf("the import differs:\n%s\n--- imported:\n%s", d, back)
				}
				_, pdfBack := renderBoth(t, r, name, back)
				if !bytes.Equal(pdfData, pdfBack) {
					t.Errorf("the PDF of the import differs from the original's (%d and %d bytes)", len(pdfData), len(pdfBack))
				}
			})
		}
	}
}

// renderBoth renders a data file to XLSX and PDF bytes, with no date, so
// that the same data gives the same bytes.
func renderBoth(t testing.TB, r *renderer, name string, data []byte) (xlsxData, pdfData []byte) {
	t.Helper()
	_, doc, _, problems := r.layout(name, data)
	if doc == nil {
		t.Fatalf("%s does not render:\n%v\n%s", name, problems, data)
	}
	var x, p bytes.Buffer
	if err := encode(&x, "xlsx", doc, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := encode(&p, "pdf", doc, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return x.Bytes(), p.Bytes()
}

// importBytes imports a workbook or document as `jixiao import` does, and
// fails on any problem.
func importBytes(t testing.TB, name string, data []byte) *formread.Result {
	t.Helper()
	kind, tables, err := tablefile.Read(data, tablefile.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	res, err := formread.Read(kind, tables, render.BuiltinForms())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("%s: %v", name, res.Problems)
	}
	return res
}

// dataDiff compares two data files of a form as the program reads them:
// every header field and the whole indicator tree. A figure the sheet
// computes by formula (执行率, 得分, 总分) is no declaration; the original
// must not declare it either, or must declare what the sheet computes.
func dataDiff(t testing.TB, tpl *render.Template, a, b []byte, res *formread.Result) string {
	return diffData(t, tpl, a, b, res, false)
}

// diffData is dataDiff; loosely, header figures compare by their values
// (the sheet stores 735 for "735.00"), and figures the sheet computes are
// left out whatever the original declared.
func diffData(t testing.TB, tpl *render.Template, a, b []byte, res *formread.Result, loosely bool) string {
	t.Helper()
	ra, pa := jixiao.Decode("original", a, tpl.Domain())
	rb, pb := jixiao.Decode("imported", b, tpl.Domain())
	if pa.Errors()+pb.Errors() > 0 {
		return fmt.Sprintf("decoding: %v %v", pa, pb)
	}
	var diffs []string
	keys := map[string]bool{}
	for k := range ra.Values {
		keys[k] = true
	}
	for k := range rb.Values {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		if _, computed := res.Computed[k]; computed && (loosely || !ra.Values[k].Set) {
			continue
		}
		va, vb := ra.Values[k], rb.Values[k]
		if f, _ := tpl.Domain().Field(k); loosely && f.Kind.IsFigure() {
			va.Text, vb.Text = "", ""
		}
		if va != vb {
			diffs = append(diffs, fmt.Sprintf("%s: %+v, imported %+v", k, ra.Values[k], rb.Values[k]))
		}
	}
	for i := range max(len(ra.Indicators), len(rb.Indicators)) {
		if i >= len(ra.Indicators) || i >= len(rb.Indicators) || !reflect.DeepEqual(ra.Indicators[i], rb.Indicators[i]) {
			diffs = append(diffs, fmt.Sprintf("indicators[%d]:\n%+v\nimported\n%+v", i, at(ra.Indicators, i), at(rb.Indicators, i)))
		}
	}
	return strings.Join(diffs, "\n")
}

func at(list []jixiao.Indicator, i int) any {
	if i < len(list) {
		return list[i]
	}
	return "(none)"
}

// TestRoundTripVariant: a form that exists in data alone — a 评分标准
// column, budget columns renamed, amounts in 元, notes under the table —
// reads back through its template, as the built-in forms do.
func TestRoundTripVariant(t *testing.T) {
	const template = "../../render/testdata/variant-yuan.toml"
	r, err := newRenderer(template)
	if err != nil {
		t.Fatal(err)
	}
	orig := readFile(t, "../../render/testdata/variant-data.toml")
	xlsxData, _ := renderBoth(t, r, "variant.toml", orig)
	kind, tables, err := tablefile.Read(xlsxData, tablefile.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := formread.Read(kind, tables, r.candidates())
	if err != nil || len(res.Problems) > 0 {
		t.Fatalf("%v %v", err, res.Problems)
	}
	back := res.TOML("variant.xlsx")
	if d := diffData(t, r.engine.Template, orig, back, res, true); d != "" {
		t.Fatalf("differs:\n%s\n%s", d, back)
	}
	// No PDF bytes compared: the data file writes its amounts in 元 without
	// decimals and the PDF prints them so; the sheet stores the numbers and
	// shows them with two decimals, and the import writes them as shown.
	if !strings.Contains(string(back), "initial_budget = 5000000.00") {
		t.Errorf("an amount not as the sheet shows it:\n%s", back)
	}
}
