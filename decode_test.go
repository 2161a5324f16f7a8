package jixiao

import (
	"strings"
	"testing"
)

// Problems Decode finds: the file, TOML syntax, keys and types.

func TestSyntaxErrors(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "garbage after a value, column in characters",
			edits: []string{`department = "测试局"`, `department = "测试局" x`},
			want:  []string{"f.toml:2:19: error: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"},
		},
		{
			name:  "unterminated string",
			edits: []string{`department = "测试局"`, `department = "测试局`},
			want:  []string{`f.toml:2:14: error: TOML syntax: this string has no closing quote; end it with " on the same line (or use """ for text over several lines)`},
		},
		{
			name:  "missing value",
			edits: []string{"weight = 10\n", "weight =\n"},
			want:  []string{"f.toml:8:9: error: TOML syntax: expected value but found '\\n' instead"},
		},
		{
			name:  "key repeated",
			edits: []string{"executed = 100\n", "executed = 100\nexecuted = 90\n"},
			want:  []string{"f.toml:8:1: error: TOML syntax: Key 'funds.executed' has already been defined."},
		},
		{
			name:  "table repeated",
			edits: []string{"[goals]", "[funds]"},
			want:  []string{"f.toml:18:2: error: TOML syntax: Key 'funds' has already been defined."},
		},
		{
			name:  "unclosed header",
			edits: []string{"[[indicators]]", "[[indicators]"},
			want:  []string{"f.toml:22:13: error: TOML syntax: expected end of table array name delimiter ']', but got '\\n' instead"},
		},
		{
			name:  "table where an array of tables was",
			edits: []string{"[[indicators.groups]]", "[indicators.groups]\n[[indicators.groups]]"},
			want:  []string{"f.toml:27:3: error: TOML syntax: Key 'indicators.groups' was already created and cannot be used as an array."},
		},
		{
			name:  "invalid escape after Chinese text",
			edits: []string{`expected = "目标"`, `expected = "目标\q"`},
			want:  []string{`f.toml:19:13: error: TOML syntax: invalid escape in string '\q'`},
		},
		{
			name: "CRLF line endings",
			src:  strings.ReplaceAll(strings.Replace(readFile(t, minimalFile), `"测试局"`, `"测试局" x`, 1), "\n", "\r\n"),
			want: []string{"f.toml:2:19: error: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"},
		},
		{
			name: "BOM",
			src:  "\ufeffyear = 2020 2021\n",
			want: []string{"f.toml:1:12: error: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got '2' instead"},
		},
	})
}

func TestFileProblems(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "empty", src: "", want: []string{"f.toml:1:1: error: the file is empty; `jixiao init` writes a form to fill in"}},
		{name: "blank", src: " \n\t\r\n  \n", want: []string{"f.toml:1:1: error: the file is empty; `jixiao init` writes a form to fill in"}},
		{name: "only a BOM", src: "\ufeff\n", want: []string{"f.toml:1:1: error: the file is empty; `jixiao init` writes a form to fill in"}},
		{
			name:  "not UTF-8",
			edits: []string{`"测试局"`, "\"测试\xff局\""},
			want:  []string{"f.toml:2:17: error: not UTF-8 text (byte 0xFF); save the file as UTF-8"},
		},
		{
			name:  "GBK",
			edits: []string{`"测试局"`, "\"\xb2\xe2\xca\xd4\xbe\xd6\""},
			want:  []string{"f.toml:2:15: error: not UTF-8 text (byte 0xB2); save the file as UTF-8"},
		},
		{
			name: "UTF-16",
			src:  "\xff\xfey\x00e\x00a\x00r\x00",
			want: []string{"f.toml:1:1: error: not UTF-8 text (byte 0xFF); save the file as UTF-8"},
		},
		{
			name: "NUL byte",
			src:  "year = 2020\x00\n",
			want: []string{"f.toml:1:11: error: TOML syntax: TOML files cannot contain control characters: '0x00'"},
		},
		{
			name: "only comments",
			src:  "# 附件2\n",
			want: []string{
				`f.toml:1:1: error: department (预算部门): missing; expected a string, e.g. department = "益阳市工业和信息化局"`,
				"f.toml:1:1: error: year (年度): missing; expected an integer, e.g. year = 2020",
				"f.toml:1:1: error: funds (年度预算申请（万元）): missing; expected a table [funds]",
				"f.toml:1:1: error: goals (年度总体目标): missing; expected a table [goals]",
				"f.toml:1:1: error: indicators (一级指标): missing; expected an array of tables [[indicators]]",
			},
		},
	})
}

