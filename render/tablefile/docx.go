package tablefile

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// wordNS is the namespace of WordprocessingML's elements and attributes.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// readDOCX reads the document's top-level tables with encoding/xml over
// word/document.xml, token by token, so memory follows the tables' text and
// not the file. A table nested in a cell is read as that cell's text.
func readDOCX(zr *zip.Reader, lim Limits) ([]*Table, error) {
	// The decoder holds a text node whole: a document of one cell of 200 MB
	// would cost gigabytes. A document holding a form is well under 1 MB.
	limit := min(lim.UnpackedBytes, maxDocumentXML)
	for _, f := range zr.File {
		if f.Name == "word/document.xml" && f.UncompressedSize64 > uint64(limit) {
			return nil, fmt.Errorf("%w: word/document.xml is %d bytes, at most %d", ErrTooLarge, f.UncompressedSize64, limit)
		}
	}
	part, err := openPart(zr, "word/document.xml")
	if err != nil {
		return nil, err
	}
	defer part.Close()
	d := &docxReader{lim: lim}
	if err := d.read(xml.NewDecoder(io.LimitReader(part, limit))); err != nil {
		return nil, err
	}
	if len(d.tables) == 0 {
		return nil, ErrNoTable
	}
	if d.heading != nil && len(d.heading.Cells) > 0 {
		return append([]*Table{d.heading}, d.tables...), nil
	}
	return d.tables, nil
}

// maxDocumentXML bounds the document's main part, and maxCellText the
// text of one cell: a form's longest text is a few thousand characters.
const (
	maxDocumentXML = 16 << 20
	maxCellText    = 1 << 20
)

// maxHeading is how many paragraphs before the first table are kept: the
// last ones, which hold the form's title (附件2：, 2020年度…自评表) when a
// document writes it above its table rather than in it.
const maxHeading = 20

// HeadingName names the table of the paragraphs above a document's first
// table: one row, one cell, per paragraph.
const HeadingName = "正文"

type docxReader struct {
	lim    Limits
	tables []*Table

	depth int    // of w:tbl elements open; 1 inside a top-level table
	t     *Table // the top-level table being read
	row   int    // its current row, 0-based
	col   int    // the grid column the next cell starts at
	open  []int  // per grid column: the cell a vertical merge may continue, or -1

	err       error  // what stops the reading, once found
	heading   *Table // the paragraphs before the first table
	inHeading bool   // inside such a paragraph

	cell      *Cell // the top-level cell being read, nil between cells
	continues bool  // the cell continues the merge above it (w:vMerge without restart)
	restarts  bool  // the cell starts a vertical merge
	text      strings.Builder
	paragraph bool // a paragraph of the cell has been written, so the next starts a new line
	inRun     bool // inside w:r: only there are w:tab and w:br text (elsewhere w:tab is a tab stop)
	inText    bool // inside w:t
}

func (d *docxReader) read(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: word/document.xml: %v", ErrMalformed, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Space != wordNS {
				continue
			}
			if err := d.start(el); err != nil {
				return err
			}
		case xml.EndElement:
			if el.Name.Space == wordNS {
				d.end(el.Name.Local)
				if d.err != nil {
					return d.err
				}
			}
		case xml.CharData:
			if d.inText && (d.cell != nil || d.inHeading) {
				if d.text.Len()+len(el) > maxCellText {
					return fmt.Errorf("%w: a cell of more than %d bytes of text", ErrTooLarge, maxCellText)
				}
				d.text.Write(el)
			}
		}
	}
}

func (d *docxReader) start(el xml.StartElement) error {
	switch el.Name.Local {
	case "tbl":
		d.depth++
		if d.depth == 1 {
			d.t = &Table{Name: "表" + strconv.Itoa(len(d.tables)+1), Kind: DOCX}
			d.row, d.open = -1, nil
		}
	case "tr":
		if d.depth == 1 {
			d.row++
			d.col = 0
			if d.row >= d.lim.Rows {
				return fmt.Errorf("%w: %s has more than %d rows", ErrTooManyRows, d.t.Name, d.lim.Rows)
			}
		}
	case "gridBefore":
		if d.depth == 1 && d.cell == nil {
			d.col += attrInt(el, "val", 0)
		}
	case "tc":
		if d.depth == 1 {
			d.cell = &Cell{Row: d.row, Col: d.col, RowSpan: 1, ColSpan: 1}
			d.continues, d.restarts, d.paragraph = false, false, false
			d.text.Reset()
		}
	case "gridSpan":
		if d.depth == 1 && d.cell != nil {
			d.cell.ColSpan = max(1, attrInt(el, "val", 1))
		}
	case "vMerge":
		if d.depth == 1 && d.cell != nil {
			// No w:val means "continue": the cell belongs to the merge above.
			if attr(el, "val") == "restart" {
				d.restarts = true
			} else {
				d.continues = true
			}
		}
	case "p":
		if d.cell != nil && d.paragraph {
			d.text.WriteByte('\n')
		}
		if d.depth == 0 && len(d.tables) == 0 {
			d.inHeading = true
			d.text.Reset()
		}
	case "r":
		d.inRun = true
	case "t":
		d.inText = d.inRun
	case "tab":
		if (d.cell != nil || d.inHeading) && d.inRun {
			d.text.WriteByte('\t')
		}
	case "br", "cr":
		if (d.cell != nil || d.inHeading) && d.inRun {
			d.text.WriteByte('\n')
		}
	}
	return nil
}

