// Package render is the layout engine: it turns a template and a scored
// report into a Table (by the form's spec, in render/form), measures and
// breaks every text with the real fonts, and paginates the rows into Pages
// where every box, rule and line of text has its position in points. The PDF,
// XLSX and PNG backends only draw what it computed.
package render

import "jixiao/render/table"

// The grid's types live in render/table, shared with the form interpreter.
type (
	Table      = table.Table
	Row        = table.Row
	RowKind    = table.RowKind
	Cell       = table.Cell
	Number     = table.Number
	NumberKind = table.NumberKind
)

// The indicator block's rows.
const (
	RowIndicatorHeader = table.RowIndicatorHeader
	RowIndicator       = table.RowIndicator
	RowBlank           = table.RowBlank
	RowNote            = table.RowNote
)

// The kinds of figures.
const (
	Amount      = table.Amount
	Percent     = table.Percent
	Points      = table.Points
	ItemScore   = table.ItemScore
	ExecScore   = table.ExecScore
	TotalScore  = table.TotalScore
	TotalPoints = table.TotalPoints
)
