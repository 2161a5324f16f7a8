package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"jixiao/render"
	"jixiao/render/internal/rendertest"
)

// layout checks and lays out a form.
func layout(t testing.TB, data []byte) (*render.Engine, *render.Document) {
	t.Helper()
	return rendertest.Layout(t, data)
}

func sampleData(t testing.TB) []byte {
	t.Helper()
	return rendertest.SampleData(t)
}

// build writes the workbook of a form.
func build(t testing.TB, data []byte, info Info) ([]byte, *render.Document) {
	t.Helper()
	_, doc := layout(t, data)
	var b bytes.Buffer
	if err := Write(&b, doc, info); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), doc
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

const sheetName = "附件2"

// sheetCell is a distinct cell of a sheet row: its column, and the text of
// its area, "" in the rows below the first.
type sheetCell struct {
	col  int
	text string
}

// sheetRows reads the sheet back as the seed writes a table: per row, one
// entry per distinct cell, a merged area counted once in each row it
// covers, with its text in its first row and "" below. The text of the
// area covering each (row, column) comes with it.
func sheetRows(t *testing.T, f *excelize.File) ([][]sheetCell, func(r, c int) string) {
	t.Helper()
	merges, err := f.GetMergeCells(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	type rect struct{ c1, r1, c2, r2 int }
	var areas []rect
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		areas = append(areas, rect{c1, r1, c2, r2})
	}
	for i, a := range areas {
		for _, b := range areas[:i] {
			if a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2 {
				t.Errorf("merged areas %v and %v overlap", a, b)
			}
		}
	}
	origin := func(r, c int) (int, int) {
		for _, a := range areas {
			if c >= a.c1 && c <= a.c2 && r >= a.r1 && r <= a.r2 {
				return a.r1, a.c1
			}
		}
		return r, c
	}
	areaText := func(r, c int) string {
		r, c = origin(r, c)
		name, _ := excelize.CoordinatesToCellName(c, r)
		text, err := f.GetCellValue(sheetName, name)
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	dim, _ := f.GetSheetDimension(sheetName)
	_, last, _ := excelize.CellNameToCoordinates(strings.Split(dim, ":")[1])
	var rows [][]sheetCell
	for r := 1; r <= last; r++ {
		var row []sheetCell
		for c := 1; c <= 9; c++ {
			top, left := origin(r, c)
			if left != c {
				continue
			}
			text := ""
			if top == r {
				text = areaText(r, c)
			}
			row = append(row, sheetCell{c, text})
		}
		rows = append(rows, row)
	}
	return rows, areaText
}

// seedRows reads the seed: the title lines, then the table, each cell
// starting with a TAB; a blank line before the next row's TAB ends a row
// (a blank line inside a cell is followed by more of its text).
func seedRows(t *testing.T) [][]string {
	t.Helper()
	data, err := os.ReadFile("testdata/seed-yiyang-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "[bookmark: _GoBack]", ""), "\n")
	var rows [][]string
	i := 0
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "\t"); i++ {
		rows = append(rows, []string{lines[i]})
	}
	var row []string
	for ; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "\t"):
			row = append(row, l[1:])
		case l == "" && (i+1 == len(lines) || strings.HasPrefix(lines[i+1], "\t")):
			if row != nil {
				rows = append(rows, row)
			}
			row = nil
		default:
			row[len(row)-1] += "\n" + l
		}
	}
	if row != nil {
		rows = append(rows, row)
	}
	return rows
}

