package render

import (
	"cmp"
	"slices"
)

// measure breaks every cell's text into lines and sets the rows' heights:
// every row at least the template's minimum, each single-row cell lifting
// its row, then each spanning cell, shortest span first, spreading what it
// still lacks evenly over the rows it spans.
func (e *Engine) measure(t *Table) {
	tb := e.Template.Table
	padX := mm(tb.PaddingX)
	for i := range t.Cells {
		c := &t.Cells[i]
		c.Lines = e.breakLines(c.Text, c.Style, t.CellWidth(c)-2*padX)
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
}

// cellHeight is the height n lines of a cell need, padding included.
func (e *Engine) cellHeight(c *Cell, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(n)*e.lineHeight(c.Style) + 2*mm(e.Template.Table.PaddingY)
}

// linesFitting is how many lines of a cell fit in a box of height h.
func (e *Engine) linesFitting(c *Cell, h float64) int {
	inner := h - 2*mm(e.Template.Table.PaddingY)
	// A hair of tolerance, so that rounding in sums never drops a line.
	return max(0, int(inner/e.lineHeight(c.Style)+1e-6))
}