func TestUnknownKeys(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "swapped letters",
			edits: []string{"year = 2020", "yaer = 2020"},
			want: []string{
				"f.toml:1:1: error: year (年度): missing; expected an integer, e.g. year = 2020",
				`f.toml:1:8: error: yaer: unknown key "yaer"; did you mean "year"?`,
			},
		},
		{
			name:  "in funds",
			edits: []string{"annual_budget = 100", "anual_budget = 100"},
			want: []string{
				"f.toml:5:1: error: funds.annual_budget (全年预算数): missing; expected an amount in 万元 (a number with at most 2 decimals), e.g. annual_budget = 7167.12",
				`f.toml:6:16: error: funds.anual_budget: unknown key "anual_budget"; did you mean "annual_budget"?`,
			},
		},
		{
			name:  "in income",
			edits: []string{"general_budget = 100", "genral_budget = 100"},
			// The mistyped part is the reason funds.income adds up to nothing:
			// that is not reported twice.
			want: []string{`f.toml:13:17: error: funds.income.genral_budget: unknown key "genral_budget"; did you mean "general_budget"?`},
		},
		{
			name:  "in an item",
			edits: []string{"score = 90", "score = 90\ndeviaton = \"原因\""},
			want:  []string{`f.toml:36:12: error: indicators[0].groups[0].items[0].deviaton: unknown key "deviaton"; did you mean "deviation"?`},
		},
		{
			name:  "in an item, with a wrong 总分",
			edits: []string{"score = 90", "score = 90\ndeviaton = \"原因\"", "total_score = 100", "total_score = 99"},
			want: []string{
				"f.toml:3:15: error: total_score (总分): 99, but 预算执行得分 10 + the 三级指标 得分 90 = 100",
				`f.toml:36:12: error: indicators[0].groups[0].items[0].deviaton: unknown key "deviaton"; did you mean "deviation"?`,
			},
		},
		{
			name:  "a table header",
			edits: []string{"[goals]", "[goalz]"},
			want: []string{
				"f.toml:1:1: error: goals (年度总体目标): missing; expected a table [goals]",
				`f.toml:18:1: error: goalz: unknown key "goalz"; did you mean "goals"?`,
			},
		},
		{
			name:  "an array of tables",
			edits: []string{"[[indicators.groups.items]]", "[[indicators.groups.item]]"},
			want: []string{
				"f.toml:26:1: error: indicators[0].groups[0].items (三级指标): missing; expected an array of tables [[indicators.groups.items]]",
				`f.toml:30:1: error: indicators[0].groups[0].item: unknown key "item"; did you mean "items"?`,
			},
		},
		{
			name:  "nothing close",
			edits: []string{"year = 2020", "year = 2020\nremark = \"备注\""},
			want:  []string{`f.toml:2:10: error: remark: unknown key "remark"; expected one of [year department total_score funds goals indicators]`},
		},
		{
			name:  "quoted key with a dot",
			edits: []string{"year = 2020", "year = 2020\n\"a.b\" = 1"},
			want:  []string{`f.toml:2:9: error: "a.b": unknown key "a.b"; expected one of [year department total_score funds goals indicators]`},
		},
		{
			name:  "Chinese key",
			edits: []string{"year = 2020", "year = 2020\n\"年度\" = 2020"},
			want:  []string{`f.toml:2:8: error: "年度": unknown key "年度"; expected one of [year department total_score funds goals indicators]`},
		},
		{
			name:  "under a value that is no table",
			edits: []string{"[funds.income]\ngeneral_budget = 100", "[funds.income.general_budget]\nx = 1"},
			want:  []string{"f.toml:12:1: error: funds.income.general_budget (一般公共预算): is a table; expected an amount in 万元 (a number with at most 2 decimals)"},
		},
	})
}

