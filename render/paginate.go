package render

import "fmt"

// Pagination fills each page with whole rows. A row taller than a page is
// split between pages, each part taking as many lines of each cell as fit.
// A break is moved up a row while it would leave a keep-with-next row (a
// header) at the bottom of a page, or cut a spanning label so that one of
// its two fragments is too short to hold it. A page that continues the
// indicator block starts with the indicator header again.
//
// Pagination always ends. Every round of run's loop places a row, places
// a part of a split row, or starts a new page. A page is only left after
// it took a row (adjust keeps one) or a part of a row, and a fresh page
// that cannot take a line of a row already begun fails with an error
// instead of starting another. So each page starts further down the table
// than the one before: at a later row, or later in the lines of a split
// one.

// slot is a row, or a part of a row taller than a page, placed on a page.
type slot struct {
	row      int
	h        float64
	repeated bool           // the indicator header, written again
	lines    map[int][2]int // a part of a split row: each of its cells' lines [from, to)
}

type pager struct {
	e             *Engine
	t             *Table
	top, bottom   float64 // the table's room on every page but the first
	firstTop      float64 // where the table starts on page 1, below the title
	lastIndicator int     // the last row of the indicator block
	prefix        []float64
	rowCells      [][]int // cells that start in each row and span only it
	spans         [][]int // labels (Repeat cells) covering each row, spanning several rows

	pages [][]slot
	cur   []slot
	y     float64
}

const epsilon = 1e-6

func newPager(e *Engine, t *Table, firstTop float64) *pager {
	pg := e.Template.Page
	p := &pager{e: e, t: t, top: mm(pg.MarginTop), bottom: mm(pg.Height - pg.MarginBottom), firstTop: firstTop,
		lastIndicator: -1, rowCells: make([][]int, len(t.Rows)), spans: make([][]int, len(t.Rows))}
	for r, row := range t.Rows {
		if row.Kind == RowIndicator || row.Kind == RowBlank {
			p.lastIndicator = r
		}
	}
	for i := range t.Cells {
		c := &t.Cells[i]
		if c.RowSpan == 1 {
			p.rowCells[c.Row] = append(p.rowCells[c.Row], i)
		} else if c.Repeat {
			for r := c.Row; r <= c.LastRow(); r++ {
				p.spans[r] = append(p.spans[r], i)
			}
		}
	}
	p.prefix = make([]float64, len(t.Rows)+1)
	for r, row := range t.Rows {
		p.prefix[r+1] = p.prefix[r] + row.Height
	}
	return p
}

// run distributes the rows over pages.
func (p *pager) run() ([][]slot, error) {
	p.y = p.firstTop
	var done map[int]int // lines already placed of row i's cells, when row i is split
	for i := 0; i < len(p.t.Rows); {
		need, avail := p.remaining(i, done), p.bottom-p.y
		switch {
		case need <= avail+epsilon:
			p.place(slot{row: i, h: need, lines: p.rest(i, done)})
			i, done = i+1, nil
		case p.empty() || avail >= p.minSplit() && (need > p.bottom-p.contentTop(i)+epsilon || p.stranded(i)):
			// Taller than a page, or a page that can only end here with
			// a header stranded at its foot: fill what is left of this
			// page and continue on the next. (With too little room left,
			// the default case moves the row to the next page.)
			lines, next := p.split(i, done, max(avail, 0))
			if p.empty() && done != nil && !advances(done, next) {
				return nil, fmt.Errorf("row %d (%s): not one more line of it fits on a page, which has %.1f pt free below its header",
					i+1, p.t.Rows[i].Kind, avail)
			}
			done = next
			p.place(slot{row: i, h: max(avail, 0), lines: lines})
			p.newPage(i)
		default:
			k := p.adjust(i)
			if k < len(p.cur) {
				i = p.cur[k].row
				p.cur = p.cur[:k]
			}
			p.newPage(i)
		}
	}
	p.pages = append(p.pages, p.cur)
	return p.pages, nil
}

// stranded tells whether the page cannot end before row next without
// breaking a keep: adjust finds no earlier break, and the page's last row
// is kept with next.
func (p *pager) stranded(next int) bool {
	last := p.cur[len(p.cur)-1]
	return last.lines == nil && (p.t.Rows[last.row].KeepWithNext || p.t.Rows[next].KeepWithPrevious) && p.adjust(next) == len(p.cur)
}

// advances tells whether a split placed a line of any cell.
func advances(done, next map[int]int) bool {
	for ci, to := range next {
		if to > done[ci] {
			return true
		}
	}
	return false
}

