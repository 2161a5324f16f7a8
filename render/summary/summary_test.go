package summary

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/render"
	"jixiao/templates"
)

func entry(file, dept string, total, budget, executed jixiao.Fixed) Entry {
	return Entry{File: file, Department: dept, Year: 2020, Scored: true, Budget: budget, Executed: executed,
		RatePercent: executed * 10000 / budget, ExecScore: 900, Total: total, Grade: "优",
		Levels: []Level{{"产出指标", 4900}, {"效益指标", 3000}, {"满意度指标", 1000}}}
}

var testOptions = Options{Sheet: "汇总表", Title: "部门整体支出绩效自评汇总表", Heads: HeadsOf(form2020()), Creator: "jixiao test"}

// form2020 is the built-in form, whose labels head the columns.
func form2020() *jixiao.Form {
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		panic(err)
	}
	f, err := jixiao.ParseForm(templates.Form2020, data)
	if err != nil {
		panic(err)
	}
	return f
}

// write writes the entries and opens the workbook again.
func write(t *testing.T, entries []Entry, opt Options) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, entries, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkRows compares a sheet with want cell by cell, trailing empty cells
// aside.
func checkRows(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%s: %d rows, want %d: %q", sheet, len(rows), len(want), rows)
	}
	for i := range want {
		got := rows[i]
		for len(got) > 0 && got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if len(got) != len(want[i]) {
			t.Errorf("%s row %d = %q\nwant %q", sheet, i+1, got, want[i])
			continue
		}
		for j := range want[i] {
			if got[j] != want[i][j] {
				t.Errorf("%s row %d col %d = %q, want %q", sheet, i+1, j+1, got[j], want[i][j])
			}
		}
	}
}

// at is a row's i-th cell; GetRows leaves out trailing empty cells.
func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

var rankHead = []string{"排名", "预算部门", "年度", "全年预算数（万元）", "全年执行数（万元）", "执行率", "预算执行得分",
	"产出指标得分", "效益指标得分", "满意度指标得分", "总分", "等级", "扣分项", "错误", "警告", "源文件", "备注"}

func TestRankedWithTotals(t *testing.T) {
	f := write(t, []Entry{
		entry("a.toml", "甲局", 9000, 100_00, 90_00),
		{File: "broken.toml", Department: "乙局", Errors: 3, Warnings: 1},
		entry("c.toml", "丙局", 9800, 300_00, 270_00),
	}, testOptions)
	checkRows(t, f, "汇总表", [][]string{
		{"部门整体支出绩效自评汇总表"},
		rankHead,
		{"1", "丙局", "2020", "300.00", "270.00", "90%", "9", "49", "30", "10", "98", "优", "0", "0", "0", "c.toml"},
		{"2", "甲局", "2020", "100.00", "90.00", "90%", "9", "49", "30", "10", "90", "优", "0", "0", "0", "a.toml"},
		{"—", "乙局", "", "", "", "", "", "", "", "", "", "", "", "3", "1", "broken.toml"},
		{"", "合计（2 个部门）", "", "400.00", "360.00", "90%"},
		{"", "平均", "", "", "", "90%", "9", "49", "30", "10", "94"},
	})
	if got := f.GetSheetList(); strings.Join(got, ",") != "汇总表,问题清单" {
		t.Errorf("sheets %q", got)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	if names["汇总表 _xlnm.Print_Area"] != "'汇总表'!$A$1:$Q$7" || names["汇总表 _xlnm.Print_Titles"] != "'汇总表'!$1:$2" {
		t.Errorf("defined names = %v; want the print titles and the print area of the table", names)
	}
}

// TestGridIsBlack: every border of every cell style is black; an empty
// colour came out as the ARGB "FF", drawn blue.
func TestGridIsBlack(t *testing.T) {
	f := write(t, []Entry{entry("a.toml", "甲局", 9000, 100_00, 90_00)}, testOptions)
	for _, c := range []string{"A2", "A3", "B3", "D3", "F3", "P3", "B4"} {
		id, err := f.GetCellStyle("汇总表", c)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Border) != 4 {
			t.Errorf("%s: %d borders, want 4", c, len(st.Border))
		}
		for _, b := range st.Border {
			if !strings.EqualFold(strings.TrimPrefix(b.Color, "FF"), "000000") {
				t.Errorf("%s: %s border colour %q, want black", c, b.Type, b.Color)
			}
		}
	}
}

