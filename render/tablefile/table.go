// Package tablefile reads the tables of the files offices keep their forms
// in — XLSX workbooks and DOCX documents — into plain grids of texts with
// their merged areas, so that a form's spec can read its fields back out of
// them. It knows nothing of any form: it only turns a file into grids,
// within fixed bounds of size, rows and memory, whatever the file holds.
package tablefile

import (
	"errors"
	"fmt"
	"strings"
)

// Cell is one rectangle of a grid: the anchor of a merged area, or a plain
// cell (spans of 1).
type Cell struct {
	Row, Col         int // 0-based position of the top-left corner in the grid
	RowSpan, ColSpan int
	Text             string // the text as shown, paragraphs joined by "\n"
	Ref              string // where it stands, for messages: "C12" in a sheet, "第3行第2列" in a Word table
	// Formula tells a workbook's cell computed by a formula (Text is the
	// value last computed) from one holding a value typed in.
	Formula bool
}

// Table is one sheet of a workbook or one table of a document.
type Table struct {
	Name  string // the sheet's name, or "表1", "表2"… for a document's tables
	Rows  int
	Cols  int
	Cells []Cell // in reading order: by row, then column
	Kind  Kind   // what file it comes from: how its places are named

	cover [][]int // per row and column: index in Cells of the cell covering it, or -1
}

// At returns the cell covering row r and column c, or nil outside the grid
// or where nothing was written.
func (t *Table) At(r, c int) *Cell {
	if t.cover == nil {
		t.index()
	}
	if r < 0 || r >= t.Rows || c < 0 || c >= t.Cols || t.cover[r][c] < 0 {
		return nil
	}
	return &t.Cells[t.cover[r][c]]
}

// Row returns the cells that start in row r, left to right: what a reader
// sees as that row, each merged area once.
func (t *Table) Row(r int) []*Cell {
	var out []*Cell
	for c := 0; c < t.Cols; c++ {
		if cell := t.At(r, c); cell != nil && cell.Col == c && cell.Row == r {
			out = append(out, cell)
		}
	}
	return out
}

// RefAt names the place of row r and column c (0-based) as Cell.Ref does,
// whether a cell stands there or not.
func (t *Table) RefAt(r, c int) string {
	if t.Kind == DOCX {
		return docxRef(r, c)
	}
	return xlsxRef(r, c)
}

// Where names a place of the table for messages: 附件2!C12 in a workbook,
// 表1 第3行第2列 in a document.
func (t *Table) Where(ref string) string {
	if t.Kind == DOCX {
		return t.Name + " " + ref
	}
	return t.Name + "!" + ref
}

func (t *Table) index() {
	t.cover = make([][]int, t.Rows)
	for r := range t.cover {
		t.cover[r] = make([]int, t.Cols)
		for c := range t.cover[r] {
			t.cover[r][c] = -1
		}
	}
	for i, cell := range t.Cells {
		for r := cell.Row; r < cell.Row+cell.RowSpan && r < t.Rows; r++ {
			for c := cell.Col; c < cell.Col+cell.ColSpan && c < t.Cols; c++ {
				if t.cover[r][c] < 0 {
					t.cover[r][c] = i
				}
			}
		}
	}
}

// String is a readable dump of the grid, one line per row, each cell as
// [Ref rowspan×colspan] text: for tests and for looking at a file.
func (t *Table) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows × %d columns\n", t.Name, t.Rows, t.Cols)
	for r := 0; r < t.Rows; r++ {
		cells := t.Row(r)
		if len(cells) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%d:", r+1)
		for _, c := range cells {
			span := ""
			if c.RowSpan > 1 || c.ColSpan > 1 {
				span = fmt.Sprintf(" %d×%d", c.RowSpan, c.ColSpan)
			}
			fmt.Fprintf(&b, " [%s%s] %q", c.Ref, span, c.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Limits bound what a file may make the reader do. The zero value means
// the defaults below.
type Limits struct {
	FileBytes     int64 // the file itself
	UnpackedBytes int64 // all its parts, uncompressed
	Rows          int   // rows of one table
	Cols          int   // columns of one table
	Cells         int   // cells holding text, in one table
}

// The defaults: a filled form is a few hundred KB and well under a hundred
// rows; these leave room for a whole year of forms in one workbook.
const (
	DefaultFileBytes     = 32 << 20
	DefaultUnpackedBytes = 256 << 20
	DefaultRows          = 10000
	DefaultCols          = 256
	// A form has a few hundred cells; a sheet of 10,000 rows of 60 texts
	// costs excelize about 700 MB to read, 100,000 cells under 150 MB.
	DefaultCells = 100_000
)

func (l Limits) withDefaults() Limits {
	if l.FileBytes <= 0 {
		l.FileBytes = DefaultFileBytes
	}
	if l.UnpackedBytes <= 0 {
		l.UnpackedBytes = DefaultUnpackedBytes
	}
	if l.Rows <= 0 {
		l.Rows = DefaultRows
	}
	if l.Cols <= 0 {
		l.Cols = DefaultCols
	}
	if l.Cells <= 0 {
		l.Cells = DefaultCells
	}
	return l
}

// The ways a file can fail to be read as a whole. Each is wrapped with
// what was found, so errors.Is tells them apart and the message says more.
var (
	ErrNotZip       = errors.New("not an XLSX or DOCX file (not a zip package)")
	ErrEncrypted    = errors.New("protected by a password, or an old .xls/.doc file; save it as .xlsx/.docx without a password")
	ErrNotOffice    = errors.New("a zip package, but not an XLSX workbook or DOCX document")
	ErrTooLarge     = errors.New("too large")
	ErrTooManyRows  = errors.New("too many rows")
	ErrMalformed    = errors.New("damaged")
	ErrNoTable      = errors.New("holds no table")
	ErrUnknownShape = errors.New("unknown file type")
)

// oleMagic starts a Compound File: what Office writes for a workbook or
// document protected by a password, and for the old .xls and .doc formats.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// zipMagic starts every zip package.
var zipMagic = []byte{'P', 'K', 0x03, 0x04}
