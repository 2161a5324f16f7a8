package jixiao

import (
	"fmt"
	"testing"
)

var sprintf = fmt.Sprintf

// TestDeclared: the declared 执行率, 预算执行得分 and 总分 must match the
// computed ones after the form's display rounding (integers for 2020).
func TestDeclared(t *testing.T) {
	// funds sets 全年预算数 and 全年执行数 (and their splits) of minimal.toml.
	funds := func(budget, executed, rate, score, total string) []string {
		return []string{
			"annual_budget = 100", "annual_budget = " + budget,
			"executed = 100", "executed = " + executed,
			"general_budget = 100", "general_budget = " + budget,
			"basic = 100", "basic = " + executed,
			`execution_rate = "100%"`, `execution_rate = "` + rate + `"`,
			"score = 10\n", "score = " + score + "\n",
			"total_score = 100", "total_score = " + total,
		}
	}
	runCases(t, []ruleCase{
		{
			name:  "执行率 of the seed",
			base:  yiyangFile,
			edits: []string{`execution_rate = "90%"`, `execution_rate = "91%"`},
			want:  []string{"f.toml:14:18: error: funds.execution_rate (执行率): 91%, but 全年执行数 6457.48 ÷ 全年预算数 7167.12 = 90.0986…%, printed as 90%"},
		},
		{
			name:  "预算执行得分 of the seed",
			base:  yiyangFile,
			edits: []string{"score = 9 ", "score = 10 "},
			want:  []string{"f.toml:15:9: error: funds.score (得分): 10, but 分值 10 × 执行率 90.0986…% = 9.0098…, printed as 9"},
		},
		{
			name:  "总分 of the seed",
			base:  yiyangFile,
			edits: []string{"total_score = 98", "total_score = 97"},
			want:  []string{"f.toml:7:15: error: total_score (总分): 97, but 预算执行得分 9 + the 三级指标 得分 89 = 98"},
		},
		{
			name:  "总分 of the seed with an unrounded 预算执行得分",
			base:  yiyangFile,
			edits: []string{"total_score = 98", "total_score = 98.01"},
			want:  []string{"f.toml:7:15: error: total_score (总分): 98.01, but 预算执行得分 9 + the 三级指标 得分 89 = 98"},
		},
		// 179 ÷ 200 = 89.5%: half rounds away from zero, to 90%; 8.95 to 9.
		{name: "89.5% is shown 90%", edits: funds("200", "179", "90%", "9", "99")},
		{
			name:  "89.5% is not 89%",
			edits: funds("200", "179", "89%", "9", "99"),
			want:  []string{"f.toml:9:18: error: funds.execution_rate (执行率): 89%, but 全年执行数 179 ÷ 全年预算数 200 = 89.5%, printed as 90%"},
		},
		// 178.99 ÷ 200 = 89.495%: 89% in one step; rounding to 89.50% first
		// would make it 90%.
		{name: "89.495% is shown 89%", edits: funds("200", "178.99", "89%", "9", "99")},
		{
			name:  "89.495% is not 90%",
			edits: funds("200", "178.99", "90%", "9", "99"),
			want:  []string{"f.toml:9:18: error: funds.execution_rate (执行率): 90%, but 全年执行数 178.99 ÷ 全年预算数 200 = 89.495%, printed as 89%"},
		},
		// 8.449…: 8 in one step, not 8.45 → 8.5 → 9.
		{name: "预算执行得分 8.449 is 8", edits: funds("10000", "8449.99", "84%", "8", "98")},
		{
			name:  "预算执行得分 8.449 is not 9",
			edits: funds("10000", "8449.99", "84%", "9", "98"),
			want:  []string{"f.toml:10:9: error: funds.score (得分): 9, but 分值 10 × 执行率 84.4999% = 8.4499…, printed as 8"},
		},
		{
			name:  "all three wrong",
			edits: funds("300", "100", "34%", "4", "94"),
			want: []string{
				"f.toml:3:15: error: total_score (总分): 94, but 预算执行得分 3 + the 三级指标 得分 90 = 93",
				"f.toml:9:18: error: funds.execution_rate (执行率): 34%, but 全年执行数 100 ÷ 全年预算数 300 = 33.3333…%, printed as 33%",
				"f.toml:10:9: error: funds.score (得分): 4, but 分值 10 × 执行率 33.3333…% = 3.3333…, printed as 3",
			},
		},
		{
			name:  "spent more than the budget",
			edits: funds("100", "110", "110%", "10", "100"),
			want:  []string{"f.toml:7:12: warning: funds.executed (全年执行数): 110 is more than 全年预算数 100; 执行率 counts as 100% for the score"},
		},
		{
			name:  "budget of 0",
			edits: funds("0", "0", "0%", "0", "90"),
			want:  []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): is 0, so 执行率 cannot be computed"},
		},
		{
			name:  "declared figures may be left out",
			edits: []string{"total_score = 100\n", "\n", "execution_rate = \"100%\"\n", "\n", "score = 10\n\n", "\n\n"},
		},
	})
}

