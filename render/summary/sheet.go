package summary

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao"
)

type styles struct {
	title, head, text, center, amount, percent, points, foot int
}

func newStyles(f *excelize.File, rateDecimals int) (styles, error) {
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
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
		text:    mk(excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", ShrinkToFit: true}}),
		center:  mk(excelize.Style{Alignment: center}),
		amount:  mk(excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, CustomNumFmt: ptr("#,##0.00")}),
		percent: mk(excelize.Style{Alignment: center, CustomNumFmt: ptr(pct)}),
		points:  mk(excelize.Style{Alignment: center, CustomNumFmt: ptr("0.##")}),
		foot:    mk(excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10.5}, Alignment: center}),
	}
	return st, firstErr
}

func ptr[T any](v T) *T { return &v }

// Rows of the sheet: the title, the headings, then one per department.
const (
	titleRow = 1
	headRow  = 2
	firstRow = 3
)

func writeSheet(f *excelize.File, opt Options, st styles, cols []column, entries []Entry, levels []string) error {
	sw, err := f.NewStreamWriter(opt.Sheet)
	if err != nil {
		return err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := sw.SetRow(cell(1, titleRow), []any{excelize.Cell{StyleID: st.title, Value: opt.Title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.MergeCell(cell(1, titleRow), fmt.Sprintf("%s%d", last, titleRow)); err != nil {
		return err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.head, Value: c.head}
	}
	if err := sw.SetRow(cell(1, headRow), head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	rank := 0
	for i, e := range entries {
		if e.Scored {
			rank++
		}
		row := make([]any, len(cols))
		for j, c := range cols {
			row[j] = c.value(e, rank, st)
		}
		if err := sw.SetRow(cell(1, firstRow+i), row); err != nil {
			return err
		}
	}
	for i, row := range footRows(entries, levels, cols, st) {
		if err := sw.SetRow(cell(1, firstRow+len(entries)+i), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// footRows are 合计 (amounts, and 执行率 of the sums) and 平均 (the mean
// of each rate and score over the scored departments), computed exactly.
func footRows(entries []Entry, levels []string, cols []column, st styles) [][]any {
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
		row := make([]any, len(cols))
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

// printSetup makes the sheet print on A4 landscape, one page wide, with the
// title and headings repeated on every page.
func printSetup(f *excelize.File, opt Options, ncols, nrows int) error {
	sheet := opt.Sheet
	last, _ := excelize.ColumnNumberToName(ncols)
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
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	for _, dn := range []excelize.DefinedName{
		{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, titleRow, headRow), Scope: sheet},
		{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, last, firstRow+nrows+1), Scope: sheet},
	} {
		if err := f.SetDefinedName(&dn); err != nil {
			return err
		}
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	grid := false
	if err := f.SetSheetView(sheet, -1, &excelize.ViewOptions{ShowGridLines: &grid}); err != nil {
		return err
	}
	date := opt.Date
	if date.IsZero() {
		date = time.Now()
	}
	stamp := date.UTC().Format(time.RFC3339)
	return f.SetDocProps(&excelize.DocProperties{Title: opt.Title, Creator: opt.Creator, LastModifiedBy: opt.Creator, Created: stamp, Modified: stamp})
}
