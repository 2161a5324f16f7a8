// Package form reads a form's spec — the part of a template file that says
// which rows the form has, which cells merge, which field goes where — and
// interprets it: spec + scored report → table.Table. It knows nothing of
// fonts or pages; the layout engine in render takes the Table from here.
package form

import (
	"fmt"
	"slices"

	"jixiao"
)

// Spec is a form as data: the domain's part (fields, sums, rules, unit),
// embedded so that a template file writes them at its top level, and the
// grid: rows of cells, the indicator block, number format and notes.
type Spec struct {
	jixiao.Form
	Rows       []RowSpec   `toml:"rows"`
	Indicators Block       `toml:"indicators"`
	Numbers    NumberSetup `toml:"numbers"`
	Notes      Notes       `toml:"notes"`
}

// Notes are lines printed under the table (注：…), each a row of its own
// across the grid, without borders; patterns over fields as in cells.
type Notes struct {
	Style string   `toml:"style"`
	Lines []string `toml:"lines"`
}

// RowSpec is one row of the grid, or the place of the indicator block.
type RowSpec struct {
	Kind         string `toml:"kind"`           // names the row in dumps
	KeepWithNext bool   `toml:"keep_with_next"` // never the last row on a page
	// KeepWithPrevious: no page break just before it (总分 never alone).
	KeepWithPrevious bool       `toml:"keep_with_previous"`
	Cells            []CellSpec `toml:"cells"`      // left to right, skipping columns merged down from above
	Indicators       bool       `toml:"indicators"` // the indicator block goes here
}

// CellSpec is one cell: a fixed text, a field, a pattern over fields
// (`其中：一般公共预算：{funds.income.general_budget}`), or a computed value.
type CellSpec struct {
	Text  string `toml:"text"`  // fixed text or pattern; {key} is a field's printed value, [ … ] is left out when a field in it is empty
	Field string `toml:"field"` // the field the cell shows
	Value string `toml:"value"` // a computed value without a field: total-points, grade
	Span  int    `toml:"span"`  // columns; 1 when not given
	Rows  int    `toml:"rows"`  // rows it is merged down; 1 when not given
	Style string `toml:"style"`
}

// Block is the indicator block: a header row, then a row per 三级指标 with
// the 一级 and 二级 cells merged down their rows, then each group's slots.
type Block struct {
	Label     CellSpec   `toml:"label"`      // e.g. 绩效指标, merged down the header row and every row of the block
	Header    []CellSpec `toml:"header"`     // the header row's cells after the label
	Levels    []CellSpec `toml:"levels"`     // the 一级 and 二级 cells: {name}, {weight}
	Items     []CellSpec `toml:"items"`      // a 三级指标 row's cells after the levels: {n}, {name}, {target}…, or field = an item key
	SlotStyle string     `toml:"slot_style"` // the style of the cells of a slot (blank) row
}

// NumberSetup says how figures print.
type NumberSetup struct {
	// AmountDecimals < 0 prints amounts as the file wrote them.
	AmountDecimals int `toml:"amount_decimals"`
}

// The computed values a cell may show without a field.
const (
	ValueTotalPoints = "total-points" // the form's total 分值 (rules.total_points)
	ValueGrade       = "grade"        // 等级 of 总分
)

// itemKeys are the keys of a 三级指标 a cell may show, besides those the
// spec declares under indicators.groups.items.
var itemKeys = []string{"n", "name", "target", "actual", "weight", "score", "deviation", "kind", "band",
	"target.op", "target.value", "target.unit", "actual.value", "actual.unit"}

// SpecError is what is wrong with a spec, at the template key that says it.
type SpecError struct {
	Key  string // e.g. rows[3].cells[1].field
	Msg  string
	text jixiao.Text // Msg before it is put into words
}

func (e *SpecError) Error() string { return e.Msg }

// MessageText is the message before it is put into words.
func (e *SpecError) MessageText() jixiao.Text { return e.text }

func specErrorf(key, format string, args ...any) *SpecError {
	return &SpecError{Key: key, Msg: key + ": " + fmt.Sprintf(format, args...), text: jixiao.T("%s: %s", key, jixiao.T(format, args...))}
}