func squeeze(s string) string {
	s = strings.NewReplacer("(", "（", ")", "）").Replace(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// texts are a row's non-empty texts, whitespace dropped.
func texts(row []string) []string {
	var out []string
	for _, c := range row {
		if c = squeeze(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// pageStarts reads the sheet rows that start a page from the page breaks.
func pageStarts(t *testing.T, data []byte) map[int]bool {
	out := map[int]bool{}
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(part(t, data, "xl/worksheets/sheet1.xml"), -1) {
		n, _ := strconv.Atoi(m[1])
		out[n+1] = true
	}
	return out
}

// TestSeedRowByRow finds the seed's texts row by row, with as many cells
// in each row. Where a page break cuts a label, both the seed and ours
// write it again, each at its own page break: those repeats are left out.
func TestSeedRowByRow(t *testing.T) {
	data, _ := build(t, sampleData(t), Info{})
	got, areaText := sheetRows(t, open(t, data))
	want := seedRows(t)
	if len(got) != len(want) {
		t.Fatalf("%d sheet rows; the seed has %d (title lines included)", len(got), len(want))
	}
	starts := pageStarts(t, data)
	seenPerformance := false
	for i := range want {
		r := i + 1
		var ours []string
		for _, c := range got[i] {
			if starts[r] && c.text != "" && c.text == areaText(r-1, c.col) {
				continue // a label written again on a new page
			}
			ours = append(ours, c.text)
		}
		theirs := slices.Clone(want[i])
		for j, c := range theirs {
			if squeeze(c) == "绩效指标" {
				if seenPerformance {
					theirs[j] = ""
				}
				seenPerformance = true
			}
		}
		// The title lines span A:I, one cell as in the seed.
		if len(got[i]) != len(want[i]) {
			t.Errorf("row %d: %d cells %v; the seed has %d %q", r, len(got[i]), got[i], len(want[i]), want[i])
		}
		if g, w := texts(ours), texts(theirs); strings.Join(g, "|") != strings.Join(w, "|") {
			t.Errorf("row %d: texts\n  %q\nthe seed's\n  %q", r, g, w)
		}
	}
}

// find returns the cell in column col of the first row whose cell in
// column key holds text.
func find(t *testing.T, f *excelize.File, key, text, col string) string {
	t.Helper()
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := excelize.ColumnNameToNumber(key)
	for r, row := range rows {
		if len(row) >= k && strings.Contains(row[k-1], text) {
			return col + strconv.Itoa(r+1)
		}
	}
	t.Fatalf("no row with %q in column %s", text, key)
	return ""
}

func TestFormulas(t *testing.T) {
	data, _ := build(t, sampleData(t), Info{})
	f := open(t, data)
	rate := find(t, f, "B", "年度资金总额", "H")
	exec := find(t, f, "B", "年度资金总额", "I")
	total := find(t, f, "A", "总分", "H")
	item := find(t, f, "D", "项目资金及时拨付使用", "H")
	// Stored values, shown without recalculating.
	for cell, want := range map[string]string{rate: "90%", exec: "9", total: "98", item: "2",
		find(t, f, "B", "年度资金总额", "E"): "7167.12", find(t, f, "A", "总分", "G"): "100"} {
		if got, _ := f.GetCellValue(sheetName, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	for cell, want := range map[string]string{
		rate:  `^F\d+/E\d+$`,
		exec:  `^ROUND\(MIN\(F\d+/E\d+,1\)\*G\d+,0\)$`,
		total: `^ROUND\(I\d+\+SUM\(H\d+:H\d+\),0\)$`,
	} {
		formula, _ := f.GetCellFormula(sheetName, cell)
		if !regexp.MustCompile(want).MatchString(formula) {
			t.Errorf("%s: formula %q, want %s", cell, formula, want)
		}
	}
	// The stored value of a formula is a number, not a string.
	xml := part(t, data, "xl/worksheets/sheet1.xml")
	if regexp.MustCompile(`t="str"><f>`).MatchString(xml) {
		t.Error("a formula's value is stored as a string")
	}
	if got, err := f.CalcCellValue(sheetName, total); err != nil || got != "98" {
		t.Errorf("总分 recalculated: %q, %v; want 98", got, err)
	}
	// 3 → 2 was the seed's one deduction; give the full 3 back.
	if err := f.SetCellValue(sheetName, item, 3); err != nil {
		t.Fatal(err)
	}
	if got, err := f.CalcCellValue(sheetName, total); err != nil || got != "99" {
		t.Errorf("总分 after 得分 2 → 3: %q, %v; want 99", got, err)
	}
	// Half the execution: 执行率 50%, 预算执行得分 5, 总分 95.
	if err := f.SetCellValue(sheetName, find(t, f, "B", "年度资金总额", "F"), 3583.56); err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{rate: "50%", exec: "5", total: "95"} {
		if got, err := f.CalcCellValue(sheetName, cell); err != nil || got != want {
			t.Errorf("%s after halving 全年执行数: %q, %v; want %s", cell, got, err, want)
		}
	}
}

// part reads one file of the workbook's zip.
func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestShrunkSizeReachesTheSheet: a figure the layout set smaller to keep
// it on one line (执行率 100% in its narrow column) has that size in the
// workbook too, read from the document, not 10.5 pt.
func TestShrunkSizeReachesTheSheet(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "full-execution.toml"))
	if err != nil {
		t.Fatal(err)
	}
	book, doc := build(t, data, Info{})
	want := 0.0
	for _, c := range doc.Table.Cells {
		if c.Field == "funds.execution_rate" {
			want = c.Size
		}
	}
	if !(want > 0 && want < 10.5) {
		t.Fatalf("the layout sets 100%% at %g pt; want it shrunk below 10.5", want)
	}
	f := open(t, book)
	for cell, size := range map[string]float64{find(t, f, "B", "年度资金总额", "H"): want, find(t, f, "B", "年度资金总额", "G"): 10.5} {
		id, err := f.GetCellStyle(sheetName, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || st.Font.Size != size {
			t.Errorf("%s: font %+v, want %g pt", cell, st.Font, size)
		}
	}
}

// TestContinuedTextAtTop: the parts of the goals that go on from the page
// before are aligned to the top of their cells, as the PDF draws them;
// their first parts stay centred.
func TestContinuedTextAtTop(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "long-goals.toml"))
	if err != nil {
		t.Fatal(err)
	}
	book, doc := build(t, data, Info{})
	if len(doc.Pages) < 3 {
		t.Fatalf("%d pages; want the goals over 3 or more", len(doc.Pages))
	}
	f := open(t, book)
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	valign := map[string][]string{} // goal → the alignment of each of its parts
	for r, row := range rows {
		for _, col := range []string{"B", "F"} {
			k, _ := excelize.ColumnNameToNumber(col)
			if len(row) < k || !strings.Contains(row[k-1], "、") {
				continue
			}
			id, _ := f.GetCellStyle(sheetName, col+strconv.Itoa(r+1))
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			valign[col] = append(valign[col], st.Alignment.Vertical)
		}
	}
	for col, got := range valign {
		if len(got) < 2 || got[0] != "center" || slices.ContainsFunc(got[1:], func(v string) bool { return v != "top" }) {
			t.Errorf("goal in column %s: parts aligned %q; want center, then top", col, got)
		}
	}
	if len(valign) != 2 {
		t.Errorf("found the parts of %d goals, want 2", len(valign))
	}
}

// TestProjectMerges: the 项目支出绩效自评表's sheet merges the areas its
// spec declares, and computes 执行率, 得分 and 总分 by formulas found by
// the roles of their cells.
func TestProjectMerges(t *testing.T) {
	_, doc := rendertest.Project(t)
	var b bytes.Buffer
	if err := Write(&b, doc, Info{}); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	const sheet = "附1"
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{} // area → its text
	for _, m := range merges {
		got[m.GetStartAxis()+":"+m.GetEndAxis()] = squeeze(m.GetCellValue())
	}
	// Sheet rows: 1 附1, 2 title, 3 （2019年度）, then the table from row 4;
	// the indicator block is rows 13 to 23 (9 三级指标 and the slot of 生态效益).
	want := map[string]string{
		"A1:J1": "附1", "A2:J2": "项目支出绩效自评表", "A3:J3": "（2019年度）",
		"A4:B4": "项目名称", "C4:J4": "办公宿舍楼、食堂及餐厅暖通改造经费",
		"A5:B5": "主管部门", "C5:E5": "廊坊市发改委", "F5:G5": "实施单位", "H5:J5": "廊坊市食品工程学校",
		"A6:A10": "项目资金（万元）", "B6:C6": "", "I6:J6": "得分",
		"B7:C7": "年度资金总额", "I7:J7": "9",
		"B8:C8": "其中：当年财政拨款", "I8:J8": "—", "B9:C9": "上年结转资金", "I9:J9": "—", "B10:C10": "其他资金", "I10:J10": "—",
		"A11:A12": "年度总体目标", "B11:F11": "预期目标", "G11:J11": "实际完成情况", "B12:F12": "43.2", "G12:J12": "37.24",
		"I13:J13": "偏差原因分析及改进措施",
		"A13:A23": "绩效指标", "B14:B18": "产出指标", "C15:C16": "质量指标", "B19:B22": "效益指标",
		"I14:J14": "已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。",
		"A24:F24": "总分", "I24:J24": "",
	}
	if len(got) != len(want)+9 { // and I15:J15 … I23:J23, the empty 偏差 cells
		t.Errorf("%d merged areas, want %d: %v", len(got), len(want)+9, got)
	}
	for area, text := range want {
		if g, ok := got[area]; !ok {
			t.Errorf("no merged area %s (%s); merges: %v", area, text, got)
		} else if g != text {
			t.Errorf("area %s holds %q, want %q", area, g, text)
		}
	}
	for cell, want := range map[string]string{"H7": `^F7/E7$`, "I7": `^ROUND\(MIN\(F7/E7,1\)\*G7,0\)$`, "H24": `^ROUND\(I7\+SUM\(H14:H23\),0\)$`} {
		formula, _ := f.GetCellFormula(sheet, cell)
		if !regexp.MustCompile(want).MatchString(formula) {
			t.Errorf("%s: formula %q, want %s", cell, formula, want)
		}
	}
	if got, err := f.CalcCellValue(sheet, "H24"); err != nil || got != "98" {
		t.Errorf("总分 recalculated: %q, %v; want 98", got, err)
	}
}

// TestNotesWithoutBorders: a spec's notes under the table are written as
// rows across the sheet without borders, below a bordered 总分 row.
func TestNotesWithoutBorders(t *testing.T) {
	src, err := os.ReadFile("../testdata/variant-yuan.toml")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := render.ParseTemplate("../testdata/variant-yuan.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../testdata/variant-data.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, doc := rendertest.LayoutWith(t, tpl, "variant-data.toml", data)
	var b bytes.Buffer
	if err := Write(&b, doc, Info{}); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	rows, err := f.GetRows(tpl.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	borders := func(cell string) int {
		id, err := f.GetCellStyle(tpl.Sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return len(st.Border)
	}
	notes, total := 0, 0
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		cell := fmt.Sprintf("A%d", r+1)
		switch {
		case strings.HasPrefix(row[0], "总分"):
			total = r + 1
			if borders(cell) == 0 {
				t.Errorf("%s 总分 has no border", cell)
			}
		case strings.HasPrefix(row[0], "注：") || strings.HasPrefix(row[0], "2. 本表由某市统计局填报"):
			notes++
			if total == 0 || r+1 <= total {
				t.Errorf("note %q at row %d is not under the table (总分 at %d)", row[0], r+1, total)
			}
			if n := borders(cell); n != 0 {
				t.Errorf("note %s has %d borders", cell, n)
			}
		}
	}
	if notes != 2 {
		t.Errorf("%d notes in the sheet; want 2", notes)
	}
}
