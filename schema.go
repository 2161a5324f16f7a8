package jixiao

import (
	"regexp"
	"strings"
)

// Kind is the type of a value in the data file.
type Kind string

// The kinds of value a form file holds; a spec's `type` names one.
const (
	KindText    Kind = "text"
	KindInt     Kind = "integer"
	KindAmount  Kind = "amount"  // in the form's unit, ≥ 0, at most 2 decimals
	KindPoints  Kind = "points"  // 分, ≥ 0, at most 2 decimals
	KindPercent Kind = "percent" // a string: "90%", "89.5%", "９０％"
	KindTable   Kind = "table"
	KindTables  Kind = "array of tables"
)

// kinds are the types a spec's field may have.
var kinds = []Kind{KindText, KindInt, KindAmount, KindPoints, KindPercent, KindTable}

// IsFigure tells whether values of the kind are numbers kept as Figures.
func (k Kind) IsFigure() bool { return k == KindAmount || k == KindPoints || k == KindPercent }

// Field describes one key of the data file: the form's spec declares its
// header fields; the indicator tree's are below. The decoder, the messages,
// `jixiao init` and the README's reference all read them.
type Field struct {
	Key      string `toml:"key"`   // generic path, without indices: indicators.groups.items.score
	Label    string `toml:"label"` // the form's own label
	Kind     Kind   `toml:"type"`
	Required bool   `toml:"required"`
	Doc      string `toml:"doc"`
	Example  string `toml:"example"` // a value as written in TOML, for messages and the reference
	Role     string `toml:"role"`    // what the program must know of it: RoleBudget…
}

// FormKey is the key by which a data file names its form.
const FormKey = "form"

// metaFields are the keys every data file may have whatever its form.
var metaFields = []Field{
	{Key: FormKey, Label: "表样", Kind: KindText, Doc: "The form this file fills in, by its name in `jixiao template --list`; the default is the 2020 附件2.", Example: `"部门整体支出-湖南-2020"`},
}

// indicatorFields are the indicator tree's keys: the same for every form,
// as its typed model and scoring are.
var indicatorFields = []Field{
	{"indicators", "一级指标", KindTables, true, "The indicator tree, in print order: [[indicators]] per 一级指标.", "", ""},
	{"indicators.name", "一级指标", KindText, true, "Name, e.g. 产出指标.", `"产出指标"`, ""},
	{"indicators.weight", "分值", KindPoints, true, "Weight; the sum of its 二级指标' weights.", "50", ""},
	{"indicators.groups", "二级指标", KindTables, true, "[[indicators.groups]] per 二级指标.", "", ""},
	{"indicators.groups.name", "二级指标", KindText, true, "Name, e.g. 数量指标.", `"数量指标"`, ""},
	{"indicators.groups.weight", "分值", KindPoints, true, "Weight; the sum of its 三级指标' weights.", "10", ""},
	{"indicators.groups.blank_rows", "空白行", KindInt, false, "Empty rows printed after the group's indicators, as on the paper form.", "1", ""},
	{"indicators.groups.items", "三级指标", KindTables, true, "[[indicators.groups.items]] per 三级指标, one row each.", "", ""},
	{"indicators.groups.items.name", "三级指标", KindText, true, "Name; the form prints it after 指标N：.", `"工业投资增速"`, ""},
	{"indicators.groups.items.target", "年度指标值", KindText, true, "Target: a text, or a number like ≥90%, ≤100%, <100%, 100%, 30个.", `"≥90%"`, ""},
	{"indicators.groups.items.actual", "实际完成值", KindText, true, "What was achieved, in the same unit as the target.", `"97%"`, ""},
	{"indicators.groups.items.weight", "分值", KindPoints, true, "Weight.", "3", ""},
	{"indicators.groups.items.score", "得分", KindPoints, true, "Score, 0 to 分值.", "3", ""},
	{"indicators.groups.items.deviation", "偏差原因分析及改进措施", KindText, false, "Why the target was missed and what will be done; required when 得分 < 分值.", `"……"`, ""},
	{"indicators.groups.items.kind", "指标类型", KindText, false, "定量 or 定性, when the target's form does not tell.", `"定性"`, ""},
	{"indicators.groups.items.band", "达成情况", KindText, false, "For 定性 indicators: 达成, 部分达成 or 未达成; 得分 must lie in its band.", `"达成"`, ""},
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// genericPath drops array indices: indicators[0].groups[2].score →
// indicators.groups.score.
func genericPath(path string) string { return indexRE.ReplaceAllString(path, "") }

// lastKey returns the final key of a generic path.
func lastKey(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}
