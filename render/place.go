package render

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// maxGrow bounds the rounds of growing rows for labels that lost lines at
// page breaks; each round grows rows, so a few always suffice.
const maxGrow = 8

// paginate distributes the measured table over pages and positions every
// box, line and border. If a label cut by page breaks cannot show all its
// lines in its fragments, the last row it spans grows and pagination runs
// again, so that no text is ever lost.
func (e *Engine) paginate(doc *Document) error {
	t := doc.Table
	head, firstTop := e.titleBlock(doc)
	for round := 0; ; round++ {
		slots, err := newPager(e, t, firstTop).run()
		if err != nil {
			return err
		}
		pages, short := e.place(doc, slots, firstTop)
		if len(short) == 0 || round == maxGrow {
			pages[0].Texts = append(head, pages[0].Texts...)
			e.pageNumbers(doc, pages)
			doc.Pages = pages
			return nil
		}
		for ci, lack := range short {
			t.Rows[t.Cells[ci].LastRow()].Height += lack
		}
	}
}

// titleBlock places 附件2： and the title on page 1 and returns where the
// table starts below them.
func (e *Engine) titleBlock(doc *Document) ([]Text, float64) {
	pg := e.Template.Page
	left, width := mm(pg.MarginLeft), mm(pg.Width-pg.MarginLeft-pg.MarginRight)
	y := mm(pg.MarginTop)
	var texts []Text
	blocks := []struct{ text, style string }{
		{e.Template.Labels.Attachment, StyleAttachment},
		{doc.Title, StyleTitle},
	}
	if doc.Subtitle != "" {
		blocks = append(blocks, struct{ text, style string }{doc.Subtitle, StyleSubtitle})
	}
	for _, block := range blocks {
		lh, size := e.lineHeight(block.style), e.Template.Styles[block.style].Size
		for _, line := range e.breakLines(block.text, block.style, size, width) {
			texts = append(texts, e.textLine(line, block.style, size, left, width, y, lh))
			y += lh
		}
	}
	return texts, y + mm(e.Template.Table.TitleGap)
}

// textLine positions one line of a style at a size in a line box of height
// lh whose top is at y, aligned within [left, left+width] by its style.
func (e *Engine) textLine(line, style string, size, left, width, y, lh float64) Text {
	return e.textAt(line, style, size, left, width, y+e.baselineOffset(style, size, lh))
}

// baselineOffset is the baseline's distance from the top of a line box of
// height lh: the font's em box (ascent + descent) is centred in the box.
func (e *Engine) baselineOffset(style string, size, lh float64) float64 {
	m := e.Face(style).Metrics()
	return (lh-(m.Ascent+m.Descent)*size)/2 + m.Ascent*size
}

// textAt places a line on a baseline, aligned within [left, left+width].
func (e *Engine) textAt(line, style string, size, left, width, baseline float64) Text {
	w := e.textWidth(line, style, size)
	x := left
	switch e.Template.Styles[style].Align {
	case "center":
		x = left + (width-w)/2
	case "right":
		x = left + width - w
	}
	return Text{X: x, Y: baseline, Width: w, Text: line, Style: style, Size: size, Cell: -1}
}

// place positions the pages' rows, boxes, lines and borders. It returns,
// for labels whose fragments could not hold all their lines, the height
// each lacks.
func (e *Engine) place(doc *Document, slotPages [][]slot, firstTop float64) ([]Page, map[int]float64) {
	t := doc.Table
	pg := e.Template.Page
	textWidth := mm(pg.Width - pg.MarginLeft - pg.MarginRight)
	tableWidth := t.CellWidth(&Cell{Col: 0, ColSpan: len(t.Columns)})
	pl := placer{e: e, t: t, x0: mm(pg.MarginLeft) + (textWidth-tableWidth)/2,
		shown: make([]int, len(t.Cells)), covering: t.Covering()}
	var pages []Page
	for n, slots := range slotPages {
		top := mm(pg.MarginTop)
		if n == 0 {
			top = firstTop
		}
		pages = append(pages, pl.page(n+1, slots, top))
	}
	shown := pl.shown
	short := map[int]float64{}
	padY := 2 * mm(e.Template.Table.PaddingY)
	for ci := range t.Cells {
		c := &t.Cells[ci]
		if lost := len(c.Lines) - shown[ci]; lost > 0 && c.RowSpan > 1 {
			short[ci] = float64(lost)*e.leading(c.Size) + padY
		}
	}
	return pages, short
}

// fragment is the part of a cell on one page.
type fragment struct {
	first, last int // slot indices
}

// placer positions pages one after another.
type placer struct {
	e        *Engine
	t        *Table
	x0       float64 // the table's left edge
	shown    []int   // lines of each cell drawn so far
	covering [][]int // cells covering each row
}

