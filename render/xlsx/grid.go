package xlsx

import (
	"math"
	"strings"

	"jixiao/render"
)

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

// viewerLeading is the distance between lines, in ems, that a spreadsheet
// may take for the office fonts, where the layout takes the template's
// leading (1.25 em) with our fonts; Excel never grows a row for the text of
// a merged cell, so every row gets the difference for each of its lines.
// Excel's 宋体 needs about 1.3 em a line; LibreOffice with Noto Serif CJK,
// the usual substitute on Linux, 1.44 em (measured on its PDF output).
const viewerLeading = 1.45

// span is a run of sheet rows, numbered from 1, both ends included.
type span struct{ top, bottom int }

// titleRow is a line block above the table: 附件2： or the title.
type titleRow struct {
	row   int    // sheet row
	style string // a template style
	text  string // its lines as the layout broke them
}

// grid maps the document's rows onto sheet rows: the title blocks first,
// then every row as the pages place it, in order. A row, or the part of a
// row the PDF puts on one page, taller than Excel allows is spread over
// several sheet rows. The indicator header the PDF repeats after a page
// break is not written again: print titles repeat it.
type grid struct {
	heights    []float64       // of sheet rows 1, 2, ..., in points
	titles     []titleRow      // above the table
	parts      map[[2]int]span // (page index, table row) → its sheet rows on that page
	pageStarts []int           // the first sheet row of every page but the first
	header     int             // the sheet row of the indicator header, 0 when none
	repeats    bool            // whether a page repeats the header
	fill       float64         // the fullest page's height over the room it has
}

func newGrid(look *render.Look, doc *render.Document) *grid {
	g := &grid{parts: map[[2]int]span{}}
	g.titleRows(look, doc)
	pg := look.Page
	room := mm(pg.Height - pg.MarginTop - pg.MarginBottom)
	used, headerH := 0.0, 0.0
	for _, h := range g.heights {
		used += h
	}
	for p, page := range doc.Pages {
		heights := g.pageHeights(look, doc.Table, page)
		if p > 0 {
			// Print titles put the header on top of every page after its
			// own, even one the PDF starts without it (the 总分 row alone).
			g.pageStarts = append(g.pageStarts, len(g.heights)+1)
			used = headerH
		}
		for i, pr := range page.Rows {
			if pr.Repeated {
				g.repeats = true
				continue
			}
			sp := g.add(heights[i])
			g.parts[[2]int{p, pr.Row}] = sp
			h := 0.0
			for r := sp.top; r <= sp.bottom; r++ {
				h += g.heights[r-1]
			}
			used += h
			if pr.Row == doc.Table.HeaderRow && g.header == 0 {
				g.header, headerH = sp.top, h
			}
		}
		g.fill = max(g.fill, used/room)
	}
	return g
}

// pageHeights gives each row the page places its height in the layout,
// plus the slack its lines need in a viewer (see viewerLeading): the
// lines of its tallest cell, then whatever a label spanning rows still
// lacks, spread over them.
func (g *grid) pageHeights(look *render.Look, t *render.Table, page render.Page) []float64 {
	extra := func(b render.Box) float64 {
		c := &t.Cells[b.Cell]
		return float64(len(b.Lines)) * c.Size * max(0, viewerLeading-look.Table.Leading)
	}
	heights := make([]float64, len(page.Rows))
	at := map[int]int{} // table row → index in page.Rows
	for i, pr := range page.Rows {
		heights[i] = pr.H
		if !pr.Repeated {
			at[pr.Row] = i
		}
	}
	slack := make([]float64, len(page.Rows))
	for _, b := range page.Boxes {
		if i, ok := at[b.Rows[0]]; ok && b.Rows[0] == b.Rows[1] {
			slack[i] = max(slack[i], extra(b))
		}
	}
	for i := range heights {
		heights[i] += slack[i]
	}
	padY := 2 * mm(look.Table.PaddingY)
	for _, b := range page.Boxes {
		c := &t.Cells[b.Cell]
		if b.Rows[0] == b.Rows[1] || len(b.Lines) == 0 {
			continue
		}
		var rows []int
		have := 0.0
		for r := b.Rows[0]; r <= b.Rows[1]; r++ {
			if i, ok := at[r]; ok {
				rows = append(rows, i)
				have += heights[i]
			}
		}
		need := float64(len(b.Lines))*c.Size*viewerLeading + padY
		if need > have && len(rows) > 0 {
			for _, i := range rows {
				heights[i] += (need - have) / float64(len(rows))
			}
		}
	}
	return heights
}

