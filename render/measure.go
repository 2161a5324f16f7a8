package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"jixiao"
	"jixiao/render/linebreak"
)

// measure breaks every cell's text into lines and sets the rows' heights:
// every row at least the template's minimum, each single-row cell lifting
// its row, then each spanning cell, shortest span first, spreading what it
// still lacks evenly over the rows it spans.
func (e *Engine) measure(t *Table, r *jixiao.Report, file string) jixiao.Problems {
	tb := e.Template.Table
	padX := mm(tb.PaddingX)
	var warnings jixiao.Problems
	for i := range t.Cells {
		c := &t.Cells[i]
		inner := t.CellWidth(c) - 2*padX
		var p *jixiao.Problem
		c.Size, p = e.fitSize(c, inner)
		if p != nil {
			p.File = file
			if c.Field != "" {
				p.Pos, p.Label = r.Position(c.Field), r.LabelOf(c.Field)
			}
			warnings = append(warnings, *p)
		}
		c.Lines = e.breakLines(c.Text, c.Style, c.Size, inner)
	}
	minH := mm(tb.MinRowHeight)
	for r := range t.Rows {
		t.Rows[r].Height = minH
	}
	var spanning []*Cell
	for i := range t.Cells {
		c := &t.Cells[i]
		if c.RowSpan > 1 {
			spanning = append(spanning, c)
			continue
		}
		t.Rows[c.Row].Height = max(t.Rows[c.Row].Height, e.cellHeight(c, len(c.Lines)))
	}
	slices.SortStableFunc(spanning, func(a, b *Cell) int { return cmp.Compare(a.RowSpan, b.RowSpan) })
	for _, c := range spanning {
		have := t.SpanHeight(c.Row, c.LastRow())
		if need := e.cellHeight(c, len(c.Lines)); need > have {
			extra := (need - have) / float64(c.RowSpan)
			for r := c.Row; r <= c.LastRow(); r++ {
				t.Rows[r].Height += extra
			}
		}
	}
	warnings.Sort()
	return warnings
}

// minFitSize is the smallest size a cell's text shrinks to so that a number
// fits its column: 小六 is 6.5 pt, and below 7 pt a printed form is hard
// to read.
const minFitSize = 7.0

// fitSize is the size a cell's text is set in: its style's, or smaller when
// a number (or a weight such as （10分）) would not fit the cell's width
// otherwise, in steps of a quarter point. When even minFitSize is too big,
// shrinking would not save the number: the text keeps its style's size,
// the number breaks, and a warning says so.
func (e *Engine) fitSize(c *Cell, inner float64) (float64, *jixiao.Problem) {
	st := e.Template.Styles[c.Style]
	if st.Stack {
		return st.Size, nil
	}
	run, w := linebreak.Widest(c.Text, e.Face(c.Style).Advance) // in ems
	if w*st.Size <= inner+1e-9 {
		return st.Size, nil
	}
	floor := min(minFitSize, st.Size)
	size := math.Floor(inner/w*4) / 4
	if size >= floor {
		return size, nil
	}
	msg := jixiao.T("%q is too wide for its column even at %g pt, so it breaks across lines; shorten it, or widen column %c in the template",
		run, floor, 'A'+c.Col+c.ColSpan-1)
	if c.Field == "" {
		msg = jixiao.T("template label %s: %s", strconv.Quote(c.Text), msg)
	}
	p := new(jixiao.NewProblem("", jixiao.Pos{}, jixiao.Warning, "too-wide", msg))
	p.Path = c.Field
	return st.Size, p
}

// cellHeight is the height n lines of a cell need, padding included.
func (e *Engine) cellHeight(c *Cell, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(n)*e.leading(c.Size) + 2*mm(e.Template.Table.PaddingY)
}

// linesFitting is how many lines of a cell fit in a box of height h.
func (e *Engine) linesFitting(c *Cell, h float64) int {
	inner := h - 2*mm(e.Template.Table.PaddingY)
	// A hair of tolerance, so that rounding in sums never drops a line.
	return max(0, int(inner/e.leading(c.Size)+1e-6))
}
