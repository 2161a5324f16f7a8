package render

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"jixiao"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const samplePath = "../samples/yiyang-2020.toml"

// sample returns the scored sample form.
func sample(t testing.TB) *jixiao.Scored {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	s, problems := jixiao.Check("yiyang-2020.toml", data, DefaultTemplate().Domain())
	if problems.Errors() > 0 {
		t.Fatalf("sample has errors: %v", problems)
	}
	return s
}

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine(DefaultTemplate())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func layout(t testing.TB, e *Engine, s *jixiao.Scored) *Document {
	t.Helper()
	doc, problems := e.Layout(s, "test.toml")
	if len(problems) > 0 {
		t.Fatalf("layout problems: %v", problems)
	}
	return doc
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the computed layout; review with: go test ./render -run %s -update && git diff %s",
			path, t.Name(), path)
	}
}

func TestSampleLayoutGolden(t *testing.T) {
	doc := layout(t, engine(t), sample(t))
	var b bytes.Buffer
	doc.Dump(&b)
	golden(t, "yiyang-2020.layout", b.Bytes())
}

func TestSampleMatchesSeedStructure(t *testing.T) {
	doc := layout(t, engine(t), sample(t))
	tb := doc.Table
	// Cells covering each row, as the seed's flattened Word table counts
	// them: 2 for 预算部门, 8 for the budget header and figures, 3 for each
	// half row, 9 for indicator and blank rows, 3 for 总分.
	want := map[RowKind]int{"department": 2, "funds-header": 8, "funds-total": 8, "funds-split": 3,
		"goals-header": 3, "goals": 3, RowIndicatorHeader: 9, RowIndicator: 9, RowBlank: 9, "total": 3}
	cov := tb.Covering()
	for r, row := range tb.Rows {
		if got := len(cov[r]); got != want[row.Kind] {
			t.Errorf("row %d (%s): %d cells, want %d", r, row.Kind, got, want[row.Kind])
		}
	}
	if n := len(tb.Rows); n != 1+7+2+1+30+1 {
		t.Errorf("%d rows, want 42 (the seed's)", n)
	}
	if len(doc.Pages) != 2 {
		t.Errorf("%d pages, want 2 like the seed", len(doc.Pages))
	}
}

func TestCellsTileTheGrid(t *testing.T) {
	tb := layout(t, engine(t), sample(t)).Table
	owner := make([][]int, len(tb.Rows))
	for r := range owner {
		owner[r] = make([]int, len(tb.Columns))
		for c := range owner[r] {
			owner[r][c] = -1
		}
	}
	for i, c := range tb.Cells {
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for col := c.Col; col < c.Col+c.ColSpan; col++ {
				if owner[r][col] >= 0 {
					t.Fatalf("cells %d and %d both cover row %d column %d", owner[r][col], i, r, col)
				}
				owner[r][col] = i
			}
		}
	}
	for r := range owner {
		for col, o := range owner[r] {
			if o < 0 {
				t.Errorf("row %d column %d belongs to no cell", r, col)
			}
		}
	}
}