// Check prepares the domain's part and checks that every row tiles the
// grid of cols columns, and every cell shows something the form has. It
// returns *SpecError or *jixiao.FormError.
func (s *Spec) Check(cols int) error {
	if err := s.Form.Prepare(); err != nil {
		return err
	}
	// covered[c] is how many more rows column c is merged down from above.
	covered := make([]int, cols)
	block := false
	for i, row := range s.Rows {
		key := fmt.Sprintf("rows[%d]", i)
		if row.Indicators {
			if block {
				return specErrorf(key, "a second indicator block")
			}
			if slices.ContainsFunc(covered, func(n int) bool { return n > 0 }) {
				return specErrorf(key, "a cell above is merged down into the indicator block")
			}
			block = true
			if err := s.checkBlock(cols); err != nil {
				return err
			}
			continue
		}
		col := 0
		for j, c := range row.Cells {
			ck := fmt.Sprintf("%s.cells[%d]", key, j)
			for col < cols && covered[col] > 0 {
				col++
			}
			if err := s.checkCell(ck, c, s.headerKey); err != nil {
				return err
			}
			if col+span(c.Span) > cols || slices.ContainsFunc(covered[col:col+span(c.Span)], func(n int) bool { return n > 0 }) {
				return specErrorf(ck, "does not fit: the row has %d columns", cols)
			}
			for k := col; k < col+span(c.Span); k++ {
				covered[k] = span(c.Rows)
			}
			col += span(c.Span)
		}
		for col < cols && covered[col] > 0 {
			col++
		}
		if col != cols {
			return specErrorf(key, "its cells cover %d of the %d columns", col, cols)
		}
		for k := range covered {
			covered[k] = max(0, covered[k]-1)
		}
	}
	if !block {
		return specErrorf("rows", "no row with indicators = true: where does the indicator block go?")
	}
	if slices.ContainsFunc(covered, func(n int) bool { return n > 0 }) {
		return specErrorf("rows", "the last rows' cells are merged down below the table")
	}
	for i, line := range s.Notes.Lines {
		if err := s.checkCell(fmt.Sprintf("notes.lines[%d]", i), CellSpec{Text: line}, s.headerKey); err != nil {
			return err
		}
	}
	return nil
}

func (s *Spec) checkBlock(cols int) error {
	b := s.Indicators
	if len(b.Levels) != 2 {
		return specErrorf("indicators.levels", "%d cells; expected 2, the 一级 and the 二级", len(b.Levels))
	}
	widths := func(cells []CellSpec) int {
		n := 0
		for _, c := range cells {
			n += span(c.Span)
		}
		return n
	}
	lw := span(b.Label.Span)
	if n := lw + widths(b.Header); n != cols {
		return specErrorf("indicators.header", "the label and the header cover %d of the %d columns", n, cols)
	}
	if n := lw + widths(b.Levels) + widths(b.Items); n != cols {
		return specErrorf("indicators.items", "the label, levels and items cover %d of the %d columns", n, cols)
	}
	for j, c := range b.Header {
		if err := s.checkCell(fmt.Sprintf("indicators.header[%d]", j), c, none); err != nil {
			return err
		}
	}
	for j, c := range b.Levels {
		if err := s.checkCell(fmt.Sprintf("indicators.levels[%d]", j), c, inList("name", "weight")); err != nil {
			return err
		}
	}
	for j, c := range b.Items {
		if err := s.checkCell(fmt.Sprintf("indicators.items[%d]", j), c, s.itemKey); err != nil {
			return err
		}
	}
	return nil
}

// checkCell checks that a cell's field, placeholders and value exist.
func (s *Spec) checkCell(key string, c CellSpec, known func(string) bool) error {
	if c.Span < 0 || c.Rows < 0 {
		return specErrorf(key, "span and rows must be positive")
	}
	if c.Field != "" && !known(c.Field) {
		return specErrorf(key+".field", "%q is not a field of the form", c.Field)
	}
	for _, name := range placeholders(c.Text) {
		if !known(name) {
			return specErrorf(key+".text", "{%s} is not a field of the form", name)
		}
	}
	if c.Value != "" && c.Value != ValueTotalPoints && c.Value != ValueGrade {
		return specErrorf(key+".value", "%q; expected %s or %s", c.Value, ValueTotalPoints, ValueGrade)
	}
	return nil
}

func (s *Spec) headerKey(key string) bool {
	f, ok := s.Field(key)
	return ok && f.Kind != jixiao.KindTable && f.Kind != jixiao.KindTables
}

func (s *Spec) itemKey(key string) bool {
	if slices.Contains(itemKeys, key) {
		return true
	}
	f, ok := s.Field("indicators.groups.items." + key)
	return ok && f.Kind == jixiao.KindText
}

func none(string) bool { return false }

func inList(names ...string) func(string) bool {
	return func(n string) bool { return slices.Contains(names, n) }
}

// Styles lists the styles the spec's cells use.
func (s *Spec) Styles() []string {
	var out []string
	add := func(cells ...CellSpec) {
		for _, c := range cells {
			if !slices.Contains(out, c.Style) {
				out = append(out, c.Style)
			}
		}
	}
	for _, r := range s.Rows {
		add(r.Cells...)
	}
	b := s.Indicators
	add(b.Label)
	add(b.Header...)
	add(b.Levels...)
	add(b.Items...)
	add(CellSpec{Style: b.SlotStyle})
	if len(s.Notes.Lines) > 0 {
		add(CellSpec{Style: s.Notes.Style})
	}
	return out
}

// Width is the number of columns the spec's grid has: those of the
// indicator block's header row.
func (s *Spec) Width() int {
	n := span(s.Indicators.Label.Span)
	for _, c := range s.Indicators.Header {
		n += span(c.Span)
	}
	return n
}

func span(n int) int { return max(n, 1) }
