package jixiao

import "testing"

// Amounts and points: ≥ 0, at most 2 decimals, finite, not too large.

func TestAmounts(t *testing.T) {
	const what = "expected an amount in 万元 (a number with at most 2 decimals)"
	budget := func(v string) []string { return []string{"annual_budget = 100", "annual_budget = " + v} }
	runCases(t, []ruleCase{
		{name: "negative", edits: budget("-100"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): -100 is negative; expected 0 or more"}},
		{name: "negative float", edits: budget("-0.01"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): -0.01 is negative; expected 0 or more"}},
		{name: "3 decimals", edits: budget("99.999"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 99.999 has more than 2 decimals; " + what}},
		{name: "3 decimals in an exponent", edits: budget("1.2345e1"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 1.2345e1 has more than 2 decimals; " + what}},
		{name: "nan", edits: budget("nan"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): nan is not a finite number; " + what}},
		{name: "+nan", edits: budget("+nan"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): +nan is not a finite number; " + what}},
		{name: "inf", edits: budget("inf"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): inf is not a finite number; " + what}},
		{name: "-inf", edits: budget("-inf"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): -inf is not a finite number; " + what}},
		{name: "too large integer", edits: budget("100000000001"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 100000000001 is too large"}},
		{name: "too large float", edits: budget("1e12"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 1e12 is too large"}},
		{name: "too large with decimals", edits: budget("100000000000.5"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 100000000000.5 is too large"}},
		{name: "tiny float", edits: budget("1e-300"), want: []string{"f.toml:6:17: error: funds.annual_budget (全年预算数): 1e-300 has more than 2 decimals; " + what}},
		// Accepted spellings of 100.
		{name: "trailing zeros", edits: budget("100.000")},
		{name: "exponent", edits: budget("1e2")},
		{name: "underscores", edits: budget("1_00")},
		{name: "plus sign", edits: budget("+100")},
		{name: "hexadecimal", edits: budget("0x64")},
		{
			name:  "points with 3 decimals",
			edits: []string{"weight = 90\nscore = 90", "weight = 90\nscore = 89.999"},
			want:  []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): 89.999 has more than 2 decimals; expected a number of points (at most 2 decimals)"},
		},
		{
			name:  "negative points",
			edits: []string{"weight = 90\nscore = 90", "weight = 90\nscore = -1"},
			want:  []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): -1 is negative; expected 0 or more"},
		},
		{
			name:  "percent with 3 decimals",
			edits: []string{`execution_rate = "100%"`, `execution_rate = "99.999%"`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): 99.999% has more than 2 decimals; expected a percentage such as "90%"`},
		},
		{
			name:  "negative percent",
			edits: []string{`execution_rate = "100%"`, `execution_rate = "-5%"`},
			want:  []string{"f.toml:9:18: error: funds.execution_rate (执行率): -5% is negative; expected 0 or more"},
		},
		{
			name:  "amount in full-width digits",
			edits: budget(`"１００．００"`),
			want:  []string{`f.toml:6:17: error: funds.annual_budget (全年预算数): is a string ("１００．００"); write the number without quotes: 100.00`},
		},
		{name: "percent in full-width digits", edits: []string{`execution_rate = "100%"`, `execution_rate = "１００％"`}},
		{name: "percent with a full-width point", edits: []string{`execution_rate = "100%"`, `execution_rate = "１００．００％"`}},
		{name: "percent with a small ﹪", edits: []string{`execution_rate = "100%"`, `execution_rate = "100﹪"`}},
		{
			// The message quotes the figure as the file wrote it.
			name:  "full-width percent that differs",
			edits: []string{`execution_rate = "100%"`, `execution_rate = "９６％"`},
			want:  []string{"f.toml:9:18: error: funds.execution_rate (执行率): ９６％, but 全年执行数 100 ÷ 全年预算数 100 = 100%"},
		},
		{
			name:  "percent as a ratio",
			edits: []string{`execution_rate = "100%"`, `execution_rate = 0.96`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): is a float (0.96); write the percentage in quotes: "96%"`},
		},
		{
			name:  "percent as a number of percent",
			edits: []string{`execution_rate = "100%"`, `execution_rate = 96.5`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): is a float (96.5); write the percentage in quotes: "96.5%"`},
		},
		{
			name:  "percent as 1",
			edits: []string{`execution_rate = "100%"`, `execution_rate = 1`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): is an integer (1); write the percentage in quotes: "100%"`},
		},
		{
			name:  "percent as inf",
			edits: []string{`execution_rate = "100%"`, `execution_rate = inf`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): inf is not a finite number; expected a percentage such as "90%"`},
		},
	})
}

// TestSplits: the 按收入性质分 parts add up to 全年预算数 and the 按支出性质分
// parts to 全年执行数, exactly in 0.01 万元 (see also money_test.go).
func TestSplits(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "income short by a cent",
			edits: []string{"general_budget = 100", "general_budget = 99.99"},
			want:  []string{"f.toml:12:1: error: funds.income (按收入性质分): parts add up to 99.99 (99.99), not 全年预算数 100; they differ by 0.01"},
		},
		{
			name:  "income over by a cent",
			edits: []string{"general_budget = 100", "general_budget = 60\nother = 40.01"},
			want:  []string{"f.toml:12:1: error: funds.income (按收入性质分): parts add up to 100.01 (60 + 40.01), not 全年预算数 100; they differ by -0.01"},
		},
		{
			name:  "income of four parts",
			edits: []string{"general_budget = 100", "general_budget = 60.5\ngovernment_fund = 20.25\nspecial_account = 9.25\nother = 10"},
		},
		{
			name:  "income empty",
			edits: []string{"general_budget = 100\n", "\n"},
			want:  []string{"f.toml:12:1: error: funds.income (按收入性质分): is empty; its parts must add up to 全年预算数 100"},
		},
		{
			name:  "income left out",
			edits: []string{"[funds.income]\ngeneral_budget = 100\n", "\n\n"},
			want:  []string{"f.toml:5:1: error: funds.income (按收入性质分): missing; expected a table [funds.income]"},
		},
		{
			name:  "spending short",
			edits: []string{"basic = 100", "basic = 60\nproject = 39.98"},
			want:  []string{"f.toml:15:1: error: funds.spending (按支出性质分): parts add up to 99.98 (60 + 39.98), not 全年执行数 100; they differ by 0.02"},
		},
		{
			name:  "spending as an inline table",
			edits: []string{"[funds.spending]\nbasic = 100\n", "\n\n", "score = 10\n", "score = 10\nspending = { basic = 60, project = 40.5 }\n"},
			want:  []string{"f.toml:11:12: error: funds.spending (按支出性质分): parts add up to 100.5 (60 + 40.5), not 全年执行数 100; they differ by -0.5"},
		},
		{
			name:  "the seed's split",
			base:  yiyangFile,
			edits: []string{"other = 90.40", "other = 90.39"},
			want:  []string{"f.toml:17:1: error: funds.income (按收入性质分): parts add up to 7167.11 (6341.72 + 735 + 90.39), not 全年预算数 7167.12; they differ by 0.01"},
		},
		{
			name:  "a part that is not a number is reported once",
			edits: []string{"basic = 100", `basic = "100"`},
			want:  []string{`f.toml:16:9: error: funds.spending.basic (基本支出): is a string ("100"); expected an amount in 万元 (a number with at most 2 decimals) without quotes`},
		},
	})
}

// TestWeights: each 二级 分值 is the sum of its 三级, each 一级 the sum of
// its 二级, and 预算执行率 分值 + all 一级 = 100.
func TestWeights(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "二级 is not the sum of its 三级",
			edits: []string{"name = \"数量指标\"\nweight = 90", "name = \"数量指标\"\nweight = 80"},
			want: []string{
				"f.toml:24:10: error: indicators[0].weight (分值): 90 is not the sum of its 二级指标 分值 (80 = 80)",
				"f.toml:28:10: error: indicators[0].groups[0].weight (分值): 80 is not the sum of its 三级指标 分值 (90 = 90)",
			},
		},
		{
			name:  "一级 is not the sum of its 二级",
			edits: []string{"name = \"产出指标\"\nweight = 90", "name = \"产出指标\"\nweight = 80"},
			want: []string{
				"f.toml:8:10: error: funds.weight (分值): 预算执行率 分值 and 一级指标 分值 add up to 90 (10 + 80); the form's total is 100",
				"f.toml:24:10: error: indicators[0].weight (分值): 80 is not the sum of its 二级指标 分值 (90 = 90)",
			},
		},
		{
			name:  "the total is not 100",
			edits: []string{"weight = 10\n", "weight = 20\n", "score = 10\n", "score = 20\n", "total_score = 100", "total_score = 110"},
			want:  []string{"f.toml:8:10: error: funds.weight (分值): 预算执行率 分值 and 一级指标 分值 add up to 110 (20 + 90); the form's total is 100"},
		},
		{
			name:  "the seed's sums",
			base:  yiyangFile,
			edits: []string{"name = \"数量指标\"\n  weight = 10", "name = \"数量指标\"\n  weight = 11"},
			want: []string{
				"f.toml:41:10: error: indicators[0].weight (分值): 50 is not the sum of its 二级指标 分值 (11 + 20 + 10 + 10 = 51)",
				"f.toml:45:12: error: indicators[0].groups[0].weight (分值): 11 is not the sum of its 三级指标 分值 (3 + 3 + 4 = 10)",
			},
		},
		{
			name:  "decimal weights add up exactly",
			edits: []string{"weight = 10\n", "weight = 9.99\n", "score = 10\n", "score = 9.99\n", "total_score = 100", "total_score = 99.99", "name = \"产出指标\"\nweight = 90", "name = \"产出指标\"\nweight = 90.01", "name = \"数量指标\"\nweight = 90", "name = \"数量指标\"\nweight = 90.01", "weight = 90\nscore = 90", "weight = 90.01\nscore = 90.01"},
			want: []string{
				// 9.99 is the exact 预算执行得分; the form adds the printed 10.
				"f.toml:3:15: error: total_score (总分): 99.99, but 预算执行得分 10 + the 三级指标 得分 90.01 = 100.01, printed as 100",
			},
		},
	})
}

// TestFigureText: a figure prints as the file wrote it, within the form's
// rule: at most two decimals, and no sign on zero.
func TestFigureText(t *testing.T) {
	for _, c := range []struct{ written, printed string }{
		{"90.40", "90.40"},
		{"735", "735"},
		{"238.450", "238.45"},
		{"238.4500", "238.45"},
		{"100.000", "100.00"},
		{"-0", "0"},
		{"-0.0", "0.0"},
		{"+0.00", "0.00"},
		{"1_000.5", "1000.5"},
		{"1e2", "100"},
		{"0x64", "100"},
	} {
		t.Run(c.written, func(t *testing.T) {
			src := edit(t, readFile(t, minimalFile), "[funds.income]\n", "[funds.income]\nspecial_account = "+c.written+"\n")
			r, problems := Decode("f.toml", []byte(src), form2020)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if got := r.Value("funds.income.special_account").Text; got != c.printed {
				t.Errorf("%s prints as %q; want %q", c.written, got, c.printed)
			}
		})
	}
}
