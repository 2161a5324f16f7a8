// Package table is a form's grid: columns, rows in print order, and cells
// with their spans, styles, texts and figures. The form interpreter makes
// it; the layout engine measures and paginates it; backends draw it.
package table

import (
	"slices"
	"strconv"
	"strings"

	"jixiao"
)

// Table is the form's grid: its columns and rows in print order.
// Its cells tile the grid: every (row, column) belongs to exactly one cell.
type Table struct {
	Columns   []float64 // widths in points
	Rows      []Row
	Cells     []Cell // in reading order: by first row, then column
	HeaderRow int    // the indicator header row, repeated after a page break
}

// RowKind names what a row is, for dumps and backends: a form's spec names
// its own rows; the indicator block's are below.
type RowKind string

// The rows of the indicator block, the same in every form.
const (
	RowIndicatorHeader RowKind = "indicator-header"
	RowIndicator       RowKind = "indicator" // one 三级指标
	RowBlank           RowKind = "blank"     // an empty slot row after a group's indicators
	RowNote            RowKind = "note"      // a line of the notes under the table
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
	Role             string   // the role of the field shown (budget, executed…), for backends
	Repeat           bool     // a label written again in each fragment when a page break cuts it
	Borderless       bool     // a note under the table, drawn without borders
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

// The kinds of figures on a form.
const (
	Amount      NumberKind = "amount"       // 万元
	Percent     NumberKind = "percent"      // 执行率, Value in percent
	Points      NumberKind = "points"       // 分值
	ItemScore   NumberKind = "item-score"   // 三级指标 得分
	ExecScore   NumberKind = "exec-score"   // 预算执行得分 = 分值 × 执行率
	TotalScore  NumberKind = "total-score"  // 总分 = 预算执行得分 + Σ 三级指标 得分
	TotalPoints NumberKind = "total-points" // the form's total 分值
)

// NamesRow tells whether a cell names the rows it covers: a label of the
// form, or the name of an indicator at any level (the data's *.name
// fields), written again on each page that continues its rows.
func (c *Cell) NamesRow() bool { return c.Repeat || strings.HasSuffix(c.Field, ".name") }

// LastRow is the last grid row the cell covers.
func (c *Cell) LastRow() int { return c.Row + c.RowSpan - 1 }

// Ref names a cell's area like a spreadsheet range of the grid: columns
// from A, rows from 0: "B3:E3".
func (c *Cell) Ref() string {
	first := string(rune('A'+c.Col)) + strconv.Itoa(c.Row)
	if c.RowSpan == 1 && c.ColSpan == 1 {
		return first
	}
	return first + ":" + string(rune('A'+c.Col+c.ColSpan-1)) + strconv.Itoa(c.LastRow())
}

// Covering lists, for every row, the cells that cover it, left to right.
func (t *Table) Covering() [][]int {
	out := make([][]int, len(t.Rows))
	for i := range t.Cells {
		c := &t.Cells[i]
		for r := c.Row; r <= c.LastRow(); r++ {
			out[r] = append(out[r], i)
		}
	}
	for _, cells := range out {
		slices.SortFunc(cells, func(a, b int) int { return t.Cells[a].Col - t.Cells[b].Col })
	}
	return out
}

// CellWidth is the width of the columns a cell spans.
func (t *Table) CellWidth(c *Cell) float64 {
	w := 0.0
	for col := c.Col; col < c.Col+c.ColSpan; col++ {
		w += t.Columns[col]
	}
	return w
}

// CellX is the left edge of a cell, from the table's left edge.
func (t *Table) CellX(c *Cell) float64 {
	x := 0.0
	for col := 0; col < c.Col; col++ {
		x += t.Columns[col]
	}
	return x
}

// SpanHeight sums the heights of rows from..to.
func (t *Table) SpanHeight(from, to int) float64 {
	h := 0.0
	for r := from; r <= to; r++ {
		h += t.Rows[r].Height
	}
	return h
}