func TestTiesShareARank(t *testing.T) {
	f := write(t, []Entry{
		entry("a.toml", "甲局", 9000, 100_00, 90_00),
		entry("b.toml", "乙局", 9500, 100_00, 90_00),
		entry("c.toml", "丙局", 9800, 100_00, 90_00),
		entry("d.toml", "丁局", 9500, 100_00, 90_00),
	}, testOptions)
	rows, _ := f.GetRows("汇总表")
	var got []string
	for _, r := range rows[2:6] {
		got = append(got, at(r, 0)+" "+at(r, 1)+" "+at(r, 16))
	}
	want := []string{"1 丙局 ", "2 乙局 并列第2名", "2 丁局 并列第2名", "4 甲局 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ranks %q\nwant %q", got, want)
	}
}

func TestDuplicateDepartments(t *testing.T) {
	entries := []Entry{
		entry("y/a.toml", "甲局", 9000, 100_00, 90_00),
		entry("z/a.toml", "甲局", 9500, 100_00, 90_00),
		entry("b.toml", "乙局", 9800, 100_00, 90_00),
	}
	dups := Duplicates(entries)
	if len(dups) != 1 || dups[0].File != "z/a.toml" || dups[0].Severity != jixiao.Warning || !strings.Contains(dups[0].Message, "y/a.toml") {
		t.Fatalf("Duplicates = %v", dups)
	}
	f := write(t, entries, testOptions)
	rows, _ := f.GetRows("汇总表")
	notes := map[string]string{}
	for _, r := range rows[2:5] {
		notes[at(r, 15)] = at(r, 16)
	}
	if notes["y/a.toml"] != "同一部门同一年度重复：另见 z/a.toml" || notes["z/a.toml"] != "同一部门同一年度重复：另见 y/a.toml" || notes["b.toml"] != "" {
		t.Errorf("备注 = %q", notes)
	}
	problems, _ := f.GetRows(problemsSheet)
	if len(problems) != 3 || problems[2][0] != "z/a.toml" || problems[2][4] != "警告" {
		t.Errorf("problems sheet %q; want the duplicate's warning", problems)
	}
}

// TestYearsRankApart: one ranking sheet per year, each ranked from 1; the
// forms whose year is unknown on a sheet of their own.
func TestYearsRankApart(t *testing.T) {
	a, b, c := entry("a.toml", "甲局", 9000, 100_00, 90_00), entry("b.toml", "甲局", 9500, 100_00, 90_00), entry("c.toml", "乙局", 8000, 100_00, 90_00)
	a.Year, b.Year, c.Year = 2021, 2022, 2021
	f := write(t, []Entry{a, b, c, {File: "x.toml", Errors: 1}}, testOptions)
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总表 2021,汇总表 2022,汇总表 年度不明,问题清单" {
		t.Fatalf("sheets %q", got)
	}
	for sheet, want := range map[string][]string{
		"汇总表 2021": {"2021年度部门整体支出绩效自评汇总表", "1 甲局 a.toml", "2 乙局 c.toml"},
		"汇总表 2022": {"2022年度部门整体支出绩效自评汇总表", "1 甲局 b.toml"},
		"汇总表 年度不明": {"部门整体支出绩效自评汇总表（年度不明）", "—  x.toml"},
	} {
		rows, _ := f.GetRows(sheet)
		got := []string{rows[0][0]}
		file := slices.Index(rows[1], "源文件")
		for _, r := range rows[2 : len(rows)-2] {
			got = append(got, at(r, 0)+" "+at(r, 1)+" "+at(r, file))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q\nwant %q", sheet, got, want)
		}
	}
	if Duplicates([]Entry{a, b, c}) != nil {
		t.Error("the same department in two years is not a duplicate")
	}
}

// TestLongNamesWrap: a long department name wraps in its cell, in a row
// tall enough for its lines, instead of shrinking to an unreadable size.
func TestLongNamesWrap(t *testing.T) {
	long := strings.Repeat("长沙市人力资源和社会保障局", 3) + "办公室"
	if n := len([]rune(long)); n != 42 {
		t.Fatalf("name of %d characters", n)
	}
	f := write(t, []Entry{entry("a.toml", long, 9000, 100_00, 90_00), entry("b.toml", "乙局", 9500, 100_00, 90_00)}, testOptions)
	id, _ := f.GetCellStyle("汇总表", "B4")
	st, _ := f.GetStyle(id)
	if st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.ShrinkToFit {
		t.Errorf("alignment %+v; want wrapped, not shrunk", st.Alignment)
	}
	// 42 characters of 2 units in a 30-unit column: 14 a line, 3 lines.
	h, _ := f.GetRowHeight("汇总表", 4)
	if want := rowHeight(3); h != want {
		t.Errorf("row height %g, want %g (3 lines)", h, want)
	}
	if h, _ := f.GetRowHeight("汇总表", 3); h > rowHeight(1) {
		t.Errorf("a short row is %g high", h)
	}
}

