package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes a readable text form of the layout: the grid with every
// cell's span, style and lines, then every page with its rows, boxes and
// text lines. Golden tests compare it, so a layout change shows as a diff.
func (d *Document) Dump(w io.Writer) {
	t := d.Table
	fmt.Fprintf(w, "document %q by %q: %s × %s pt, %d pages\n", d.Title, d.Author, pt(d.Width), pt(d.Height), len(d.Pages))
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = string(rune('A'+i)) + "=" + pt(c)
	}
	fmt.Fprintf(w, "columns %s\n\ntable\n", strings.Join(cols, " "))
	ci := 0
	for r, row := range t.Rows {
		keep := ""
		if row.KeepWithNext {
			keep = " keep-with-next"
		}
		if row.KeepWithPrevious {
			keep += " keep-with-previous"
		}
		fmt.Fprintf(w, "r%d %s h=%s%s\n", r, row.Kind, pt(row.Height), keep)
		for ; ci < len(t.Cells) && t.Cells[ci].Row == r; ci++ {
			c := &t.Cells[ci]
			fmt.Fprintf(w, "  c%d %s %s %spt", ci, c.Ref(), c.Style, strconv.FormatFloat(c.Size, 'f', -1, 64))
			if c.Repeat {
				fmt.Fprint(w, " repeat")
			}
			if c.Borderless {
				fmt.Fprint(w, " borderless")
			}
			if c.Field != "" {
				fmt.Fprintf(w, " field=%s", c.Field)
			}
			if c.Number != nil {
				fmt.Fprintf(w, " %s=%s", c.Number.Kind, c.Number.Value)
			}
			fmt.Fprintf(w, " %s\n", quoteLines(c.Lines))
		}
	}
	for _, p := range d.Pages {
		fmt.Fprintf(w, "\npage %d\n", p.Number)
		for _, r := range p.Rows {
			note := ""
			if r.Repeated {
				note = " repeated"
			}
			if r.Split {
				note += " split"
			}
			fmt.Fprintf(w, "  r%d y=%s h=%s%s\n", r.Row, pt(r.Y), pt(r.H), note)
		}
		for _, b := range p.Boxes {
			fmt.Fprintf(w, "  box c%d %s rows %d-%d at %s,%s size %s×%s", b.Cell, t.Cells[b.Cell].Ref(), b.Rows[0], b.Rows[1], pt(b.X), pt(b.Y), pt(b.W), pt(b.H))
			if len(b.Lines) > 0 {
				fmt.Fprintf(w, " lines %d-%d", b.Lines[0], b.Lines[len(b.Lines)-1])
			}
			fmt.Fprintln(w)
		}
		for _, tx := range p.Texts {
			fmt.Fprintf(w, "  text %s,%s w=%s %s %spt %q\n", pt(tx.X), pt(tx.Y), pt(tx.Width), tx.Style, strconv.FormatFloat(tx.Size, 'f', -1, 64), tx.Text)
		}
		fmt.Fprintf(w, "  %d rules\n", len(p.Rules))
	}
}

func quoteLines(lines []string) string {
	q := make([]string, len(lines))
	for i, l := range lines {
		q[i] = strconv.Quote(l)
	}
	return "[" + strings.Join(q, " ") + "]"
}

// pt prints a length with one decimal, enough to see a change.
func pt(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
