package summary

import (
	"bytes"
	"jixiao/templates"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
)

func entry(file, dept string, total, budget, executed jixiao.Fixed) Entry {
	return Entry{File: file, Department: dept, Year: 2020, Scored: true, Budget: budget, Executed: executed,
		RatePercent: executed * 10000 / budget, ExecScore: 900, Total: total, Grade: "优",
		Levels: []Level{{"产出指标", 4900}, {"效益指标", 3000}, {"满意度指标", 1000}}}
}

func TestRankedWithTotals(t *testing.T) {
	entries := []Entry{
		entry("a.toml", "甲局", 9000, 100_00, 90_00),
		{File: "broken.toml", Department: "乙局", Errors: 3, Warnings: 1},
		entry("c.toml", "丙局", 9800, 300_00, 270_00),
	}
	var b bytes.Buffer
	if err := Write(&b, entries, Options{Sheet: "汇总表", Title: "部门整体支出绩效自评汇总表", Heads: HeadsOf(form2020(t)), Creator: "jixiao test"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("汇总表")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"部门整体支出绩效自评汇总表"},
		{"排名", "预算部门", "年度", "全年预算数（万元）", "全年执行数（万元）", "执行率", "预算执行得分", "产出指标得分", "效益指标得分", "满意度指标得分", "总分", "等级", "扣分项", "错误", "警告", "源文件"},
		{"1", "丙局", "2020", "300.00", "270.00", "90%", "9", "49", "30", "10", "98", "优", "0", "0", "0", "c.toml"},
		{"2", "甲局", "2020", "100.00", "90.00", "90%", "9", "49", "30", "10", "90", "优", "0", "0", "0", "a.toml"},
		{"—", "乙局", "", "", "", "", "", "", "", "", "", "", "", "3", "1", "broken.toml"},
		{"", "合计（2 个部门）", "", "400.00", "360.00", "90%"},
		{"", "平均", "", "", "", "90%", "9", "49", "30", "10", "94"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		got := rows[i]
		for len(got) > 0 && got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if len(got) != len(want[i]) {
			t.Errorf("row %d = %q\nwant %q", i+1, got, want[i])
			continue
		}
		for j := range want[i] {
			if got[j] != want[i][j] {
				t.Errorf("row %d col %d = %q, want %q", i+1, j+1, got[j], want[i][j])
			}
		}
	}
	if dn := f.GetDefinedName(); len(dn) != 2 {
		t.Errorf("defined names = %+v; want print titles and print area", dn)
	}
}

// form2020 is the built-in form, whose labels head the columns.
func form2020(t *testing.T) *jixiao.Form {
	t.Helper()
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	f, err := jixiao.ParseForm(templates.Form2020, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