// TestNoDateUnlessGiven: the workbook records a date only when asked, so
// that the same forms give the same bytes.
func TestNoDateUnlessGiven(t *testing.T) {
	entries := []Entry{entry("a.toml", "甲局", 9000, 100_00, 90_00)}
	var first, second bytes.Buffer
	if err := Write(&first, entries, testOptions); err != nil {
		t.Fatal(err)
	}
	f := write(t, entries, testOptions)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "" || p.Modified != "" || p.Creator == "xuri" {
		t.Errorf("without a date: created %q, modified %q, creator %q", p.Created, p.Modified, p.Creator)
	}
	if app, _ := f.GetAppProps(); app.Application != "jixiao test" {
		t.Errorf("application %q", app.Application)
	}
	time.Sleep(1100 * time.Millisecond) // a date stamped by the clock would differ
	if err := Write(&second, entries, testOptions); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the same entries give different bytes")
	}
	opt := testOptions
	opt.Date = time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	f = write(t, entries, opt)
	if p, _ := f.GetDocProps(); p.Created != "2021-03-04T05:06:07Z" {
		t.Errorf("with a date: created %q", p.Created)
	}
}

func TestProblemsSheet(t *testing.T) {
	broken := Entry{File: "b.toml", Department: "乙局", Year: 2020, Errors: 1, Warnings: 1, Problems: jixiao.Problems{
		{File: "forms/b.toml", Pos: jixiao.Pos{Line: 12, Col: 9}, Severity: jixiao.Error, Path: "funds.executed", Label: "全年执行数", Message: "238.450 has three decimals"},
		{File: "forms/b.toml", Pos: jixiao.Pos{Line: 40, Col: 1}, Severity: jixiao.Warning, Path: "indicators[0].name", Label: "一级指标", Message: "unusual name"},
		{File: "forms/b.xlsx", Cell: "附件2!H14", Severity: jixiao.Error, Path: "indicators[0].groups[0].items[0].score", Label: "得分", Message: "7 is more than its 分值 3"},
	}}
	ok := entry("a.toml", "甲局", 9000, 100_00, 90_00)
	opt := testOptions
	opt.Other = jixiao.Problems{{File: "forms/locked", Severity: jixiao.Error, Message: "cannot read this folder: permission denied"}}
	f := write(t, []Entry{ok, broken}, opt)
	checkRows(t, f, problemsSheet, [][]string{
		{"问题清单"},
		{"源文件", "行", "列", "单元格", "级别", "位置", "标签", "说明"},
		{"forms/locked", "", "", "", "错误", "", "", "cannot read this folder: permission denied"},
		{"forms/b.toml", "12", "9", "", "错误", "funds.executed", "全年执行数", "238.450 has three decimals"},
		{"forms/b.toml", "40", "1", "", "警告", "indicators[0].name", "一级指标", "unusual name"},
		{"forms/b.xlsx", "", "", "附件2!H14", "错误", "indicators[0].groups[0].items[0].score", "得分", "7 is more than its 分值 3"},
	})
}

// TestProblemsSheetInChinese: for a Chinese reader the 说明 of a problem
// is its Chinese, after its place in the form's own words.
func TestProblemsSheetInChinese(t *testing.T) {
	_, problems := jixiao.Check("b.toml", []byte("year = 2020\n"), render.DefaultTemplate().Domain())
	p := problems[0]
	p.Where = "产出指标 › 数量指标"
	broken := Entry{File: "b.toml", Department: "乙局", Year: 2020, Errors: 1, Problems: jixiao.Problems{p}}
	opt := testOptions
	opt.Lang = jixiao.Chinese
	f := write(t, []Entry{broken}, opt)
	got, err := f.GetCellValue(problemsSheet, "H3") // 说明
	if want := "产出指标 › 数量指标：" + p.MessageIn(jixiao.Chinese); err != nil || got != want || p.MessageIn(jixiao.Chinese) == p.Message {
		t.Errorf("说明 %q (%v), want %q", got, err, want)
	}
}
