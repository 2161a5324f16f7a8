// Package render is the layout engine: it turns a template and a scored
// report into a Table (the grid of 附件2 with its merged cells), measures and
// breaks every text with the real fonts, and paginates the rows into Pages
// where every box, rule and line of text has its position in points. The PDF,
// XLSX and PNG backends only draw what it computed.
package render

import (
	"slices"
	"strings"

	"jixiao"
)

// Table is the form's grid: nine columns (A to I) and rows in print order.
// Its cells tile the grid: every (row, column) belongs to exactly one cell.
type Table struct {
	Columns   []float64 // widths in points
	Rows      []Row
	Cells     []Cell // in reading order: by first row, then column
	HeaderRow int    // the indicator header row, repeated after a page break
}

// RowKind names what a row is, for dumps and backends.
type RowKind string

// The kinds of rows of 附件2.
const (
	RowDepartment      RowKind = "department"
	RowFundsHeader     RowKind = "funds-header"
	RowFundsTotal      RowKind = "funds-total"
	RowFundsSplit      RowKind = "funds-split"
	RowGoalsHeader     RowKind = "goals-header"
	RowGoals           RowKind = "goals"
	RowIndicatorHeader RowKind = "indicator-header"
	RowIndicator       RowKind = "indicator"
	RowBlank           RowKind = "blank"
	RowTotal           RowKind = "total"
)

// Row is one row of the grid.
type Row struct {
	Kind         RowKind
	Height       float64 // points, after measuring
	KeepWithNext bool    // never the last row on a page
	// KeepWithPrevious: no page break falls just before it (总分 never
	// stands alone on a page).
	KeepWithPrevious bool
}

// Cell is a rectangle of the grid with its text.
type Cell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
	Style            string // a template style
	Field            string // the data file path the text comes from; "" for the form's labels
	Number           *Number
	Repeat           bool     // a label written again in each fragment when a page break cuts it
	Lines            []string // the text broken into lines, after measuring
	// Size is the font size the text is set in, in points, after
	// measuring: the style's, or less where a number had to fit.
	Size float64
}

// Number is the value behind a cell that shows a figure, for backends that
// keep figures as numbers (the XLSX).
type Number struct {
	Value jixiao.Fixed
	Kind  NumberKind
}

// NumberKind tells what a figure is.
type NumberKind string

// The kinds of figures on the form.
const (
	Amount      NumberKind = "amount"       // 万元
	Percent     NumberKind = "percent"      // 执行率, Value in percent
	Points      NumberKind = "points"       // 分值
	ItemScore   NumberKind = "item-score"   // 三级指标 得分
	ExecScore   NumberKind = "exec-score"   // 预算执行得分 = 分值 × 执行率
	TotalScore  NumberKind = "total-score"  // 总分 = 预算执行得分 + Σ 三级指标 得分
	TotalPoints NumberKind = "total-points" // the form's total 分值
)

// namesRow tells whether a cell names the rows it covers: a label of the
// form, or the name of an indicator at any level (the data's *.name
// fields), written again on each page that continues its rows.
func (c *Cell) namesRow() bool { return c.Repeat || strings.HasSuffix(c.Field, ".name") }

// lastRow is the last grid row the cell covers.
func (c *Cell) lastRow() int { return c.Row + c.RowSpan - 1 }

// covering lists, for every row, the cells that cover it, left to right.
func (t *Table) covering() [][]int {
	out := make([][]int, len(t.Rows))
	for i := range t.Cells {
		c := &t.Cells[i]
		for r := c.Row; r <= c.lastRow(); r++ {
			out[r] = append(out[r], i)
		}
	}
	for _, cells := range out {
		slices.SortFunc(cells, func(a, b int) int { return t.Cells[a].Col - t.Cells[b].Col })
	}
	return out
}
