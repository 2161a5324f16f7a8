package xlsx

import (
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
	"golang.org/x/image/font/sfnt"

	"jixiao"
	"jixiao/fonts"
	"jixiao/render"
)

// cells lays every cell of the sheet out row by row, each with its style,
// and lists the merged areas. Every cell of a merged area carries the
// style, or Excel drops the area's right and bottom borders (excelize
// issues #1514, #1378).
func (s *sheet) cells() ([][]excelize.Cell, [][2]string, error) {
	t := s.doc.Table
	cols := len(t.Columns)
	grid := make([][]excelize.Cell, len(s.g.heights))
	for r := range grid {
		grid[r] = make([]excelize.Cell, cols)
	}
	var merges [][2]string
	fill := func(top, bottom, left, right, style int) {
		for r := top; r <= bottom; r++ {
			for c := left; c <= right; c++ {
				grid[r-1][c-1].StyleID = style
			}
		}
		if top != bottom || left != right {
			merges = append(merges, [2]string{ref(left, top), ref(right, bottom)})
		}
	}
	for i, tr := range s.g.titles {
		valign := "center"
		if i == len(s.g.titles)-1 {
			valign = "top" // the last title row also holds the gap above the table
		}
		id, err := s.style(styleKey{name: tr.style, size: s.look.Styles[tr.style].Size, valign: valign})
		if err != nil {
			return nil, nil, err
		}
		fill(tr.row, tr.row, 1, cols, id)
		grid[tr.row-1][0].Value = tr.text
	}
	areas := s.g.areas(s.doc)
	// A figure goes in the first area that shows it: a row split between
	// pages shows its figures in the part on the first page only.
	holder := map[int]int{} // cell → area
	for i, a := range areas {
		if j, ok := holder[a.cell]; !ok || len(areas[j].lines) == 0 && len(a.lines) > 0 {
			holder[a.cell] = i
		}
	}
	for i, a := range areas {
		c := &t.Cells[a.cell]
		key := styleKey{name: c.Style, size: c.Size, valign: "center", border: !c.Borderless}
		if len(a.lines) > 0 && a.lines[0] > 0 && !c.Repeat {
			key.valign = "top" // text going on from the page before, as the PDF draws it
		}
		if c.Number != nil {
			key.format = s.numberFormat(c.Number.Kind)
		}
		id, err := s.style(key)
		if err != nil {
			return nil, nil, err
		}
		fill(a.top, a.bottom, c.Col+1, c.Col+c.ColSpan, id)
		cell := &grid[a.top-1][c.Col]
		switch {
		case c.Number != nil && holder[a.cell] == i:
			cell.Value = float(c.Number.Value) // formulas come next, once all is in place
		case c.Number == nil:
			if text := a.text(c); text != "" {
				cell.Value = text
			}
		}
	}
	refs := s.references(areas, holder, grid)
	for ci, i := range holder {
		if c := &t.Cells[ci]; c.Number != nil {
			cell := &grid[areas[i].top-1][c.Col]
			cell.Value, cell.Formula = s.number(c, refs)
		}
	}
	return grid, merges, nil
}

// refs are the sheet cells the formulas refer to.
type refs struct {
	budget, executed, weight, execScore string
	items                               string // the argument of SUM over every 三级指标 得分
}

// references finds the cells of the figures the formulas use by the role
// of their field, and the 三级指标 得分 by their kind. It runs on the filled
// grid, to see what lies between the 得分 cells.
func (s *sheet) references(areas []area, holder map[int]int, grid [][]excelize.Cell) refs {
	var r refs
	var items [][2]int
	for i, a := range areas {
		c := &s.doc.Table.Cells[a.cell]
		if c.Number == nil || holder[a.cell] != i {
			continue
		}
		at := ref(c.Col+1, a.top)
		switch {
		case c.Role == jixiao.RoleBudget:
			r.budget = at
		case c.Role == jixiao.RoleExecuted:
			r.executed = at
		case c.Role == jixiao.RoleExecWeight:
			r.weight = at
		case c.Number.Kind == render.ExecScore:
			r.execScore = at
		case c.Number.Kind == render.ItemScore:
			items = append(items, [2]int{c.Col + 1, a.top})
		}
	}
	r.items = sumRange(grid, items)
	return r
}

