// Package jixiao is the domain of a department's yearly performance
// self-evaluation (部门整体支出绩效自评表, 附件2): the Report model, decoding
// it from TOML, validating it, and scoring it by the official rules.
//
// It knows nothing of fonts, pages or files on disk: Decode takes bytes,
// Validate and Score take a Report.
package jixiao

// Report is one filled-in form, as the department declares it.
type Report struct {
	Year       int    // 年度
	Department string // 预算部门
	Funds      Funds  // 年度预算申请（万元）
	Goals      Goals  // 年度总体目标
	Indicators []Indicator
	TotalScore Figure // 总分, as declared

	src    sourceMap       // where each value stands in the file
	failed map[string]bool // paths Decode reported; Validate says no more of them
}

// Funds is the block 年度预算申请（万元）.
type Funds struct {
	InitialBudget Figure   // 年初预算数
	AnnualBudget  Figure   // 全年预算数
	Executed      Figure   // 全年执行数
	Weight        Figure   // 分值 of 预算执行率
	Rate          Figure   // 执行率 as declared, in percent
	Score         Figure   // 得分 of 预算执行率, as declared
	Income        Income   // 按收入性质分
	Spending      Spending // 按支出性质分
}

// Income splits 全年预算数 by the nature of the money (按收入性质分).
type Income struct {
	GeneralBudget  Figure // 一般公共预算
	GovernmentFund Figure // 政府性基金拨款
	SpecialAccount Figure // 纳入专户管理的非税收入拨款
	Other          Figure // 其他资金
}

// Parts returns the parts in the order the form prints them.
func (in Income) Parts() []Figure {
	return []Figure{in.GeneralBudget, in.GovernmentFund, in.SpecialAccount, in.Other}
}

// Spending splits 全年执行数 by the nature of the spending (按支出性质分).
type Spending struct {
	Basic   Figure // 基本支出
	Project Figure // 项目支出
}

// Parts returns the parts in the order the form prints them.
func (sp Spending) Parts() []Figure { return []Figure{sp.Basic, sp.Project} }

// Goals is the block 年度总体目标.
type Goals struct {
	Expected string // 预期目标
	Achieved string // 实际完成情况
}

// Indicator is a 一级指标 (产出指标, 效益指标, 满意度指标...).
type Indicator struct {
	Name   string
	Weight Figure // 分值, printed as （50分）
	Groups []Group
}

// Group is a 二级指标 (数量指标, 质量指标...).
type Group struct {
	Name      string
	Weight    Figure
	Items     []Item
	BlankRows int // empty rows printed after the items, as paper forms leave them
}

// Item is a 三级指标: one row of the indicator table.
type Item struct {
	Name      string // printed after 指标N：
	Target    string // 年度指标值
	Actual    string // 实际完成值
	Weight    Figure // 分值
	Score     Figure // 得分
	Deviation string // 偏差原因分析及改进措施
	Kind      string // "", 定量 or 定性: overrides telling them apart by the target's form
	Band      string // for qualitative indicators: 达成, 部分达成 or 未达成
}

// Figure is a number as the file wrote it: its exact value and its text,
// so that the form prints "90.40" and "735" as the department typed them,
// within the form's rule: at most two decimals (238.450 prints 238.45) and
// no sign on zero (-0 prints 0). A percentage keeps its text exactly as
// written ("９０％"). A Figure that was not given has Set false.
type Figure struct {
	Value Fixed
	Text  string
	Set   bool
}

// NewFigure makes a set Figure from a value, printed in its shortest form.
func NewFigure(v Fixed) Figure { return Figure{Value: v, Text: v.String(), Set: true} }

// Position returns where the data file wrote the value at path, or else the
// nearest enclosing table it wrote; the zero Pos when the report was not
// decoded from a file.
func (r *Report) Position(path string) Pos { return r.src.pos(path) }

// PositionIn returns where a TOML document sets the value at path (such as
// table.columns or styles.title.font), or else the nearest enclosing table
// it writes; the zero Pos when neither. The template's errors use it.
func PositionIn(src []byte, path string) Pos { return locate(string(src)).pos(path) }