// add appends sheet rows for height h, as few as Excel's limit allows,
// all of the same height, rounded up to Excel's hundredths of a point.
func (g *grid) add(h float64) span {
	n := max(1, int(math.Ceil(h/maxRowHeight-1e-9)))
	top := len(g.heights) + 1
	for range n {
		g.heights = append(g.heights, hundredths(h/float64(n)))
	}
	return span{top, top + n - 1}
}

// hundredths rounds a height up to 0.01 pt; a hair below it is noise.
func hundredths(h float64) float64 { return math.Ceil(h*100-1e-6) / 100 }

// titleRows gives 附件2： and the title a sheet row each, from the lines
// the layout placed on page 1; the gap down to the table goes to the last.
func (g *grid) titleRows(look *render.Look, doc *render.Document) {
	if len(doc.Pages) == 0 || len(doc.Pages[0].Rows) == 0 {
		return
	}
	used := 0.0
	for _, t := range doc.Pages[0].Texts {
		if t.Cell >= 0 || t.Style != render.StyleAttachment && t.Style != render.StyleTitle && t.Style != render.StyleSubtitle {
			continue
		}
		lh := look.LineHeight(t.Style)
		used += lh
		lh = max(lh, look.Styles[t.Style].Size*viewerLeading)
		if n := len(g.titles); n > 0 && g.titles[n-1].style == t.Style {
			g.titles[n-1].text += "\n" + t.Text
			g.heights[n-1] += lh
			continue
		}
		g.titles = append(g.titles, titleRow{row: len(g.heights) + 1, style: t.Style, text: t.Text})
		g.heights = append(g.heights, lh)
	}
	if n := len(g.heights); n > 0 {
		top := mm(look.Page.MarginTop)
		g.heights[n-1] += max(0, doc.Pages[0].Rows[0].Y-top-used)
		for i := range g.heights {
			g.heights[i] = hundredths(g.heights[i])
		}
	}
}

// area is where a cell is written: the whole cell, or the fragment of it
// that the PDF draws on one page.
type area struct {
	cell        int // index in Table.Cells
	top, bottom int // sheet rows
	lines       []int
}

// areas lists, page by page, the sheet areas of the document's boxes. A
// label cut by a page break becomes two areas, each with the label, as the
// PDF draws it; so does every cell of a row split between pages, each
// part with the lines the PDF puts on its page. No area crosses a page
// break: viewers print a merged cell across one over the page's margins.
func (g *grid) areas(doc *render.Document) []area {
	t := doc.Table
	var out []area
	for p, page := range doc.Pages {
		repeated, first := false, -1
		for _, pr := range page.Rows {
			if pr.Repeated {
				repeated = true
			} else if first < 0 {
				first = pr.Row
			}
		}
		for _, b := range page.Boxes {
			r0, r1 := b.Rows[0], b.Rows[1]
			if repeated && r0 == t.HeaderRow {
				if r1 == r0 {
					continue // the repeated header itself
				}
				r0 = first
			}
			out = append(out, area{cell: b.Cell, top: g.parts[[2]int{p, r0}].top, bottom: g.parts[[2]int{p, r1}].bottom, lines: b.Lines})
		}
	}
	return out
}

// text is what an area shows: the cell's text as written, or for the
// form's labels (its fixed texts, and the 一级 and 二级 names with their
// weights) the lines as the layout broke them, so that narrow labels stack
// as in the PDF (绩效指标, one character a line) and no viewer breaks
// before a closing bracket. A label fragment that shows only some of its
// lines shows those.
func (a area) text(c *render.Cell) string {
	all := len(a.lines) == len(c.Lines)
	switch {
	case c.Field == "" || c.Repeat:
		lines := make([]string, len(a.lines))
		for i, l := range a.lines {
			lines[i] = c.Lines[l]
		}
		return strings.Join(lines, "\n")
	case all:
		return c.Text
	}
	var b strings.Builder
	for _, l := range a.lines {
		b.WriteString(c.Lines[l])
	}
	return b.String()
}

// mm converts millimetres to points.
func mm(v float64) float64 { return v * 72 / 25.4 }

// inches converts millimetres to inches, Excel's unit for margins.
func inches(v float64) float64 { return v / 25.4 }