func (d *docxReader) end(name string) {
	switch name {
	case "r":
		d.inRun = false
	case "t":
		d.inText = false
	case "p":
		if d.cell != nil {
			d.paragraph = true
		}
		if d.inHeading {
			d.inHeading = false
			d.headingParagraph(strings.TrimSpace(d.text.String()))
		}
	case "tc":
		if d.depth == 1 && d.cell != nil {
			d.endCell()
		}
	case "tbl":
		if d.depth == 1 && d.t != nil {
			if len(d.t.Cells) > 0 {
				d.tables = append(d.tables, d.t)
			}
			d.t = nil
		}
		d.depth--
	}
}

// headingParagraph keeps a paragraph above the first table, as one more
// row of the heading table; the last maxHeading only.
func (d *docxReader) headingParagraph(text string) {
	if text == "" {
		return
	}
	if d.heading == nil {
		d.heading = &Table{Name: HeadingName, Kind: DOCX, Cols: 1}
	}
	h := d.heading
	if len(h.Cells) == maxHeading {
		h.Cells = append(h.Cells[:0], h.Cells[1:]...)
		for i := range h.Cells {
			h.Cells[i].Row = i
			h.Cells[i].Ref = paragraphRef(i)
		}
	}
	n := len(h.Cells)
	h.Cells = append(h.Cells, Cell{Row: n, Col: 0, RowSpan: 1, ColSpan: 1, Text: text, Ref: paragraphRef(n)})
	h.Rows = n + 1
}

// paragraphRef names the n-th (0-based) paragraph kept above the table.
func paragraphRef(n int) string { return fmt.Sprintf("第%d段", n+1) }

// endCell places the finished cell: a new cell, or one more row of the
// vertical merge above it.
func (d *docxReader) endCell() {
	c := *d.cell
	d.cell = nil
	c.Text = d.text.String()
	d.col += c.ColSpan
	if d.col > d.lim.Cols {
		return // past any form's width: nothing a spec could ask for
	}
	for len(d.open) < d.col {
		d.open = append(d.open, -1)
	}
	if d.continues {
		if i := d.open[c.Col]; i >= 0 && d.t.Cells[i].Col == c.Col {
			above := &d.t.Cells[i]
			above.RowSpan = c.Row - above.Row + 1
			d.t.Rows = max(d.t.Rows, c.Row+1)
			if strings.TrimSpace(c.Text) != "" { // text typed into a continued cell is kept, not lost
				above.Text += "\n" + c.Text
			}
			return
		}
	}
	if len(d.t.Cells) >= d.lim.Cells {
		d.err = fmt.Errorf("%w: %s has more than %d cells", ErrTooLarge, d.t.Name, d.lim.Cells)
		return
	}
	c.Ref = docxRef(c.Row, c.Col)
	d.t.Cells = append(d.t.Cells, c)
	d.t.Rows = max(d.t.Rows, c.Row+1)
	d.t.Cols = max(d.t.Cols, c.Col+c.ColSpan)
	i := -1
	if d.restarts {
		i = len(d.t.Cells) - 1
	}
	for col := c.Col; col < c.Col+c.ColSpan; col++ {
		d.open[col] = i
	}
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func attrInt(el xml.StartElement, local string, def int) int {
	n, err := strconv.Atoi(attr(el, local))
	if err != nil || n < 0 {
		return def
	}
	return min(n, 1<<16)
}

// docxRef names row r and column c (0-based) of a document's table.
func docxRef(r, c int) string { return fmt.Sprintf("第%d行第%d列", r+1, c+1) }
