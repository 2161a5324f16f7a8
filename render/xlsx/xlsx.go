// Package xlsx writes a laid-out form as an Excel workbook with excelize:
// the same grid, merged areas, column widths, row heights and page breaks
// as the PDF, all read from render.Document; this package only converts
// units. Figures stay numbers, and 执行率, 预算执行得分 and 总分 are
// formulas with their values stored, so that the sheet shows the right
// numbers without recalculating and keeps adding up when someone edits it.
package xlsx

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/render"
)

// Info is the document information the workbook carries besides the form.
type Info struct {
	Creator string    // the application, e.g. "jixiao v1.0.0"
	Subject string    // e.g. the template's name
	Date    time.Time // created and modified; zero writes none, so output is reproducible
}

// Write draws doc as a one-sheet workbook and writes it to w.
func Write(w io.Writer, doc *render.Document, info Info) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(newZip)
	// The default font decides what a column-width unit is: the width of
	// its digits. 宋体 is what Chinese offices have, and what the widths
	// are computed for (columnWidth).
	if err := f.SetDefaultFont(defaultFont); err != nil {
		return fmt.Errorf("default font %s: %w", defaultFont, err)
	}
	name := doc.Look.Sheet
	if name == "" {
		name = "Sheet1"
	}
	if name != "Sheet1" {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("sheet name %q: %w", name, err)
		}
	}
	s := &sheet{f: f, name: name, look: doc.Look, doc: doc, g: newGrid(doc.Look, doc), styles: map[styleKey]int{}}
	if err := setProps(f, doc, info); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	// Everything the stream writer copies from the worksheet (sheet
	// properties, view, page setup) is set before it starts.
	if err := s.printSetup(); err != nil {
		return fmt.Errorf("print setup: %w", err)
	}
	if err := s.write(); err != nil {
		return err
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("writing the XLSX: %w", err)
	}
	return nil
}

// sheet is the one worksheet being written.
type sheet struct {
	f      *excelize.File
	name   string
	look   *render.Look
	doc    *render.Document
	g      *grid
	styles map[styleKey]int
}

// write fills the worksheet through excelize's stream writer: it is the
// fastest, and the only writer that stores a formula's numeric value as a
// number (SetCellFormula marks the value as a string).
func (s *sheet) write() error {
	cells, merges, err := s.cells()
	if err != nil {
		return err
	}
	// The stream writer copies the dimension as it finds it: set it first.
	dim := "A1:" + ref(len(s.doc.Table.Columns), len(s.g.heights))
	if err := s.f.SetSheetDimension(s.name, dim); err != nil {
		return fmt.Errorf("sheet dimension %s: %w", dim, err)
	}
	sw, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	// The stream writer puts each column it is given before those it has,
	// and a spreadsheet wants them in order: give them last to first.
	for i := len(s.doc.Table.Columns) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(s.doc.Table.Columns[i])); err != nil {
			return fmt.Errorf("column %d: %w", i+1, err)
		}
	}
	for r, h := range s.g.heights {
		row := make([]any, len(cells[r]))
		for c := range cells[r] {
			row[c] = cells[r][c]
		}
		if err := sw.SetRow(ref(1, r+1), row, excelize.RowOpts{Height: h}); err != nil {
			return fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return fmt.Errorf("merging %s:%s: %w", m[0], m[1], err)
		}
	}
	for _, r := range s.g.pageStarts {
		if err := sw.InsertPageBreak(fmt.Sprintf("A%d", r)); err != nil {
			return fmt.Errorf("page break before row %d: %w", r, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	return nil
}

// defaultFont is the workbook's default font, 宋体 (SimSun) at 11 pt, as
// in a workbook a Chinese Excel makes.
const defaultFont = "宋体"

// digitPixels is the width of a digit of the default font, 宋体 11, in
// Excel's pixels at 96 dpi: its column width 9 is 72 pixels. (Calibri's
// is 7.) Noto Serif SC, which Linux machines substitute, has 8.2.
const digitPixels = 8

// columnWidth converts points to Excel's column width: digits of the
// workbook's default font; the width counts the cell's padding, so pixels
// over the digit's width it is (ECMA-376 §18.3.1.13). 1 pt = 96/72 px.
func columnWidth(pt float64) float64 {
	return pt * 96 / 72 / digitPixels
}

// columnPoints is how wide Excel draws a column of width w, in points:
// whole pixels (ECMA-376 §18.3.1.13).
func columnPoints(w float64) float64 {
	px := math.Trunc((256*w + math.Trunc(128/digitPixels)) / 256 * digitPixels)
	return px * 72 / 96
}

// setProps writes the document properties. excelize starts from a template
// with creator "xuri" and 2006 dates; a bare core part replaces it, so
// that without a date the same input gives the same bytes.
func setProps(f *excelize.File, doc *render.Document, info Info) error {
	f.Pkg.Store("docProps/core.xml", []byte(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"></cp:coreProperties>`))
	p := &excelize.DocProperties{Title: doc.Title, Creator: doc.Author, Subject: info.Subject}
	if !info.Date.IsZero() {
		p.Created = info.Date.UTC().Format(time.RFC3339)
		p.Modified = p.Created
	}
	if err := f.SetDocProps(p); err != nil {
		return err
	}
	app := info.Creator
	if app == "" {
		app = "jixiao"
	}
	return f.SetAppProps(&excelize.AppProperties{Application: app})
}

// newZip is excelize's zip writer with the fastest deflate level: the
// workbook is small either way, and compressing takes most of the time.
func newZip(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw, _ := deflaters.Get().(*flate.Writer)
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(w, flate.BestSpeed); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(w)
		}
		return &pooled{fw}, nil
	})
	return z
}

var deflaters sync.Pool

// pooled returns its deflater to the pool once closed.
type pooled struct{ *flate.Writer }

func (p *pooled) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}
