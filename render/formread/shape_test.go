package formread

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/render"
	"jixiao/render/tablefile"
)

// sampleTable is the sample as a Word table (made by a word processor).
func sampleTable(t testing.TB) *tablefile.Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, "yiyang-2020.docx"))
	if err != nil {
		t.Fatal(err)
	}
	_, tables, err := tablefile.Read(data, tablefile.Limits{})
	if err != nil || len(tables) != 1 {
		t.Fatalf("%d tables, %v", len(tables), err)
	}
	return tables[0]
}

// rebuilt is a table with new cells (its index made afresh).
func rebuilt(t *tablefile.Table, cells []tablefile.Cell, rows int) *tablefile.Table {
	return &tablefile.Table{Name: t.Name, Rows: rows, Cols: t.Cols, Cells: cells, Kind: t.Kind}
}

// withoutRow deletes row r, as a user deletes a row in Word or Excel:
// cells below move up, merged cells over it lose a row.
func withoutRow(t *tablefile.Table, r int) *tablefile.Table {
	var cells []tablefile.Cell
	for _, c := range t.Cells {
		switch {
		case c.Row == r && c.RowSpan == 1:
			continue
		case c.Row == r:
			c.RowSpan--
		case c.Row < r && c.Row+c.RowSpan > r:
			c.RowSpan--
		case c.Row > r:
			c.Row--
		}
		cells = append(cells, c)
	}
	return rebuilt(t, cells, t.Rows-1)
}

// split cuts a table in two at row k, as a table continued on the next
// page: a cell merged across the cut is written again in the second.
func split(t *tablefile.Table, k int) []*tablefile.Table {
	var a, b []tablefile.Cell
	for _, c := range t.Cells {
		switch {
		case c.Row+c.RowSpan <= k:
			a = append(a, c)
		case c.Row >= k:
			c.Row -= k
			b = append(b, c)
		default:
			rest := c
			c.RowSpan = k - c.Row
			a = append(a, c)
			rest.RowSpan -= c.RowSpan
			rest.Row = 0
			b = append(b, rest)
		}
	}
	second := rebuilt(t, b, t.Rows-k)
	second.Name = "表2"
	return []*tablefile.Table{rebuilt(t, a, k), second}
}

// setText changes the text of the cell at a Word reference.
func setText(t *tablefile.Table, ref, text string) *tablefile.Table {
	cells := append([]tablefile.Cell(nil), t.Cells...)
	for i := range cells {
		if cells[i].Ref == ref {
			cells[i].Text = text
		}
	}
	return rebuilt(t, cells, t.Rows)
}

