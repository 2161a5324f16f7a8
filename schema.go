package jixiao

import (
	"regexp"
	"strings"
)

// Kind is the type of a value in the data file.
type Kind string

// The kinds of value a form file holds.
const (
	KindText    Kind = "string"
	KindInt     Kind = "integer"
	KindAmount  Kind = "amount"  // 万元, ≥ 0, at most 2 decimals
	KindPoints  Kind = "points"  // 分, ≥ 0, at most 2 decimals
	KindPercent Kind = "percent" // a string: "90%", "89.5%", "９０％"
	KindTable   Kind = "table"
	KindTables  Kind = "array of tables"
)

// Field describes one key of the data file. The list below is the single
// source of the keys' labels, types and meaning: the decoder, the messages,
// `jixiao init` and the README's reference all read it.
type Field struct {
	Key      string // generic path, without indices: indicators.groups.items.score
	Label    string // the form's own label
	Kind     Kind
	Required bool
	Doc      string
	Example  string // a value as written in TOML, for messages and the reference
}

// Fields lists every key of the data file in the order a file writes them.
var Fields = []Field{
	{"year", "年度", KindInt, true, "The year the form reports on (2000–2100).", "2020"},
	{"department", "预算部门", KindText, true, "The department's full name.", `"益阳市工业和信息化局"`},
	{"total_score", "总分", KindPoints, false, "总分 as the department declares it; checked against the computed total.", "98"},
	{"funds", "年度预算申请（万元）", KindTable, true, "The budget block; all amounts in 万元 with at most 2 decimals.", ""},
	{"funds.initial_budget", "年初预算数", KindAmount, false, "Budget at the start of the year.", "1758.17"},
	{"funds.annual_budget", "全年预算数", KindAmount, true, "Budget for the whole year, adjustments included.", "7167.12"},
	{"funds.executed", "全年执行数", KindAmount, true, "Money actually spent in the year.", "6457.48"},
	{"funds.weight", "分值", KindPoints, true, "Weight of 预算执行率 (usually 10).", "10"},
	{"funds.execution_rate", "执行率", KindPercent, false, "执行率 as declared; checked against 全年执行数 ÷ 全年预算数.", `"90%"`},
	{"funds.score", "得分", KindPoints, false, "得分 of 预算执行率 as declared; checked against 分值 × 执行率.", "9"},
	{"funds.income", "按收入性质分", KindTable, true, "全年预算数 by source; the parts must add up to it.", ""},
	{"funds.income.general_budget", "一般公共预算", KindAmount, false, "General public budget.", "6341.72"},
	{"funds.income.government_fund", "政府性基金拨款", KindAmount, false, "Government fund allocations.", "735"},
	{"funds.income.special_account", "纳入专户管理的非税收入拨款", KindAmount, false, "Non-tax income managed in special accounts.", "0"},
	{"funds.income.other", "其他资金", KindAmount, false, "Other funds.", "90.40"},
	{"funds.spending", "按支出性质分", KindTable, true, "全年执行数 by use; the parts must add up to it.", ""},
	{"funds.spending.basic", "基本支出", KindAmount, false, "Basic expenditure (staff and running costs).", "2136.77"},
	{"funds.spending.project", "项目支出", KindAmount, false, "Project expenditure.", "4320.71"},
	{"goals", "年度总体目标", KindTable, true, "The year's overall goals.", ""},
	{"goals.expected", "预期目标", KindText, true, "Goals set at the start of the year.", `"""1、……"""`},
	{"goals.achieved", "实际完成情况", KindText, true, "What was achieved.", `"""1、……"""`},
	{"indicators", "一级指标", KindTables, true, "The indicator tree, in print order: [[indicators]] per 一级指标.", ""},
	{"indicators.name", "一级指标", KindText, true, "Name, e.g. 产出指标.", `"产出指标"`},
	{"indicators.weight", "分值", KindPoints, true, "Weight; the sum of its 二级指标' weights.", "50"},
	{"indicators.groups", "二级指标", KindTables, true, "[[indicators.groups]] per 二级指标.", ""},
	{"indicators.groups.name", "二级指标", KindText, true, "Name, e.g. 数量指标.", `"数量指标"`},
	{"indicators.groups.weight", "分值", KindPoints, true, "Weight; the sum of its 三级指标' weights.", "10"},
	{"indicators.groups.blank_rows", "空白行", KindInt, false, "Empty rows printed after the group's indicators, as on the paper form.", "1"},
	{"indicators.groups.items", "三级指标", KindTables, true, "[[indicators.groups.items]] per 三级指标, one row each.", ""},
	{"indicators.groups.items.name", "三级指标", KindText, true, "Name; the form prints it after 指标N：.", `"工业投资增速"`},
	{"indicators.groups.items.target", "年度指标值", KindText, true, "Target: a text, or a number like ≥90%, ≤100%, <100%, 100%, 30个.", `"≥90%"`},
	{"indicators.groups.items.actual", "实际完成值", KindText, true, "What was achieved, in the same unit as the target.", `"97%"`},
	{"indicators.groups.items.weight", "分值", KindPoints, true, "Weight.", "3"},
	{"indicators.groups.items.score", "得分", KindPoints, true, "Score, 0 to 分值.", "3"},
	{"indicators.groups.items.deviation", "偏差原因分析及改进措施", KindText, false, "Why the target was missed and what will be done; required when 得分 < 分值.", `"……"`},
	{"indicators.groups.items.kind", "指标类型", KindText, false, "定量 or 定性, when the target's form does not tell.", `"定性"`},
	{"indicators.groups.items.band", "达成情况", KindText, false, "For 定性 indicators: 达成, 部分达成 or 未达成; 得分 must lie in its band.", `"达成"`},
}

var fieldByKey = func() map[string]Field {
	m := make(map[string]Field, len(Fields))
	for _, f := range Fields {
		m[f.Key] = f
	}
	return m
}()

var indexRE = regexp.MustCompile(`\[\d+\]`)

// genericPath drops array indices: indicators[0].groups[2].score →
// indicators.groups.score.
func genericPath(path string) string { return indexRE.ReplaceAllString(path, "") }

// labelOf returns the form's label for a value's path.
func labelOf(path string) string {
	g := genericPath(path)
	if f, ok := fieldByKey[g]; ok {
		return f.Label
	}
	return ""
}

// childFields lists the keys directly under a generic table path.
func childFields(table string) []Field {
	var out []Field
	for _, f := range Fields {
		parent := ""
		if i := strings.LastIndexByte(f.Key, '.'); i >= 0 {
			parent = f.Key[:i]
		}
		if parent == table {
			out = append(out, f)
		}
	}
	return out
}

// lastKey returns the final key of a generic path.
func lastKey(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}

// LabelOf returns the form's own label for a value's path, e.g. 得分 for
// indicators[0].groups[2].items[1].score; "" for a path the form lacks.
func LabelOf(path string) string { return labelOf(path) }
