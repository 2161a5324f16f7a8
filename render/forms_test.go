package render

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao"
)

// testForm reads and scores a form of testdata; it must have no errors.
func testForm(t testing.TB, name string) *jixiao.Scored {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s, problems := jixiao.Check(name, data, DefaultTemplate().Domain())
	if problems.Errors() > 0 {
		t.Fatalf("%s has errors: %v", name, problems)
	}
	return s
}

// TestFormLayoutGoldens compares the layouts of forms that once printed
// wrong: 执行率 100% split as 10 / 0%, figures split in narrow columns,
// and goals too long for a page, continued on the next ones centred.
func TestFormLayoutGoldens(t *testing.T) {
	e := engine(t)
	for _, name := range []string{"full-execution", "narrow-numbers", "long-goals"} {
		t.Run(name, func(t *testing.T) {
			doc := layout(t, e, testForm(t, name+".toml"))
			checkGeometry(t, e, doc)
			var b bytes.Buffer
			doc.Dump(&b)
			golden(t, name+".layout", b.Bytes())
		})
	}
}

// TestNumbersStayWhole: every figure, and every value that is a number
// with its unit, prints on one line; the cells too narrow for them at
// 10.5 pt set them smaller, and every text line of the cell carries that
// size for the backends.
func TestNumbersStayWhole(t *testing.T) {
	e := engine(t)
	for _, name := range []string{"full-execution.toml", "narrow-numbers.toml"} {
		doc := layout(t, e, testForm(t, name))
		shrunk := map[string]float64{}
		for ci, c := range doc.Table.Cells {
			whole := c.Number != nil || slices.Contains([]string{"77.25", "1234567.89万元", "≥1234567万元", "1250人次", "32.5元/亩"}, c.Text)
			if whole && len(c.Lines) != 1 {
				t.Errorf("%s: %s %q broken into %q", name, c.Ref(), c.Text, c.Lines)
			}
			if strings.Contains(c.Text, "分）") && !slices.ContainsFunc(c.Lines, func(l string) bool {
				return strings.HasPrefix(l, "（") || strings.Contains(l, "（") && strings.HasSuffix(l, "）")
			}) {
				t.Errorf("%s: %s: the weight of %q is broken: %q", name, c.Ref(), c.Text, c.Lines)
			}
			style := e.Template.Styles[c.Style].Size
			if c.Size < style {
				shrunk[c.Text] = c.Size
				if c.Size < minFitSize {
					t.Errorf("%s: %s shrunk to %g pt, below %g", name, c.Ref(), c.Size, minFitSize)
				}
			}
			for _, p := range doc.Pages {
				for _, tx := range p.Texts {
					if tx.Cell == ci && tx.Size != c.Size {
						t.Errorf("%s: a line of %s is drawn at %g pt, the cell is set at %g", name, c.Ref(), tx.Size, c.Size)
					}
				}
			}
		}
		if _, ok := shrunk["100%"]; !ok {
			t.Errorf("%s: 执行率 100%% keeps 10.5 pt; its column holds it only smaller (shrunk: %v)", name, shrunk)
		}
	}
}

// TestNumberTooWideWarns narrows the 分值 column until 12.25 does not fit
// even at the smallest size: the form still renders, with a warning at
// the field.
func TestNumberTooWideWarns(t *testing.T) {
	tpl, err := edited(t, t.TempDir(), "columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [17, 19, 20, 33, 21, 21, 6, 10, 25]")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := e.Layout(testForm(t, "narrow-numbers.toml"), "narrow-numbers.toml")
	if doc == nil || problems.Errors() > 0 {
		t.Fatalf("no document: %v", problems)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := `narrow-numbers.toml:77:14: warning: indicators[0].groups[1].items[0].weight (分值): "12.25" is too wide for its column even at 7 pt, so it breaks across lines; shorten it, or widen column G in the template`
	if !slices.Contains(got, want) {
		t.Errorf("problems:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), want)
	}
	// Shrinking would not save it: the cell keeps its style's size.
	for _, c := range doc.Table.Cells {
		if c.Field == "indicators[0].groups[1].items[0].weight" && c.Size != e.Template.Styles[c.Style].Size {
			t.Errorf("12.25 set at %g pt; it breaks anyway, so want the style's size", c.Size)
		}
	}
}

// TestContinuedTextStartsAtTop: where the goals row continues on a new
// page, each goal text goes on from the top of its cell, not from its
// middle.
func TestContinuedTextStartsAtTop(t *testing.T) {
	e := engine(t)
	doc := layout(t, e, testForm(t, "long-goals.toml"))
	if len(doc.Pages) < 3 {
		t.Fatalf("%d pages; the long goals should take 3 or more", len(doc.Pages))
	}
	continued := 0
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			c := &doc.Table.Cells[b.Cell]
			if doc.Table.Rows[c.Row].Kind != "goals" || len(b.Lines) == 0 || b.Lines[0] == 0 {
				continue
			}
			continued++
			first := slices.IndexFunc(p.Texts, func(tx Text) bool { return tx.Cell == b.Cell })
			top := b.Y + mm(e.Template.Table.PaddingY) + e.baselineOffset(c.Style, c.Size, e.leading(c.Size))
			if d := p.Texts[first].Y - top; d > 0.01 || d < -0.01 {
				t.Errorf("page %d: %s goes on %.1f pt below the top of its cell", p.Number, c.Ref(), d)
			}
		}
	}
	if continued < 2 {
		t.Errorf("%d continued goal fragments; the form should continue both goals", continued)
	}
}

// TestSplitRowRepeatsItsNames: an indicator whose 偏差原因 runs over
// pages, alone in its group, shows its 一级, 二级 and 三级 names on every
// page it continues on.
func TestSplitRowRepeatsItsNames(t *testing.T) {
	s := sample(t)
	r := *s.Report
	r.Indicators = slices.Clone(r.Indicators)
	ind := &r.Indicators[0]
	ind.Groups = slices.Clone(ind.Groups)
	g := &ind.Groups[2] // 时效指标: keep only 项目资金及时拨付使用
	g.Items = slices.Clone(g.Items[1:2])
	g.Items[0].Deviation = strings.Repeat("专项资金下达较晚，部分项目资金未能及时拨付使用；下一步将加强与财政部门的沟通衔接，提高资金到位率。", 40)
	e := engine(t)
	doc := layout(t, e, jixiao.Score(&r))
	checkGeometry(t, e, doc)
	names := map[string]bool{"产出指标": true, "时效指标": true, "指标1：项目资金": true}
	pages := 0
	for _, p := range doc.Pages {
		split := slices.ContainsFunc(p.Rows, func(pr PlacedRow) bool { return pr.Split })
		if !split || p.Number == 1 {
			continue
		}
		pages++
		text := pageText(p)
		for name := range names {
			if !strings.Contains(text, name) {
				t.Errorf("page %d continues the indicator without its name %q", p.Number, name)
			}
		}
	}
	if pages < 2 {
		t.Errorf("the indicator continues on %d pages; want 2 or more", pages)
	}
}