func TestWrongTypes(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "year as string",
			edits: []string{"year = 2020", `year = "2020"`},
			want:  []string{`f.toml:1:8: error: year (年度): is a string ("2020"); expected an integer`},
		},
		{
			name:  "year as float",
			edits: []string{"year = 2020", "year = 2020.0"},
			want:  []string{"f.toml:1:8: error: year (年度): is a float (2020); expected an integer"},
		},
		{
			name:  "year too large",
			edits: []string{"year = 2020", "year = 99999999999"},
			want:  []string{"f.toml:1:8: error: year (年度): 99999999999 is out of range"},
		},
		{
			name:  "amount as string",
			edits: []string{"annual_budget = 100", `annual_budget = "100"`},
			want:  []string{`f.toml:6:17: error: funds.annual_budget (全年预算数): is a string ("100"); expected an amount in 万元 (a number with at most 2 decimals) without quotes`},
		},
		{
			name:  "points as boolean",
			edits: []string{"score = 90", "score = true"},
			want:  []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): is a boolean (true); expected a number of points (at most 2 decimals)"},
		},
		{
			name:  "points as date",
			edits: []string{"score = 90", "score = 2020-12-31"},
			want:  []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): is a date or time; expected a number of points (at most 2 decimals)"},
		},
		{
			name:  "percent without %",
			edits: []string{`execution_rate = "100%"`, `execution_rate = "100"`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): "100" is not a percentage; expected a number followed by %, e.g. "90%"`},
		},
		{
			name:  "percent as number",
			edits: []string{`execution_rate = "100%"`, `execution_rate = 100`},
			want:  []string{`f.toml:9:18: error: funds.execution_rate (执行率): is an integer (100); write the percentage in quotes: "100%"`},
		},
		{
			name:  "full-width percent sign",
			edits: []string{`execution_rate = "100%"`, `execution_rate = "100％"`},
		},
		{
			name:  "text as number",
			edits: []string{`name = "完成率"`, "name = 5"},
			want:  []string{"f.toml:31:8: error: indicators[0].groups[0].items[0].name (三级指标): is an integer (5); expected a string (put the text in quotes)"},
		},
		{
			name:  "text as array",
			edits: []string{`department = "测试局"`, `department = ["测试局"]`},
			want:  []string{"f.toml:2:14: error: department (预算部门): is an array; expected a string (put the text in quotes)"},
		},
		{
			name:  "table as value",
			edits: []string{"total_score = 100", "total_score = 100\ngoals = \"目标\"", "[goals]\nexpected = \"目标\"\nachieved = \"完成\"\n", ""},
			want:  []string{`f.toml:4:9: error: goals (年度总体目标): is a string ("目标"); expected a table ([goals])`},
		},
		{
			name:  "income as value",
			edits: []string{"[funds.income]\ngeneral_budget = 100", "[funds.incomes]\ngeneral_budget = 100", "score = 10\n\n", "score = 10\nincome = 100\n\n"},
			want: []string{
				`f.toml:11:10: error: funds.income (按收入性质分): is an integer (100); expected a table ([funds.income])`,
				`f.toml:13:1: error: funds.incomes: unknown key "incomes"; did you mean "income"?`,
			},
		},
		{
			name:  "array of tables as table",
			edits: []string{"[[indicators.groups.items]]", "[indicators.groups.items]"},
			want:  []string{"f.toml:30:1: error: indicators[0].groups[0].items (三级指标): is a table; expected an array of tables ([[indicators.groups.items]])"},
		},
		{
			name:  "indicators as table",
			edits: []string{"[[indicators]]", "[indicators]"},
			want:  []string{"f.toml:22:1: error: indicators (一级指标): is a table; expected an array of tables ([[indicators]])"},
		},
		{
			name:  "groups as value",
			edits: []string{"[[indicators.groups]]\nname = \"数量指标\"\nweight = 90\n\n[[indicators.groups.items]]\nname = \"完成率\"\ntarget = \"≥90%\"\nactual = \"95%\"\nweight = 90\nscore = 90", "groups = 5"},
			want:  []string{"f.toml:26:10: error: indicators[0].groups (二级指标): is an integer (5); expected an array of tables ([[indicators.groups]])"},
		},
		{
			name:  "array holding a number",
			edits: []string{"[[indicators.groups.items]]\nname = \"完成率\"\ntarget = \"≥90%\"\nactual = \"95%\"\nweight = 90\nscore = 90", "items = [1, 2]"},
			want:  []string{"f.toml:30:9: error: indicators[0].groups[0].items (三级指标): holds an integer (1); expected tables ([[indicators.groups.items]])"},
		},
		{
			name:  "array of inline tables is fine",
			edits: []string{"[[indicators.groups.items]]\nname = \"完成率\"\ntarget = \"≥90%\"\nactual = \"95%\"\nweight = 90\nscore = 90", `items = [{ name = "完成率", target = "≥90%", actual = "95%", weight = 90, score = 90 }]`},
		},
	})
}
