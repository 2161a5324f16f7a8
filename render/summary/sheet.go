package summary

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao"
)

type styles struct {
	title, head, text, wrap, center, amount, percent, points, foot int
}

// gridColour is the colour of every cell border. excelize writes an empty
// colour as the ARGB "FF", which Excel and LibreOffice read as blue.
const gridColour = "000000"

func newStyles(f *excelize.File, rateDecimals int) (styles, error) {
	var border []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		border = append(border, excelize.Border{Type: side, Style: 1, Color: gridColour})
	}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	var firstErr error
	mk := func(s excelize.Style) int {
		if s.Font == nil {
			s.Font = font
		}
		if s.Border == nil {
			s.Border = border
		}
		id, err := f.NewStyle(&s)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("summary style: %w", err)
		}
		return id
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	pct := "0%"
	if rateDecimals > 0 {
		pct = "0." + strings.Repeat("0", rateDecimals) + "%"
	}
	st := styles{
		title:   mk(excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 16, Bold: true}, Border: []excelize.Border{}, Alignment: center}),
		head:    mk(excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10.5}, Alignment: center, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}}}),
		text:    mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "center"}}),
		wrap:    mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		center:  mk(excelize.Style{Alignment: center}),
		amount:  mk(excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, CustomNumFmt: ptr("#,##0.00")}),
		percent: mk(excelize.Style{Alignment: center, CustomNumFmt: ptr(pct)}),
		points:  mk(excelize.Style{Alignment: center, CustomNumFmt: ptr("0.##")}),
		foot:    mk(excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10.5}, Alignment: center}),
	}
	return st, firstErr
}

func ptr[T any](v T) *T { return &v }

// Rows of a sheet: the title, the headings, then the data.
const (
	titleRow = 1
	headRow  = 2
	firstRow = 3
)

// column is one column of a sheet: its heading, width (in Excel's
// character units), whether its text wraps, and its cell value.
type column[T any] struct {
	head  string
	width float64
	wraps bool
	value func(row T, st styles) excelize.Cell
}

// table is a sheet being written: title, headings, then rows whose height
// fits their wrapped texts.
type table[T any] struct {
	f     *excelize.File
	sheet string
	st    styles
	cols  []column[T]
	sw    *excelize.StreamWriter
	row   int
}

func startTable[T any](f *excelize.File, sheet, title string, st styles, cols []column[T]) (*table[T], error) {
	// The stream writer copies the worksheet's page setup when it starts,
	// so the setup comes first.
	if err := printSetup(f, sheet, len(cols)); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	t := &table[T]{f: f, sheet: sheet, st: st, cols: cols, sw: sw, row: firstRow}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetRow(cell(1, titleRow), []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	if err := sw.MergeCell(cell(1, titleRow), cell(len(cols), titleRow)); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.head, Value: c.head}
	}
	return t, sw.SetRow(cell(1, headRow), head, excelize.RowOpts{Height: 32})
}

// add writes one data row, tall enough for its longest wrapped text.
func (t *table[T]) add(v T) error {
	cells := make([]any, len(t.cols))
	lines := 1
	for i, c := range t.cols {
		cl := c.value(v, t.st)
		cells[i] = cl
		if s, ok := cl.Value.(string); ok && c.wraps {
			lines = max(lines, wrappedLines(s, c.width))
		}
	}
	return t.addCells(cells, lines)
}

func (t *table[T]) addCells(cells []any, lines int) error {
	var opts []excelize.RowOpts
	if lines > 1 {
		opts = append(opts, excelize.RowOpts{Height: rowHeight(lines)})
	}
	err := t.sw.SetRow(cell(1, t.row), cells, opts...)
	t.row++
	return err
}

// finish flushes the sheet and sets what is printed: the rows written.
func (t *table[T]) finish() error {
	if err := t.sw.Flush(); err != nil {
		return err
	}
	return printArea(t.f, t.sheet, len(t.cols), t.row-1)
}