func TestContinuationPageRepeatsHeaderAndLabels(t *testing.T) {
	doc := layout(t, engine(t), sample(t))
	p2 := doc.Pages[1]
	if len(p2.Rows) == 0 || !p2.Rows[0].Repeated || p2.Rows[0].Row != doc.Table.HeaderRow {
		t.Fatalf("page 2 does not start with the repeated indicator header: %+v", p2.Rows[:1])
	}
	texts := pageText(p2)
	for _, want := range []string{"绩\n效\n指\n标", "一级指标", "产出指标"} {
		if !strings.Contains(texts, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
}

func pageText(p Page) string {
	var lines []string
	for _, tx := range p.Texts {
		lines = append(lines, tx.Text)
	}
	return strings.Join(lines, "\n")
}

func TestGeometrySample(t *testing.T) {
	e := engine(t)
	checkGeometry(t, e, layout(t, e, sample(t)))
}

// TestGeometryLongTexts lays out a form whose every text is 2,000
// characters long: rows taller than a page are split, labels flow, and
// nothing may be lost or drawn outside its cell.
func TestGeometryLongTexts(t *testing.T) {
	e := engine(t)
	s := longForm(t, 2000)
	doc := layout(t, e, s)
	if len(doc.Pages) < 10 {
		t.Errorf("%d pages for 2,000-character texts; expected many", len(doc.Pages))
	}
	checkGeometry(t, e, doc)
}

// longForm is the sample with every text replaced by n characters of
// mixed Chinese, numbers and punctuation.
func longForm(t testing.TB, n int) *jixiao.Scored {
	s := sample(t)
	r := *s.Report
	text := func(seed string) string {
		unit := []rune(seed + "：推进高质量发展，完成率96.8%（见《通知》）；")
		out := make([]rune, n)
		for i := range out {
			out[i] = unit[i%len(unit)]
		}
		return string(out)
	}
	setText(&r, "department", text("部门"))
	setText(&r, "goals.expected", text("预期"))
	setText(&r, "goals.achieved", text("完成"))
	var inds []jixiao.Indicator
	for _, ind := range r.Indicators {
		ind.Name = text("一级")
		var groups []jixiao.Group
		for _, g := range ind.Groups {
			g.Name = text("二级")
			var items []jixiao.Item
			for _, it := range g.Items {
				it.Name, it.Target, it.Actual, it.Deviation = text("三级"), text("目标"), text("实际"), text("偏差")
				items = append(items, it)
			}
			g.Items = items
			groups = append(groups, g)
		}
		ind.Groups = groups
		inds = append(inds, ind)
	}
	r.Indicators = inds
	return jixiao.Score(&r)
}

// setText sets a header text of a copy of a report, leaving the original's
// values alone.
func setText(r *jixiao.Report, key, text string) {
	r.Values = maps.Clone(r.Values)
	r.Values[key] = jixiao.Figure{Text: text, Set: true}
}

// checkGeometry asserts what every layout must hold: each line inside its
// box, boxes inside the page's table area and not overlapping, and every
// cell's text drawn in full, in order.
func checkGeometry(t *testing.T, e *Engine, doc *Document) {
	t.Helper()
	tpl := e.Template
	padX, padY := mm(tpl.Table.PaddingX), mm(tpl.Table.PaddingY)
	const eps = 0.01
	drawn := make([][]int, len(doc.Table.Cells))
	for _, p := range doc.Pages {
		boxOf := map[int]Box{}
		for i, b := range p.Boxes {
			boxOf[b.Cell] = b
			if b.Y < mm(tpl.Page.MarginTop)-eps || b.Y+b.H > doc.Height-mm(tpl.Page.MarginBottom)+eps {
				t.Errorf("page %d: box of cell %d (%s) leaves the table area: y %.1f–%.1f", p.Number, b.Cell, doc.Table.Cells[b.Cell].Ref(), b.Y, b.Y+b.H)
			}
			for _, o := range p.Boxes[:i] {
				if overlap(b, o) > eps {
					t.Errorf("page %d: boxes of cells %d and %d overlap", p.Number, b.Cell, o.Cell)
				}
			}
			drawn[b.Cell] = append(drawn[b.Cell], b.Lines...)
		}
		for _, tx := range p.Texts {
			if tx.Cell < 0 {
				continue
			}
			b, c := boxOf[tx.Cell], &doc.Table.Cells[tx.Cell]
			m := e.Face(tx.Style).Metrics()
			oneGrapheme := len([]rune(tx.Text)) == 1
			if !oneGrapheme && (tx.X < b.X+padX-eps || tx.X+tx.Width > b.X+b.W-padX+eps) {
				t.Errorf("page %d: line %q of cell %s sticks out sideways", p.Number, tx.Text, c.Ref())
			}
			if tx.Y-m.Ascent*tx.Size < b.Y+padY/2-eps || tx.Y+m.Descent*tx.Size > b.Y+b.H-padY/2+eps {
				t.Errorf("page %d: line %q of cell %s sticks out vertically", p.Number, tx.Text, c.Ref())
			}
		}
	}
	for ci, c := range doc.Table.Cells {
		again := c.NamesRow() || c.Row == doc.Table.HeaderRow
		if again && len(c.Lines) > 0 && drawnAgain(drawn[ci], len(c.Lines)) {
			continue // a label, a name or the header written again on each page
		}
		for i, l := range drawn[ci] {
			if l != i {
				t.Errorf("cell %s: lines drawn %v, want each of %d lines once, in order", c.Ref(), drawn[ci], len(c.Lines))
				break
			}
		}
		if len(drawn[ci]) < len(c.Lines) {
			t.Errorf("cell %s: %d of %d lines drawn", c.Ref(), len(drawn[ci]), len(c.Lines))
		}
		if got, want := strip(strings.Join(c.Lines, "")), strip(c.Text); got != want {
			t.Errorf("cell %s: lines do not hold the text:\n got %q\nwant %q", c.Ref(), got, want)
		}
	}
}

// drawnAgain tells whether drawn shows all n lines, in order, each time
// starting again from the first: a label written again on a new page.
func drawnAgain(drawn []int, n int) bool {
	seen := 0
	for i, l := range drawn {
		if l != 0 && (i == 0 || l != drawn[i-1]+1) {
			return false
		}
		seen = max(seen, l+1)
	}
	return seen == n
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func overlap(a, b Box) float64 {
	w := min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
	h := min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func TestMissingGlyphIsAnError(t *testing.T) {
	s := sample(t)
	r := *s.Report
	setText(&r, "department", "益阳市\U0001F600局") // an emoji no shipped font has
	_, problems := engine(t).Layout(jixiao.Score(&r), "x.toml")
	if len(problems) != 1 {
		t.Fatalf("problems = %v, want one", problems)
	}
	got := problems[0].String()
	want := fmt.Sprintf("x.toml:6:14: error: department (预算部门): the font NotoSerifSC-Regular has no glyph for %q (U+1F600)", '\U0001F600')
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func BenchmarkLayout(b *testing.B) {
	e, s := engine(b), sample(b)
	b.ReportAllocs()
	for b.Loop() {
		layout(b, e, s)
	}
}

// TestProjectLayoutGolden: the second built-in form, 项目支出绩效自评表,
// laid out from its sample by its spec alone.
func TestProjectLayoutGolden(t *testing.T) {
	tpl, _, ok := BuiltinForm("项目支出-2020")
	if !ok {
		t.Fatal("no built-in 项目支出-2020")
	}
	data, err := os.ReadFile("../samples/langfang-2019-project.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, problems := jixiao.Check("langfang-2019-project.toml", data, tpl.Domain())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	e, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	doc := layout(t, e, s)
	checkGeometry(t, e, doc)
	var b bytes.Buffer
	doc.Dump(&b)
	golden(t, "langfang-2019-project.layout", b.Bytes())
}

// TestVariantFromDataAlone: a form changed in its template alone — a 评分标准
// column, budget columns named (A), (B), (B/A), money in 元, 等级 beside
// 总分, notes under the table — lays out with no change in Go.
func TestVariantFromDataAlone(t *testing.T) {
	src, err := os.ReadFile("testdata/variant-yuan.toml")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := ParseTemplate("testdata/variant-yuan.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/variant-data.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, problems := jixiao.Check("variant-data.toml", data, tpl.Domain())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	e, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	doc := layout(t, e, s)
	checkGeometry(t, e, doc)
	var b bytes.Buffer
	doc.Dump(&b)
	golden(t, "variant-yuan.layout", b.Bytes())
	// Messages speak the variant's words: 元, and its own labels.
	_, problems = jixiao.Check("f.toml", []byte("year = 2021\n[funds]\nannual_budget = \"many\"\n"), tpl.Domain())
	want := `f.toml:3:17: error: funds.annual_budget (全年预算数(A)): is a string ("many"); expected an amount in 元 (a number with at most 2 decimals) without quotes`
	if !slices.ContainsFunc(problems, func(p jixiao.Problem) bool { return p.String() == want }) {
		t.Errorf("problems %v\nwant among them %s", problems, want)
	}
}

// TestTotalKeepsWithTheRowAbove adds blank rows to the last group, one at
// a time, so that the page break falls at every place near the 总分 row:
// no page may hold the 总分 row without a row of the table above it.
func TestTotalKeepsWithTheRowAbove(t *testing.T) {
	e := engine(t)
	s := sample(t)
	for n := range 40 {
		r := *s.Report
		inds := slices.Clone(r.Indicators)
		last := &inds[len(inds)-1]
		last.Groups = slices.Clone(last.Groups)
		last.Groups[len(last.Groups)-1].BlankRows = n
		r.Indicators = inds
		doc := layout(t, e, jixiao.Score(&r))
		for _, p := range doc.Pages {
			var rows []RowKind
			for _, pr := range p.Rows {
				if !pr.Repeated {
					rows = append(rows, doc.Table.Rows[pr.Row].Kind)
				}
			}
			if len(rows) == 1 && rows[0] == "total" {
				t.Errorf("%d blank rows: page %d holds only the 总分 row", n, p.Number)
			}
		}
	}
}