func (pl *placer) page(number int, slots []slot, top float64) Page {
	e, t, x0, shown := pl.e, pl.t, pl.x0, pl.shown
	page := Page{Number: number}
	frags := map[int]*fragment{}
	var order []int // cells in reading order of their fragments' first slot
	y := top
	for si, s := range slots {
		page.Rows = append(page.Rows, PlacedRow{Row: s.row, Y: y, H: s.h, Repeated: s.repeated, Split: s.lines != nil})
		y += s.h
		for _, ci := range pl.covering[s.row] {
			if f, ok := frags[ci]; ok {
				f.last = si
				continue
			}
			frags[ci] = &fragment{first: si, last: si}
			order = append(order, ci)
		}
	}
	for _, ci := range order {
		c, f := &t.Cells[ci], frags[ci]
		box := Box{Cell: ci, X: x0 + t.CellX(c), Y: page.Rows[f.first].Y, W: t.CellWidth(c),
			Rows: [2]int{slots[f.first].row, slots[f.last].row}}
		box.H = page.Rows[f.last].Y + page.Rows[f.last].H - box.Y
		from, to, continued := e.fragmentLines(c, ci, box.H, slots[f.first], shown)
		shown[ci] = max(shown[ci], to)
		e.placeLines(&page, &box, c, ci, from, to, continued)
		page.Boxes = append(page.Boxes, box)
	}
	bordered := make([]Box, 0, len(page.Boxes))
	for _, b := range page.Boxes {
		if !t.Cells[b.Cell].Borderless {
			bordered = append(bordered, b)
		}
	}
	page.Rules = borders(bordered, e.Template.Table.Border)
	return page
}

// fragmentLines chooses the lines of a cell drawn in a box of height h,
// and tells whether they continue text begun on an earlier page:
//   - in the part of a split row, the lines the pager gave it; but a cell
//     that names the row (a label, or a 三级指标's name) already drawn whole
//     is drawn whole again where it fits, so that every page tells which
//     indicator the row is;
//   - a label's whole text again when it fits;
//   - otherwise the lines that follow those already drawn.
func (e *Engine) fragmentLines(c *Cell, ci int, h float64, first slot, shown []int) (from, to int, continued bool) {
	fit := e.linesFitting(c, h)
	if r, ok := first.lines[ci]; ok {
		if c.NamesRow() && r[0] == len(c.Lines) && len(c.Lines) <= fit {
			return 0, len(c.Lines), false
		}
		return r[0], r[1], r[0] > 0
	}
	if c.Repeat && len(c.Lines) <= fit {
		return 0, len(c.Lines), false
	}
	if c.RowSpan == 1 && first.lines == nil {
		return 0, len(c.Lines), false // the row was measured to hold it
	}
	from = shown[ci]
	return from, min(len(c.Lines), from+fit), from > 0
}

// placeLines centres the chosen lines vertically in the box, or starts
// them at its top when they continue a text from the page before (or fill
// the box), and aligns each by the cell's style.
func (e *Engine) placeLines(page *Page, box *Box, c *Cell, ci, from, to int, continued bool) {
	lh := e.leading(c.Size)
	padX := mm(e.Template.Table.PaddingX)
	block := float64(to-from) * lh
	y := box.Y + (box.H-block)/2
	if inner := box.H - 2*mm(e.Template.Table.PaddingY); continued || block > inner {
		y = box.Y + mm(e.Template.Table.PaddingY)
	}
	for i := from; i < to; i++ {
		txt := e.textLine(c.Lines[i], c.Style, c.Size, box.X+padX, box.W-2*padX, y, lh)
		txt.Cell = ci
		page.Texts = append(page.Texts, txt)
		box.Lines = append(box.Lines, i)
		y += lh
	}
}

// borders outlines every box with as few rules as draw the same lines:
// edges on one line that touch or overlap become one rule, so a column's
// border is one stroke from the top of the page to the bottom.
func borders(boxes []Box, width float64) []Rule {
	type span struct{ from, to float64 }
	horizontal, vertical := map[int64][]span{}, map[int64][]span{}
	for _, b := range boxes {
		for _, y := range []float64{b.Y, b.Y + b.H} {
			horizontal[round2(y)] = append(horizontal[round2(y)], span{b.X, b.X + b.W})
		}
		for _, x := range []float64{b.X, b.X + b.W} {
			vertical[round2(x)] = append(vertical[round2(x)], span{b.Y, b.Y + b.H})
		}
	}
	// merge joins the spans of one line, in order.
	merge := func(lines map[int64][]span, rule func(at float64, s span) Rule) []Rule {
		var out []Rule
		for _, at := range slices.Sorted(maps.Keys(lines)) {
			spans := lines[at]
			slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.from, b.from) })
			cur := spans[0]
			for _, s := range spans[1:] {
				if s.from <= cur.to+0.01 {
					cur.to = max(cur.to, s.to)
					continue
				}
				out = append(out, rule(float64(at)/100, cur))
				cur = s
			}
			out = append(out, rule(float64(at)/100, cur))
		}
		return out
	}
	rules := merge(horizontal, func(y float64, s span) Rule { return Rule{X1: s.from, Y1: y, X2: s.to, Y2: y, Width: width} })
	return append(rules, merge(vertical, func(x float64, s span) Rule { return Rule{X1: x, Y1: s.from, X2: x, Y2: s.to, Width: width} })...)
}

func round2(v float64) int64 { return int64(math.Round(v * 100)) }

// pageNumbers writes "— N —" (or the template's pattern) on every page.
func (e *Engine) pageNumbers(doc *Document, pages []Page) {
	pg := e.Template.Page
	if pg.PageNumber == "" {
		return
	}
	style := pg.PageNumberStyle
	left, width := mm(pg.MarginLeft), mm(pg.Width-pg.MarginLeft-pg.MarginRight)
	// The baseline sits page_number_gap below the bottom margin's edge.
	baseline := mm(pg.Height - pg.MarginBottom + pg.PageNumberGap)
	for i := range pages {
		text := strings.NewReplacer("{page}", strconv.Itoa(i+1), "{pages}", strconv.Itoa(len(pages))).Replace(pg.PageNumber)
		pages[i].Texts = append(pages[i].Texts, e.textAt(text, style, e.Template.Styles[style].Size, left, width, baseline))
	}
}