// number is the value of a figure, and for the computed ones the formula
// that computes it; the value stored is the one the scoring computed.
func (s *sheet) number(c *render.Cell, r refs) (any, string) {
	v := float(c.Number.Value)
	rules := s.look.Rules
	switch c.Number.Kind {
	case render.Percent:
		if r.budget != "" && r.executed != "" {
			return s.rate(), fmt.Sprintf("%s/%s", r.executed, r.budget)
		}
		return v / 100, ""
	case render.ExecScore:
		if r.budget != "" && r.executed != "" && r.weight != "" {
			return v, fmt.Sprintf("ROUND(MIN(%s/%s,1)*%s,%d)", r.executed, r.budget, r.weight, rules.ScoreDecimals)
		}
	case render.TotalScore:
		var terms []string
		if r.execScore != "" {
			terms = append(terms, r.execScore)
		}
		if r.items != "" {
			terms = append(terms, "SUM("+r.items+")")
		}
		if len(terms) > 0 {
			return v, fmt.Sprintf("ROUND(%s,%d)", strings.Join(terms, "+"), rules.ScoreDecimals)
		}
	}
	return v, ""
}

// sumRange is the argument of SUM over the 三级指标 得分: one range from
// the first to the last when nothing else is in between (blank rows and
// the lower cells of merged areas are empty), else the cells one by one.
func sumRange(grid [][]excelize.Cell, items [][2]int) string {
	if len(items) == 0 {
		return ""
	}
	col, first, last := items[0][0], items[0][1], items[len(items)-1][1]
	one := true
	isItem := map[[2]int]bool{}
	for _, it := range items {
		isItem[it] = true
		one = one && it[0] == col
	}
	for r := first; one && r <= last; r++ {
		c := grid[r-1][col-1]
		one = isItem[[2]int{col, r}] || c.Value == nil && c.Formula == ""
	}
	if one {
		return ref(col, first) + ":" + ref(col, last)
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = ref(it[0], it[1])
	}
	return strings.Join(names, ",")
}

// rate is 全年执行数 ÷ 全年预算数 exactly, as the formula computes it; the
// cell shows it rounded by its number format, as the PDF prints it.
func (s *sheet) rate() float64 {
	var budget, executed jixiao.Fixed
	for _, c := range s.doc.Table.Cells {
		switch {
		case c.Number == nil:
		case c.Role == jixiao.RoleBudget:
			budget = c.Number.Value
		case c.Role == jixiao.RoleExecuted:
			executed = c.Number.Value
		}
	}
	if budget == 0 {
		return 0
	}
	f, _ := big.NewRat(int64(executed), int64(budget)).Float64()
	return f
}

func float(v jixiao.Fixed) float64 { return float64(v) / 100 }

// numberFormat is how a kind of figure shows: amounts with two decimals
// (or the template's), 执行率 as a percentage with the rules' decimals,
// 分值 and 得分 as they are (3, 2, 100).
func (s *sheet) numberFormat(k render.NumberKind) string {
	switch k {
	case render.Amount:
		d := s.look.Numbers.AmountDecimals
		if d < 0 {
			d = 2
		}
		return decimals(d)
	case render.Percent:
		return decimals(s.look.Rules.RateDecimals) + "%"
	}
	return "General"
}

// decimals is the number format with d decimals: "0", "0.0", "0.00".
func decimals(d int) string {
	if d <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", d)
}

// styleKey tells apart the cell formats of the sheet.
type styleKey struct {
	name   string  // a template style
	size   float64 // points: the cell's resolved size, which may be less than the style's
	valign string
	border bool
	format string // a number format; "" for text
}

// style returns the workbook's format for a key, made on first use.
func (s *sheet) style(k styleKey) (int, error) {
	if id, ok := s.styles[k]; ok {
		return id, nil
	}
	st, ok := s.look.Styles[k.name]
	if !ok {
		return 0, fmt.Errorf("no style %q in the template", k.name)
	}
	x := &excelize.Style{
		Font:      &excelize.Font{Family: st.OfficeFont, Size: k.size, Bold: bold(s.look.Face(k.name))},
		Alignment: &excelize.Alignment{Horizontal: st.Align, Vertical: k.valign, WrapText: true},
	}
	if k.border {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			x.Border = append(x.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if k.format != "" && k.format != "General" {
		x.CustomNumFmt = &k.format
	}
	id, err := s.f.NewStyle(x)
	if err != nil {
		return 0, fmt.Errorf("style %s: %w", k.name, err)
	}
	s.styles[k] = id
	return id, nil
}

// boldFaces remembers which faces are bold: the title's face is the bold
// cut of the serif, and an office font is bold by a flag, not by a file.
var boldFaces sync.Map // *fonts.Face → bool

func bold(face *fonts.Face) bool {
	if face == nil {
		return false
	}
	if v, ok := boldFaces.Load(face); ok {
		return v.(bool)
	}
	sub, _ := face.Font().Name(nil, sfnt.NameIDSubfamily)
	b := strings.Contains(sub, "Bold")
	boldFaces.Store(face, b)
	return b
}

// ref names a cell: column and row from 1.
func ref(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
