package render

// Document is a form laid out on pages. All lengths are points, measured
// from the page's top-left corner, y growing downwards.
type Document struct {
	Title    string // e.g. 2020年度部门整体支出绩效自评表
	Subtitle string // under the title, e.g. （2019年度）; "" for none
	Author   string // the 预算部门
	Width    float64
	Height   float64
	Table    *Table
	Pages    []Page
	Look     *Look // the template's looks, resolved: what backends draw with
}

// Page is one sheet: its rows, the cell boxes, the text lines and the
// borders, each list in drawing order.
type Page struct {
	Number int // from 1
	Rows   []PlacedRow
	Boxes  []Box
	Texts  []Text // in reading order: row by row, cell by cell, line by line
	Rules  []Rule
}

// PlacedRow is a table row, or part of one, on a page.
type PlacedRow struct {
	Row      int // index in Table.Rows
	Y, H     float64
	Repeated bool // the indicator header written again on a continuation page
	Split    bool // a part of a row taller than a page
}

// Box is a cell, or the fragment of a cell that falls on one page.
type Box struct {
	Cell       int // index in Table.Cells
	X, Y, W, H float64
	Rows       [2]int // the table rows it covers on this page, first and last
	Lines      []int  // indices into the cell's Lines drawn in this box
}

// Text is one line of text.
type Text struct {
	X, Y  float64 // the start of the baseline
	Width float64
	Text  string
	Style string
	Size  float64 // points: the style's size, or the cell's resolved one
	Cell  int     // index in Table.Cells; -1 for the title and the page number
}

// Rule is a border segment.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
}