func read(t *testing.T, tables ...*tablefile.Table) *Result {
	t.Helper()
	res, err := Read(tablefile.DOCX, tables, render.BuiltinForms())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestLabelsAsTyped: labels spaced, broken over lines, with half-width
// colons and parentheses; figures typed as text, with separators and
// full-width digits; 执行率 as a fraction.
func TestLabelsAsTyped(t *testing.T) {
	tb := sampleTable(t)
	tb = setText(tb, "第5行第2列", "年度资金\n总 额")
	tb = setText(tb, "第7行第2列", "其中: 一般公共预算 :\n6,341.72")
	tb = setText(tb, "第8行第2列", "政府性基金拨款：７３５")
	tb = setText(tb, "第5行第8列", "0.9")
	tb = setText(tb, "第14行第2列", "产出指标(50分)")
	tb = setText(tb, "第14行第4列", "指标 1: 规模工业增加值增速")
	res := read(t, tb)
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	for key, want := range map[string]string{
		"funds.initial_budget":          "1758.17",
		"funds.income.general_budget":   "6341.72",
		"funds.income.government_fund":  "735",
		"funds.execution_rate":          "90%",
		"funds.income.special_account":  "",
		"department":                    "益阳市工业和信息化局",
		"year":                          "2020",
		"funds.income.other":            "90.40",
		"funds.spending.project":        "4320.71",
		"goals.expected":                res.Values["goals.expected"],
		"indicators[0].weight(ignored)": "",
	} {
		if got := res.Values[key]; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	ind := res.Indicators[0]
	if ind.Name != "产出指标" || ind.Weight.Text != "50" || ind.Groups[0].Items[0].Name != "规模工业增加值增速" {
		t.Errorf("indicator: %q %q %q", ind.Name, ind.Weight.Text, ind.Groups[0].Items[0].Name)
	}
}

// TestRowsDeletedAndTablesContinued: a row deleted (纳入专户管理的非税收入拨款)
// and a slot row deleted; the table continued as a second table, whose
// cut 一级 and 二级 cells are written again — the data stays the same.
func TestRowsDeletedAndTablesContinued(t *testing.T) {
	whole := read(t, sampleTable(t))
	tb := withoutRow(sampleTable(t), 16) // 数量指标's slot row
	tb = withoutRow(tb, 8)               // 纳入专户管理的非税收入拨款
	res := read(t, split(tb, 20)...)
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	for k, v := range whole.Values {
		if res.Values[k] != v {
			t.Errorf("%s = %q, want %q", k, res.Values[k], v)
		}
	}
	if got := res.Indicators[0].Groups[0].BlankRows; got != 0 {
		t.Errorf("数量指标 has %d blank rows, want 0 once its slot row is deleted", got)
	}
	res.Indicators[0].Groups[0].BlankRows = 1
	if got, want := dumpIndicators(res), dumpIndicators(whole); got != want {
		t.Errorf("indicators:\n%s\nwant\n%s", got, want)
	}
	if w := res.Where["indicators[1].groups[0].items[0].name"]; !strings.HasPrefix(w, "表2 ") {
		t.Errorf("an indicator of the second table is at %q", w)
	}
}

// TestHeaderRepeated: the indicator header written again after a page
// break is no indicator.
func TestHeaderRepeated(t *testing.T) {
	whole := read(t, sampleTable(t))
	parts := split(sampleTable(t), 23)
	// The second part starts with a copy of the header row.
	head := parts[0]
	var cells []tablefile.Cell
	for _, c := range head.Cells {
		if c.Row == 12 && c.Col > 0 {
			c.Row, c.RowSpan = 0, 1
			cells = append(cells, c)
		}
	}
	for _, c := range parts[1].Cells {
		c.Row++
		if c.Col == 0 && c.Row == 1 {
			c.Row, c.RowSpan = 0, c.RowSpan+1
		}
		cells = append(cells, c)
	}
	second := rebuilt(parts[1], cells, parts[1].Rows+1)
	second.Name = "表2"
	res := read(t, parts[0], second)
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	if got, want := dumpIndicators(res), dumpIndicators(whole); got != want {
		t.Errorf("indicators:\n%s\nwant\n%s", got, want)
	}
}

// TestCellsThatDoNotFit: what cannot be read is said at its cell, and
// left out.
func TestCellsThatDoNotFit(t *testing.T) {
	tb := sampleTable(t)
	tb = setText(tb, "第5行第4列", "约1758万")
	tb = setText(tb, "第7行第2列", "一般公共预算六千")
	tb = setText(tb, "第14行第2列", "产出指标（五十分）")
	tb = setText(tb, "第15行第4列", "工业投资增速")
	tb = setText(tb, "第15行第8列", "满分")
	res := read(t, tb)
	want := []string{
		`表1 第5行第4列: funds.initial_budget (年初预算数): "约1758万" is not a number`,
		`表1 第7行第2列: funds.income.general_budget (一般公共预算): "一般公共预算六千" does not fit the form's "其中：一般公共预算：{funds.income.general_budget}"`,
		`表1 第14行第2列: indicators[0].weight (分值): "五十" is not a number of points`,
		`表1 第15行第4列: indicators[0].groups[0].items[1].name (三级指标): "工业投资增速" does not fit the form's "指标{n}：{name}"`,
		`表1 第15行第8列: indicators[0].groups[0].items[1].score (得分): "满分" is not a number of points`,
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := res.Values["funds.initial_budget"]; ok {
		t.Error("an amount that is no number was kept")
	}
	toml := string(res.TOML("x.docx"))
	if !strings.Contains(toml, `# initial_budget =                       # 年初预算数 — 表1 第5行第4列: could not be read: "约1758万" is not a number`) {
		t.Errorf("the partial data file does not mark the value left out:\n%s", toml)
	}
}

// dumpIndicators writes the indicator tree, one line per row, to compare.
func dumpIndicators(r *Result) string {
	var b strings.Builder
	for _, ind := range r.Indicators {
		b.WriteString(ind.Name + " " + ind.Weight.Text + "\n")
		for _, g := range ind.Groups {
			b.WriteString("  " + g.Name + " " + g.Weight.Text + strings.Repeat(" +slot", g.BlankRows) + "\n")
			for _, it := range g.Items {
				b.WriteString("    " + strings.Join([]string{it.Name, it.Target, it.Actual, it.Weight.Text, it.Score.Text, it.Deviation}, " | ") + "\n")
			}
		}
	}
	return b.String()
}

// TestLabelNotFound: a row that holds a required value and whose label
// is not found is said, at the place it was looked for.
func TestLabelNotFound(t *testing.T) {
	res := read(t, setText(sampleTable(t), "第3行第1列", "预算单位"))
	want := `表1 第1行第1列: department (预算部门): the row labelled 预算部门 is not found here or below; its value cannot be read`
	if len(res.Problems) != 1 || res.Problems[0].String() != want {
		t.Errorf("problems: %v\nwant %s", res.Problems, want)
	}
}

// TestTitleAboveTheTable: a Word form whose title is a paragraph above its
// table (the first two rows of the sample's table removed) reads the year
// from there.
func TestTitleAboveTheTable(t *testing.T) {
	tb := withoutRow(withoutRow(sampleTable(t), 0), 0)
	heading := &tablefile.Table{Name: tablefile.HeadingName, Kind: tablefile.DOCX, Rows: 2, Cols: 1, Cells: []tablefile.Cell{
		{Row: 0, RowSpan: 1, ColSpan: 1, Text: "附件2：", Ref: "第1段"},
		{Row: 1, RowSpan: 1, ColSpan: 1, Text: "2020年度部门整体支出绩效自评表", Ref: "第2段"},
	}}
	res := read(t, heading, tb)
	if len(res.Problems) > 0 || res.Values["year"] != "2020" || res.Where["year"] != "正文 第2段" || res.Values["department"] != "益阳市工业和信息化局" {
		t.Errorf("year %q at %q, department %q, problems %v", res.Values["year"], res.Where["year"], res.Values["department"], res.Problems)
	}
}
