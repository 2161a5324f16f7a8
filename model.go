// Package jixiao is the domain of a performance self-evaluation (绩效自评):
// the form's fields as its spec declares them, the Report model, decoding it
// from TOML, validating it, and scoring it by the official rules.
//
// It knows nothing of fonts, pages or files on disk: Decode takes bytes,
// Validate and Score take a Report.
package jixiao

// Report is one filled-in form, as the department declares it: the header
// fields its form's spec declares, by key, and the indicator tree.
type Report struct {
	Form       *Form
	Values     map[string]Figure // header fields by generic key (funds.income.other); texts too
	Indicators []Indicator

	src    sourceMap       // where each value stands in the file
	failed map[string]bool // paths Decode reported; Validate says no more of them
}

// Value returns a header field's value; unset when the file did not give it.
func (r *Report) Value(key string) Figure { return r.Values[key] }

// Text returns a header field's text ("" when not given).
func (r *Report) Text(key string) string { return r.Values[key].Text }

// Role returns the value of the field that plays a role, and whether the
// form has such a field.
func (r *Report) Role(role string) (Figure, bool) {
	if r.Form == nil {
		return Figure{}, false
	}
	f, ok := r.Form.ByRole(role)
	if !ok {
		return Figure{}, false
	}
	return r.Values[f.Key], true
}

// Year is the year the report is on; 0 when not given.
func (r *Report) Year() int {
	v, _ := r.Role(RoleYear)
	return int(v.Value / 100)
}

// Department is who reports; "" when not given.
func (r *Report) Department() string {
	v, _ := r.Role(RoleDepartment)
	return v.Text
}

// LabelOf returns the form's label for a value's path.
func (r *Report) LabelOf(path string) string { return r.Form.LabelOf(path) }

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
	// Extra holds the texts of the item keys a form's spec adds (such as
	// 评分标准), by key.
	Extra map[string]string
}

// Figure is a value as the file wrote it: its text and, for a number, its
// exact value, so that the form prints "90.40" and "735" as the department
// typed them, within the form's rule: at most two decimals (238.450 prints
// 238.45) and no sign on zero (-0 prints 0). A percentage keeps its text
// exactly as written ("９０％"). An integer's value is in hundredths too:
// 2020 is 202000. A Figure that was not given has Set false.
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