// TestHeader: 年度, 预算部门, names, blank_rows.
func TestHeader(t *testing.T) {
	const secondItem = "\n\n[[indicators.groups.items]]\nname = \"%s\"\ntarget = \"合规\"\nactual = \"合规\"\nweight = 0\nscore = 0"
	runCases(t, []ruleCase{
		{name: "year 1999", edits: []string{"year = 2020", "year = 1999"}, want: []string{"f.toml:1:8: error: year (年度): 1999 is not a plausible year; expected 2000 to 2100"}},
		{name: "year 2101", edits: []string{"year = 2020", "year = 2101"}, want: []string{"f.toml:1:8: error: year (年度): 2101 is not a plausible year; expected 2000 to 2100"}},
		{name: "year 0", edits: []string{"year = 2020", "year = 0"}, want: []string{"f.toml:1:8: error: year (年度): 0 is not a plausible year; expected 2000 to 2100"}},
		{name: "year 2000", edits: []string{"year = 2020", "year = 2000"}},
		{name: "year 2100", edits: []string{"year = 2020", "year = 2100"}},
		{name: "department empty", edits: []string{`department = "测试局"`, `department = ""`}, want: []string{"f.toml:2:14: error: department (预算部门): is empty; the form needs the 预算部门"}},
		{name: "department of ideographic spaces", edits: []string{`department = "测试局"`, `department = "　　"`}, want: []string{"f.toml:2:14: error: department (预算部门): is empty; the form needs the 预算部门"}},
		{name: "department trimmed", edits: []string{`department = "测试局"`, `department = " 测试局　"`}},
		{
			name:  "same 三级指标 twice",
			edits: []string{"score = 90", "score = 90" + sprintf(secondItem, "完成率")},
			want:  []string{`f.toml:38:8: warning: indicators[0].groups[0].items[1].name (三级指标): "完成率" is already the name of items[0]`},
		},
		{
			name:  "same 二级指标 twice",
			edits: []string{"score = 90", "score = 90\n\n[[indicators.groups]]\nname = \"数量指标\"\nweight = 0" + sprintf(secondItem, "完成率")},
			want:  []string{`f.toml:38:8: warning: indicators[0].groups[1].name (二级指标): "数量指标" is already the name of groups[0]`},
		},
		{
			name:  "same 三级指标 name in two groups",
			edits: []string{"score = 90", "score = 90\n\n[[indicators.groups]]\nname = \"质量指标\"\nweight = 0" + sprintf(secondItem, "完成率")},
		},
		{name: "blank_rows 0", edits: []string{"weight = 90\n\n[[indicators.groups.items]]", "weight = 90\nblank_rows = 0\n[[indicators.groups.items]]"}},
		{name: "blank_rows 20", edits: []string{"weight = 90\n\n[[indicators.groups.items]]", "weight = 90\nblank_rows = 20\n[[indicators.groups.items]]"}},
		{
			name:  "blank_rows 21",
			edits: []string{"weight = 90\n\n[[indicators.groups.items]]", "weight = 90\nblank_rows = 21\n[[indicators.groups.items]]"},
			want:  []string{"f.toml:29:14: error: indicators[0].groups[0].blank_rows (空白行): 21 is out of range; expected 0 to 20"},
		},
		{
			name:  "blank_rows -1",
			edits: []string{"weight = 90\n\n[[indicators.groups.items]]", "weight = 90\nblank_rows = -1\n[[indicators.groups.items]]"},
			want:  []string{"f.toml:29:14: error: indicators[0].groups[0].blank_rows (空白行): -1 is out of range; expected 0 to 20"},
		},
		{
			name:  "blank_rows as string",
			edits: []string{"weight = 90\n\n[[indicators.groups.items]]", "weight = 90\nblank_rows = \"1\"\n[[indicators.groups.items]]"},
			want:  []string{`f.toml:29:14: error: indicators[0].groups[0].blank_rows (空白行): is a string ("1"); expected an integer`},
		},
	})
}