func (p *pager) place(s slot) {
	p.cur = append(p.cur, s)
	p.y += s.h
}

// empty tells whether the page holds no row yet but a repeated header.
func (p *pager) empty() bool {
	return len(p.cur) == 0 || len(p.cur) == 1 && p.cur[0].repeated
}

// inIndicators tells whether row r continues the indicator block, so that
// a page starting with it repeats the header.
func (p *pager) inIndicators(r int) bool {
	return p.t.HeaderRow >= 0 && r > p.t.HeaderRow && r <= p.lastIndicator
}

// contentTop is where row r would start on a fresh page.
func (p *pager) contentTop(r int) float64 {
	if p.inIndicators(r) {
		return p.top + p.t.Rows[p.t.HeaderRow].Height
	}
	return p.top
}

func (p *pager) newPage(next int) {
	p.pages = append(p.pages, p.cur)
	p.cur, p.y = nil, p.top
	if p.inIndicators(next) {
		h := p.t.Rows[p.t.HeaderRow].Height
		p.place(slot{row: p.t.HeaderRow, h: h, repeated: true})
	}
}

// minSplit is the least room worth starting a split row in: two lines.
func (p *pager) minSplit() float64 {
	return 2*p.e.lineHeight(StyleBody) + 2*mm(p.e.Template.Table.PaddingY)
}

// remaining is the height row i still needs, given the lines already placed.
func (p *pager) remaining(i int, done map[int]int) float64 {
	if done == nil {
		return p.t.Rows[i].Height
	}
	h := 0.0
	for _, ci := range p.rowCells[i] {
		c := &p.t.Cells[ci]
		h = max(h, p.e.cellHeight(c, len(c.Lines)-done[ci]))
	}
	return h
}

// rest gives each cell of a split row the lines it has left.
func (p *pager) rest(i int, done map[int]int) map[int][2]int {
	if done == nil {
		return nil
	}
	out := map[int][2]int{}
	for _, ci := range p.rowCells[i] {
		out[ci] = [2]int{done[ci], len(p.t.Cells[ci].Lines)}
	}
	return out
}

// split places as many lines of each cell of row i as fit in height h.
func (p *pager) split(i int, done map[int]int, h float64) (lines map[int][2]int, next map[int]int) {
	lines, next = map[int][2]int{}, map[int]int{}
	for _, ci := range p.rowCells[i] {
		c := &p.t.Cells[ci]
		from := done[ci]
		to := min(len(c.Lines), from+p.e.linesFitting(c, h))
		lines[ci], next[ci] = [2]int{from, to}, to
	}
	return lines, next
}

// adjust returns how many of the page's slots to keep, when row next does
// not fit: the break moves up while it would strand a header, lead a page
// with a row kept with the one before it (总分), or cut a label too short.
// When moving up would empty the page, the break stays where it was.
func (p *pager) adjust(next int) int {
	first := 0
	if len(p.cur) > 0 && p.cur[0].repeated {
		first = 1
	}
	for k := len(p.cur); k > first; k-- {
		last := p.cur[k-1]
		if last.lines != nil {
			return k // a split row stays where it is
		}
		following := next
		if k < len(p.cur) {
			following = p.cur[k].row
		}
		if !p.t.Rows[last.row].KeepWithNext && !p.t.Rows[following].KeepWithPrevious && !p.cutsLabel(k) {
			return k
		}
	}
	return len(p.cur)
}

// cutsLabel tells whether breaking after the first k slots cuts a spanning
// label so that the fragment above or below cannot hold it.
func (p *pager) cutsLabel(k int) bool {
	a := p.cur[k-1].row
	b := a + 1
	if b >= len(p.t.Rows) {
		return false
	}
	for _, ci := range p.spans[a] {
		c := &p.t.Cells[ci]
		if c.LastRow() < b {
			continue
		}
		need := p.e.cellHeight(c, len(c.Lines))
		above := 0.0
		for j := k - 1; j >= 0 && (p.cur[j].row >= c.Row); j-- {
			above += p.cur[j].h
		}
		below := p.prefix[c.LastRow()+1] - p.prefix[b]
		if c.Row <= p.t.HeaderRow && p.inIndicators(b) {
			below += p.t.Rows[p.t.HeaderRow].Height // the repeated header joins the fragment
		}
		below = min(below, p.bottom-p.top)
		if above < need-epsilon || below < need-epsilon {
			return true
		}
	}
	return false
}
