package form

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"jixiao"
)

// A small form: four columns, a label merged down two rows beside two
// fields, the indicator block, a total row and a note.
const smallSpec = `
[[fields]]
key = "name"
label = "名称"
type = "text"
role = "department"

[[fields]]
key = "a"
label = "甲"
type = "amount"
role = "budget"

[[fields]]
key = "b"
label = "乙"
type = "amount"
role = "executed"

[[fields]]
key = "w"
label = "分值"
type = "points"
role = "exec-weight"

[rules]
total_points = 100
grades = [{ name = "优", min = 90 }, { name = "差", min = 0 }]

[[rows]]
kind = "head"
cells = [{ text = "资金", rows = 2, style = "s" }, { text = "甲：{a}", span = 3, style = "s" }]

[[rows]]
kind = "more"
cells = [{ text = "乙[（{b}）]", span = 2, style = "s" }, { field = "b", style = "n" }]

[[rows]]
indicators = true

[[rows]]
kind = "total"
cells = [{ text = "总分", span = 2, style = "s" }, { value = "total-points", style = "n" }, { value = "grade", style = "n" }]

[indicators]
label = { text = "指标", style = "s" }
header = [{ text = "一级", style = "s" }, { text = "二级", style = "s" }, { text = "三级", style = "s" }]
levels = [{ text = "{name}[（{weight}分）]", style = "s" }, { text = "{name}", style = "s" }]
items = [{ text = "{n}.{name}：{score}", style = "s" }]
slot_style = "e"

[notes]
style = "note"
lines = ["注：{name}"]
`

func TestBuildSmallForm(t *testing.T) {
	var spec Spec
	if _, err := toml.Decode(smallSpec, &spec); err != nil {
		t.Fatal(err)
	}
	if err := spec.Check(4); err != nil {
		t.Fatal(err)
	}
	r := &jixiao.Report{Form: &spec.Form, Values: map[string]jixiao.Figure{
		"name": {Text: "某局", Set: true}, "a": jixiao.NewFigure(10000), "b": jixiao.NewFigure(9000), "w": jixiao.NewFigure(1000)},
		Indicators: []jixiao.Indicator{{Name: "产出", Weight: jixiao.NewFigure(9000), Groups: []jixiao.Group{
			{Name: "数量", Weight: jixiao.NewFigure(9000), BlankRows: 1, Items: []jixiao.Item{
				{Name: "甲项", Weight: jixiao.NewFigure(4000), Score: jixiao.NewFigure(4000)},
				{Name: "乙项", Weight: jixiao.NewFigure(5000), Score: jixiao.NewFigure(5000)}}}}}}}
	tb := Build(&spec, []float64{10, 20, 30, 40}, jixiao.Score(r))
	var got []string
	for _, c := range tb.Cells {
		line := fmt.Sprintf("%s %s %q", c.Ref(), c.Style, c.Text)
		if c.Number != nil {
			line += fmt.Sprintf(" %s=%s", c.Number.Kind, c.Number.Value)
		}
		if c.Role != "" {
			line += " role=" + c.Role
		}
		if c.Repeat {
			line += " repeat"
		}
		if c.Borderless {
			line += " borderless"
		}
		got = append(got, line)
	}
	want := []string{
		`A0:A1 s "资金" repeat`,
		`B0:D0 s "甲：100"`,
		`B1:C1 s "乙（90）"`,
		`D1 n "90" amount=90 role=executed`,
		`A2:A5 s "指标" repeat`,
		`B2 s "一级"`, `C2 s "二级"`, `D2 s "三级"`,
		`B3:B5 s "产出（90分）" repeat`,
		`C3:C5 s "数量" repeat`,
		`D3 s "1.甲项：40"`,
		`D4 s "2.乙项：50"`,
		`D5 e ""`,
		`A6:B6 s "总分"`, `C6 n "100" total-points=100`, `D6 n "优"`,
		`A7:D7 note "注：某局" borderless`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tb.HeaderRow != 2 || tb.Rows[5].Kind != "blank" || tb.Rows[7].Kind != "note" || tb.Rows[0].Kind != "head" {
		t.Errorf("header row %d, rows %+v", tb.HeaderRow, tb.Rows)
	}
}

func TestMeasureParts(t *testing.T) {
	for _, c := range []struct{ target, op, value, unit string }{
		{"≥90%", "≥", "90", "%"}, {"≤100%", "≤", "100", "%"}, {"30个", "", "30", "个"}, {"不低于98.5%", "≥", "98.5", "%"},
		{"按期完成", "", "按期完成", ""},
	} {
		it := jixiao.Item{Target: c.target}
		op, _ := measurePart("target.op", it)
		value, _ := measurePart("target.value", it)
		unit, _ := measurePart("target.unit", it)
		if op != c.op || value != c.value || unit != c.unit {
			t.Errorf("%s → %q %q %q; want %q %q %q", c.target, op, value, unit, c.op, c.value, c.unit)
		}
	}
}
