package tablefile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads every visible sheet. Values are read raw — the number a
// cell holds, not the text its number format shows — so 735 stays 735
// whatever format a viewer gave it; formulas give their cached value.
func readXLSX(data []byte, lim Limits) ([]*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.UnpackedBytes,
		UnzipXMLSizeLimit: min(lim.UnpackedBytes, 16<<20),
	})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	defer f.Close()
	var tables []*Table
	for _, name := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			continue
		}
		t, err := readSheet(f, name, lim)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
		if len(t.Cells) > 0 {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil, ErrNoTable
	}
	return tables, nil
}

func readSheet(f *excelize.File, name string, lim Limits) (*Table, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	defer rows.Close()
	t := &Table{Name: name, Kind: XLSX}
	var grid [][]string
	cells := 0
	for rows.Next() {
		if len(grid) >= lim.Rows {
			return nil, fmt.Errorf("%w: more than %d", ErrTooManyRows, lim.Rows)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		if len(cols) > lim.Cols {
			return nil, fmt.Errorf("%w: row %d has %d columns, at most %d", ErrTooLarge, len(grid)+1, len(cols), lim.Cols)
		}
		for _, v := range cols {
			if v != "" {
				cells++
			}
		}
		if cells > lim.Cells {
			return nil, fmt.Errorf("%w: more than %d cells with text", ErrTooLarge, lim.Cells)
		}
		grid = append(grid, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	t.Rows = len(grid)
	for _, r := range grid {
		t.Cols = max(t.Cols, len(r))
	}
	// A merged area is one cell with the anchor's text; the cells it
	// covers are not cells of their own, whatever text they kept.
	covered := map[[2]int]bool{}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || r2 > lim.Rows || c2 > lim.Cols {
			continue // a merge off the sheet or reversed: read its cells one by one
		}
		t.Rows, t.Cols = max(t.Rows, r2), max(t.Cols, c2)
		t.Cells = append(t.Cells, xlsxCell(grid, r1-1, c1-1, r2-r1+1, c2-c1+1))
		for r := r1 - 1; r < r2; r++ {
			for c := c1 - 1; c < c2; c++ {
				covered[[2]int{r, c}] = true
			}
		}
	}
	for r, row := range grid {
		for c := range row {
			if !covered[[2]int{r, c}] && strings.TrimSpace(row[c]) != "" {
				t.Cells = append(t.Cells, xlsxCell(grid, r, c, 1, 1))
			}
		}
	}
	slices.SortFunc(t.Cells, func(a, b Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	return t, markFormulas(f, name, t)
}

func xlsxCell(grid [][]string, r, c, rows, cols int) Cell {
	text := ""
	if r < len(grid) && c < len(grid[r]) {
		text = grid[r][c]
	}
	return Cell{Row: r, Col: c, RowSpan: rows, ColSpan: cols, Text: strings.ReplaceAll(text, "\r\n", "\n"), Ref: xlsxRef(r, c)}
}

// xlsxRef names row r and column c (0-based) of a sheet: C12.
func xlsxRef(r, c int) string {
	ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return ref
}

// markFormulas tells the cells a formula computes. Only cells showing a
// number are asked: the computed figures of a form are numbers, and asking
// loads the sheet, which the row limit has already bounded.
func markFormulas(f *excelize.File, sheet string, t *Table) error {
	for i := range t.Cells {
		c := &t.Cells[i]
		if _, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64); err != nil {
			continue
		}
		formula, err := f.GetCellFormula(sheet, c.Ref)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		c.Formula = formula != ""
	}
	return nil
}
