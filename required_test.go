package jixiao

import "testing"

// Required fields: each missing one is reported once, at the table that
// should hold it (1:1 for the top level), with the key to write.

func TestRequiredFields(t *testing.T) {
	const item = "[[indicators.groups.items]]\nname = \"完成率\"\ntarget = \"≥90%\"\nactual = \"95%\"\nweight = 90\nscore = 90"
	const group = "[[indicators.groups]]\nname = \"数量指标\"\nweight = 90\n\n" + item
	const indicator = "[[indicators]]\nname = \"产出指标\"\nweight = 90\n\n" + group
	runCases(t, []ruleCase{
		{
			name:  "预算部门",
			edits: []string{"department = \"测试局\"\n", "\n"},
			want:  []string{`f.toml:1:1: error: department (预算部门): missing; expected a string, e.g. department = "益阳市工业和信息化局"`},
		},
		{
			name:  "年度",
			edits: []string{"year = 2020\n", "\n"},
			want:  []string{"f.toml:1:1: error: year (年度): missing; expected an integer, e.g. year = 2020"},
		},
		{
			name:  "年度预算申请",
			edits: []string{"[funds]\nannual_budget = 100\nexecuted = 100\nweight = 10\nexecution_rate = \"100%\"\nscore = 10\n\n[funds.income]\ngeneral_budget = 100\n\n[funds.spending]\nbasic = 100\n", ""},
			want:  []string{"f.toml:1:1: error: funds (年度预算申请（万元）): missing; expected a table [funds]"},
		},
		{
			name:  "全年预算数",
			edits: []string{"annual_budget = 100\n", "\n"},
			want:  []string{"f.toml:5:1: error: funds.annual_budget (全年预算数): missing; expected an amount in 万元 (a number with at most 2 decimals), e.g. annual_budget = 7167.12"},
		},
		{
			name:  "全年执行数",
			edits: []string{"executed = 100\n", "\n"},
			want:  []string{"f.toml:5:1: error: funds.executed (全年执行数): missing; expected an amount in 万元 (a number with at most 2 decimals), e.g. executed = 6457.48"},
		},
		{
			name:  "预算执行率分值",
			edits: []string{"weight = 10\n", "\n"},
			want:  []string{"f.toml:5:1: error: funds.weight (分值): missing; expected a number of points (at most 2 decimals), e.g. weight = 10"},
		},
		{
			name:  "年度总体目标",
			edits: []string{"[goals]\nexpected = \"目标\"\nachieved = \"完成\"\n", "\n\n\n"},
			want:  []string{"f.toml:1:1: error: goals (年度总体目标): missing; expected a table [goals]"},
		},
		{
			name:  "预期目标",
			edits: []string{"expected = \"目标\"\n", "\n"},
			want:  []string{`f.toml:18:1: error: goals.expected (预期目标): missing; expected a string, e.g. expected = """1、……"""`},
		},
		{
			name:  "实际完成情况 empty",
			edits: []string{`achieved = "完成"`, "achieved = \"\"\"\n\u3000\n\"\"\""},
			want:  []string{"f.toml:20:12: error: goals.achieved (实际完成情况): is empty; the form needs the 实际完成情况"},
		},
		{
			name:  "indicators",
			edits: []string{indicator, ""},
			want:  []string{"f.toml:1:1: error: indicators (一级指标): missing; expected an array of tables [[indicators]]"},
		},
		{
			name:  "indicators empty",
			edits: []string{indicator, "", "total_score = 100", "total_score = 100\nindicators = []"},
			want: []string{
				"f.toml:3:15: error: total_score (总分): 100, but 预算执行得分 10 + the 三级指标 得分 0 = 10",
				"f.toml:4:14: error: indicators (一级指标): has no 一级指标",
				"f.toml:9:10: error: funds.weight (分值): 预算执行率 分值 and 一级指标 分值 add up to 10 (10); the form's total is 100",
			},
		},
		{
			name:  "一级指标 name",
			edits: []string{"name = \"产出指标\"\n", ""},
			want:  []string{`f.toml:22:1: error: indicators[0].name (一级指标): missing; expected a string, e.g. name = "产出指标"`},
		},
		{
			name:  "一级指标 weight",
			edits: []string{"[[indicators]]\nname = \"产出指标\"\nweight = 90\n", "[[indicators]]\nname = \"产出指标\"\n\n"},
			want:  []string{"f.toml:22:1: error: indicators[0].weight (分值): missing; expected a number of points (at most 2 decimals), e.g. weight = 50"},
		},
		{
			name:  "groups",
			edits: []string{group, ""},
			want:  []string{"f.toml:22:1: error: indicators[0].groups (二级指标): missing; expected an array of tables [[indicators.groups]]"},
		},
		{
			name:  "groups empty",
			edits: []string{group, "groups = []"},
			want: []string{
				"f.toml:3:15: error: total_score (总分): 100, but 预算执行得分 10 + the 三级指标 得分 0 = 10",
				"f.toml:26:10: error: indicators[0].groups (二级指标): has no 二级指标",
			},
		},
		{
			name:  "二级指标 name",
			edits: []string{"name = \"数量指标\"\n", "\n"},
			want:  []string{`f.toml:26:1: error: indicators[0].groups[0].name (二级指标): missing; expected a string, e.g. name = "数量指标"`},
		},
		{
			name:  "二级指标 weight",
			edits: []string{"name = \"数量指标\"\nweight = 90\n", "name = \"数量指标\"\n\n"},
			want:  []string{"f.toml:26:1: error: indicators[0].groups[0].weight (分值): missing; expected a number of points (at most 2 decimals), e.g. weight = 10"},
		},
		{
			name:  "items",
			edits: []string{item, ""},
			want:  []string{"f.toml:26:1: error: indicators[0].groups[0].items (三级指标): missing; expected an array of tables [[indicators.groups.items]]"},
		},
		{
			name:  "items empty",
			edits: []string{item, "items = []"},
			want: []string{
				"f.toml:3:15: error: total_score (总分): 100, but 预算执行得分 10 + the 三级指标 得分 0 = 10",
				"f.toml:30:9: error: indicators[0].groups[0].items (三级指标): has no 三级指标",
			},
		},
		{
			name:  "三级指标 name",
			edits: []string{"name = \"完成率\"\n", "\n"},
			want:  []string{`f.toml:30:1: error: indicators[0].groups[0].items[0].name (三级指标): missing; expected a string, e.g. name = "工业投资增速"`},
		},
		{
			name:  "年度指标值",
			edits: []string{"target = \"≥90%\"\n", "\n"},
			want:  []string{`f.toml:30:1: error: indicators[0].groups[0].items[0].target (年度指标值): missing; expected a string, e.g. target = "≥90%"`},
		},
		{
			name:  "实际完成值 empty",
			edits: []string{`actual = "95%"`, `actual = " "`},
			want:  []string{"f.toml:33:10: error: indicators[0].groups[0].items[0].actual (实际完成值): is empty; the form needs the 实际完成值"},
		},
		{
			name:  "三级指标 分值",
			edits: []string{"weight = 90\nscore = 90", "score = 90"},
			want:  []string{"f.toml:30:1: error: indicators[0].groups[0].items[0].weight (分值): missing; expected a number of points (at most 2 decimals), e.g. weight = 3"},
		},
		{
			// 总分 is not reported as wrong for want of an 得分.
			name:  "三级指标 得分",
			edits: []string{"weight = 90\nscore = 90", "weight = 90"},
			want:  []string{"f.toml:30:1: error: indicators[0].groups[0].items[0].score (得分): missing; expected a number of points (at most 2 decimals), e.g. score = 3"},
		},
		{
			name:  "optional keys may be left out",
			edits: []string{"total_score = 100\n", "\n", "execution_rate = \"100%\"\n", "\n", "score = 10\n\n", "\n\n"},
		},
	})
}
