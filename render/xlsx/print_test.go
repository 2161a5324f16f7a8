package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/render"
	"jixiao/render/internal/rendertest"
)

func TestPrintSetup(t *testing.T) {
	data, doc := build(t, sampleData(t), Info{})
	f := open(t, data)
	layout, err := f.GetPageLayout(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Size != 9 || *layout.Orientation != "portrait" {
		t.Errorf("paper %d %s; want A4 (9) portrait", *layout.Size, *layout.Orientation)
	}
	props, _ := f.GetSheetProps(sheetName)
	if props.FitToPage != nil && *props.FitToPage {
		t.Error("fit to page: Excel would ignore the page breaks")
	}
	scale := float64(*layout.AdjustTo)
	// The table's width, at the scale, fits the text width: 176 mm.
	width := 0.0
	for c := 'A'; c <= 'I'; c++ {
		w, _ := f.GetColWidth(sheetName, string(c))
		width += columnPoints(w)
	}
	// Where 宋体 is missing, columns may be as wide as the widest digit
	// of a substitute makes them: the table fits even then.
	if got := width * scale / 100 / 72 * 25.4 * substituteDigitPixels / digitPixels; got > 176+0.01 || got < 170 {
		t.Errorf("the table prints up to %.1f mm wide at %g%%; the text width is 176 mm", got, scale)
	}
	if font, err := f.GetDefaultFont(); err != nil || font != "宋体" {
		t.Errorf("default font %q (%v); want 宋体, the font the column widths are computed for", font, err)
	}
	m, err := f.GetPageMargins(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]float64{"top": *m.Top * 25.4, "bottom": *m.Bottom * 25.4, "left": *m.Left * 25.4, "right": *m.Right * 25.4, "footer": *m.Footer * 25.4} {
		want := map[string]float64{"top": 20, "bottom": 18, "left": 18, "right": 16, "footer": 12}[name]
		if math.Abs(got-want) > 0.01 {
			t.Errorf("%s margin %.2f mm, want %g", name, got, want)
		}
	}
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		names[n.Name] = n.RefersTo
	}
	header := find(t, f, "B", "一级指标", "B")[1:]
	if want := "'附件2'!$" + header + ":$" + header; names["_xlnm.Print_Titles"] != want {
		t.Errorf("print titles %q, want %q", names["_xlnm.Print_Titles"], want)
	}
	rows, _ := f.GetRows(sheetName)
	if want := fmt.Sprintf("'附件2'!$A$1:$I$%d", len(rows)); names["_xlnm.Print_Area"] != want {
		t.Errorf("print area %q, want %q", names["_xlnm.Print_Area"], want)
	}
	// Page 2 of the PDF starts with 指标2：项目资金及时拨付使用.
	starts := pageStarts(t, data)
	second := find(t, f, "D", "项目资金及时拨付使用", "D")
	if len(starts) != len(doc.Pages)-1 || !starts[atoi(second[1:])] {
		t.Errorf("pages start at rows %v; want one break, before %s", starts, second)
	}
	// Every page holds, at the print scale, the rows the PDF puts on it.
	room := (297 - 20 - 18) / 25.4 * 72
	used, headerH := 0.0, 0.0
	for r := 1; r <= len(rows); r++ {
		h, _ := f.GetRowHeight(sheetName, r)
		if r == atoi(header) {
			headerH = h
		}
		if starts[r] {
			used = headerH
		}
		if used += h; used*scale/100 > room+0.01 {
			t.Errorf("row %d ends %.1f pt down its page at %g%%; the page has %.1f", r, used*scale/100, scale, room)
		}
	}
	hf, err := f.GetHeaderFooter(sheetName)
	if err != nil || hf.OddFooter != `&C&"宋体,Regular"&14— &P —` {
		t.Errorf("footer %q, %v", hf.OddFooter, err)
	}
	view, err := f.GetSheetView(sheetName, 0)
	if err != nil || *view.ShowGridLines {
		t.Errorf("gridlines shown (%v)", err)
	}
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// TestScaleFitsWidth: with room to spare on every page (one tall page
// here), the scale is the one that fits the table's width to the paper's,
// with columns as wide as a substitute for 宋体 may make them (85%); on A4
// no more.
func TestScaleFitsWidth(t *testing.T) {
	for _, c := range []struct {
		height   float64
		min, max uint
	}{{600, 85, 85}, {297, 80, 85}} {
		tpl := render.DefaultTemplate()
		tpl.Page.Height = c.height
		s, _ := jixiao.Check("form.toml", sampleData(t), tpl.Domain())
		e, err := render.NewEngine(tpl)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := e.Layout(s, "form.toml")
		var b bytes.Buffer
		if err := Write(&b, doc, Info{}); err != nil {
			t.Fatal(err)
		}
		f := open(t, b.Bytes())
		layout, _ := f.GetPageLayout(sheetName)
		if scale := *layout.AdjustTo; scale < c.min || scale > c.max {
			t.Errorf("%g mm tall paper: scale %d%%, want %d to %d", c.height, scale, c.min, c.max)
		}
		if c.height == 600 && layout.Size != nil && *layout.Size != 0 {
			t.Errorf("paper %d for a 210 × 600 mm page; want none (the printer's)", *layout.Size)
		}
	}
}

// TestLongTextSpreads: a 偏差原因 of 2,000 characters makes a row taller
// than Excel allows and than a page. Each part of it the PDF puts on a
// page is spread over as many sheet rows as it needs, none taller than
// 409 pt, every cell of the row merged over them; the parts follow each
// other, a page break between two, and their texts make the whole text.
func TestLongTextSpreads(t *testing.T) {
	long := []rune(strings.Repeat("专项资金下达较晚，未全部及时拨付使用。", 106))[:2000]
	data := strings.Replace(string(sampleData(t)), "专项资金下达较晚，未全部及时拨付使用。下一步将加强资金及时到位率。", string(long), 1)
	xlsx, doc := build(t, []byte(data), Info{})
	f := open(t, xlsx)
	rows, _ := f.GetRows(sheetName)
	for r := 1; r <= len(rows); r++ {
		if h, _ := f.GetRowHeight(sheetName, r); h > maxRowHeight {
			t.Errorf("row %d is %.1f pt tall", r, h)
		}
	}
	merges, _ := f.GetMergeCells(sheetName)
	merged := map[string]string{} // top-left → bottom-right
	for _, m := range merges {
		merged[m.GetStartAxis()] = m.GetEndAxis()
	}
	starts := pageStarts(t, xlsx)
	if len(starts) != len(doc.Pages)-1 {
		t.Errorf("%d page breaks for the PDF's %d pages", len(starts), len(doc.Pages))
	}
	var whole strings.Builder
	parts, tall := 0, 0
	for r := 1; r <= len(rows); r++ {
		text, _ := f.GetCellValue(sheetName, fmt.Sprintf("I%d", r))
		if text == "" || !strings.Contains(string(long), text) {
			continue
		}
		if parts++; parts > 1 && !starts[r] {
			t.Errorf("part %d of the long row, at row %d, does not start a page", parts, r)
		}
		whole.WriteString(text)
		end := fmt.Sprintf("I%d", r)
		if e, ok := merged[end]; ok {
			end = e
		}
		_, bottom, _ := excelize.CellNameToCoordinates(end)
		if bottom > r {
			tall++
		}
		for _, col := range "DEFGH" {
			if got := merged[fmt.Sprintf("%c%d", col, r)]; bottom > r && got != fmt.Sprintf("%c%d", col, bottom) {
				t.Errorf("column %c of the long row's part at rows %d-%d is merged to %q", col, r, bottom, got)
			}
		}
		if parts == 1 {
			if name, _ := f.GetCellValue(sheetName, fmt.Sprintf("D%d", r)); !strings.Contains(name, "项目资金及时拨付使用") {
				t.Errorf("the first part of the long row shows 三级指标 %q", name)
			}
		}
		r = bottom // excelize reads a merged cell's text in each of its cells
	}
	if whole.String() != string(long) {
		t.Errorf("the parts make %d characters of the 2,000", len([]rune(whole.String())))
	}
	if parts < 3 || tall < 2 {
		t.Errorf("the long row is in %d parts, %d of them over several rows", parts, tall)
	}
}

func BenchmarkRenderXLSX(b *testing.B) {
	rendertest.BenchmarkSample(b, func(w io.Writer, doc *render.Document) error {
		return Write(w, doc, Info{})
	}, "xlsx-bytes")
}

// BenchmarkWriteXLSX is the XLSX alone, the layout done once.
func BenchmarkWriteXLSX(b *testing.B) {
	_, doc := layout(b, sampleData(b))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(&bytes.Buffer{}, doc, Info{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFooter turns the template's page number patterns into Excel's codes.
func TestFooter(t *testing.T) {
	_, doc := layout(t, sampleData(t))
	for pattern, want := range map[string]string{
		"— {page} —":             `&C&"宋体,Regular"&14— &P —`,
		"第 {page} 页 共 {pages} 页": `&C&"宋体,Regular"&14第 &P 页 共 &N 页`,
		"A&B {page}":             `&C&"宋体,Regular"&14A&&B &P`,
		"1-{page}":               `&C&"宋体,Regular"&14 1-&P`,
		"":                       "",
	} {
		look := *doc.Look
		look.Page.PageNumber = pattern
		s := &sheet{look: &look, doc: doc}
		if got := s.footer(); got != want {
			t.Errorf("%q: footer %q, want %q", pattern, got, want)
		}
	}
}