// Wrapped text: the sheets use 宋体 10.5 pt, whose Han characters are two
// of Excel's width units (the digit width of the default font) and whose
// Latin letters and digits are one. A cell keeps about one unit for its
// padding. Lines are 10.5 pt × 1.3, plus a little room.
const (
	lineHeight = 13.65
	rowPadding = 3
)

// wrappedLines is how many lines s takes in a column width units wide.
func wrappedLines(s string, width float64) int {
	usable := max(width-1, 2)
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		w := 0.0
		n := 1
		for _, r := range para {
			cw := 1.0
			if r > 0x2E7F { // CJK and full-width forms
				cw = 2
			}
			if w+cw > usable {
				n++
				w = 0
			}
			w += cw
		}
		lines += n
	}
	return lines
}

func rowHeight(lines int) float64 { return float64(lines)*lineHeight + rowPadding }

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// printSetup makes a sheet print on A4 landscape, one page wide, with the
// title and headings repeated on every page.
func printSetup(f *excelize.File, sheet string, ncols int) error {
	landscape, a4, one, zero := "landscape", 9, 1, 0
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin := 0.5
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	grid := false
	return f.SetSheetView(sheet, -1, &excelize.ViewOptions{ShowGridLines: &grid})
}

// printArea prints rows 1 to lastRow, with the title and headings on
// every page.
func printArea(f *excelize.File, sheet string, ncols, lastRow int) error {
	last, _ := excelize.ColumnNumberToName(ncols)
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	for _, dn := range []excelize.DefinedName{
		{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, titleRow, headRow), Scope: sheet},
		{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, last, lastRow), Scope: sheet},
	} {
		if err := f.SetDefinedName(&dn); err != nil {
			return err
		}
	}
	return nil
}

// footRows are 合计 (amounts, and 执行率 of the sums) and 平均 (the mean
// of each rate and score over the scored departments), computed exactly.
func footRows(entries []ranked, levels []string, ncols int, st styles) [][]any {
	var n int64
	var budget, executed, rate, exec, total jixiao.Fixed
	levelSum := make([]jixiao.Fixed, len(levels))
	for _, e := range entries {
		if !e.Scored {
			continue
		}
		n++
		budget, executed, rate, exec, total = budget+e.Budget, executed+e.Executed, rate+e.RatePercent, exec+e.ExecScore, total+e.Total
		for _, l := range e.Levels {
			for i, name := range levels {
				if l.Name == name {
					levelSum[i] += l.Score
				}
			}
		}
	}
	blank := func() []any {
		row := make([]any, ncols)
		for i := range row {
			row[i] = excelize.Cell{StyleID: st.foot}
		}
		return row
	}
	sums, means := blank(), blank()
	sums[1] = excelize.Cell{StyleID: st.foot, Value: fmt.Sprintf("合计（%d 个部门）", n)}
	means[1] = excelize.Cell{StyleID: st.foot, Value: "平均"}
	if n == 0 {
		return [][]any{sums, means}
	}
	sums[3], sums[4] = excelize.Cell{StyleID: st.amount, Value: float(budget)}, excelize.Cell{StyleID: st.amount, Value: float(executed)}
	if budget > 0 {
		r := new(big.Rat).Quo(big.NewRat(int64(executed), 1), big.NewRat(int64(budget), 1))
		sums[5] = excelize.Cell{StyleID: st.percent, Value: float(jixiao.FixedFromRat(r))}
	}
	mean := func(sum jixiao.Fixed) float64 { return float(jixiao.FixedFromRat(big.NewRat(int64(sum), n*100))) }
	means[5] = excelize.Cell{StyleID: st.percent, Value: mean(rate) / 100}
	means[6] = excelize.Cell{StyleID: st.points, Value: mean(exec)}
	for i := range levels {
		means[7+i] = excelize.Cell{StyleID: st.points, Value: mean(levelSum[i])}
	}
	means[7+len(levels)] = excelize.Cell{StyleID: st.points, Value: mean(total)}
	return [][]any{sums, means}
}
