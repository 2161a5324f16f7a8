package form

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"jixiao"
	"jixiao/render/table"
)

// builder appends rows and cells in print order.
type builder struct {
	spec    *Spec
	s       *jixiao.Scored
	t       *table.Table
	covered map[int][]bool // row → the columns a cell from a row above covers
}

// Build lays the scored report out on the spec's grid: which texts go in
// which cells, and how cells merge. columns are the widths in points. It
// measures nothing.
func Build(spec *Spec, columns []float64, s *jixiao.Scored) *table.Table {
	b := &builder{spec: spec, s: s, t: &table.Table{Columns: columns, HeaderRow: -1}, covered: map[int][]bool{}}
	for _, row := range spec.Rows {
		if row.Indicators {
			b.block()
			continue
		}
		r := b.row(table.RowKind(row.Kind), row.KeepWithNext)
		b.t.Rows[r].KeepWithPrevious = row.KeepWithPrevious
		col := 0
		for _, cs := range row.Cells {
			col = b.free(r, col)
			text, field, num := b.header(cs)
			c := b.cell(r, col, cs, text, field, num)
			for rr := r + 1; rr < r+span(cs.Rows); rr++ {
				for k := col; k < col+c.ColSpan; k++ {
					b.cover(rr, k)
				}
			}
			col += c.ColSpan
		}
	}
	for _, line := range spec.Notes.Lines {
		r := b.row(table.RowNote, false)
		text, field, _ := b.header(CellSpec{Text: line})
		b.cell(r, 0, CellSpec{Span: len(columns), Style: spec.Notes.Style}, text, field, nil).Borderless = true
	}
	b.sortCells()
	return b.t
}

func (b *builder) row(kind table.RowKind, keep bool) int {
	b.t.Rows = append(b.t.Rows, table.Row{Kind: kind, KeepWithNext: keep})
	return len(b.t.Rows) - 1
}

// free is the first column from col of row r that no cell from above covers.
func (b *builder) free(r, col int) int {
	for col < len(b.covered[r]) && b.covered[r][col] {
		col++
	}
	return col
}

func (b *builder) cover(r, col int) {
	for len(b.covered[r]) <= col {
		b.covered[r] = append(b.covered[r], false)
	}
	b.covered[r][col] = true
}

// cell adds a cell at row r, column col, shaped as cs says.
func (b *builder) cell(r, col int, cs CellSpec, text, field string, num *figure) *table.Cell {
	c := table.Cell{Row: r, Col: col, RowSpan: span(cs.Rows), ColSpan: span(cs.Span), Style: cs.Style, Text: clean(text), Field: field}
	c.Repeat = c.RowSpan > 1
	if num != nil && text != "" {
		c.Number = &table.Number{Value: num.value, Kind: num.kind}
	}
	if num != nil {
		c.Role = num.role
	}
	b.t.Cells = append(b.t.Cells, c)
	return &b.t.Cells[len(b.t.Cells)-1]
}

// figure is what a cell showing a number keeps besides its text.
type figure struct {
	value jixiao.Fixed
	kind  table.NumberKind
	role  string
}

// header resolves a cell of the fixed rows: its text, the field it shows
// (the first a pattern refers to), and its figure.
func (b *builder) header(cs CellSpec) (string, string, *figure) {
	s := b.s
	switch cs.Value {
	case ValueTotalPoints:
		total := jixiao.FixedFromInt(int64(s.Rules.TotalPoints))
		return total.String(), "", &figure{value: total, kind: table.TotalPoints}
	case ValueGrade:
		if s.Rate == nil {
			return "", "", nil
		}
		return s.Grade, "", nil
	}
	if cs.Field != "" {
		text, num := b.fieldValue(cs.Field)
		return text, cs.Field, num
	}
	keys := placeholders(cs.Text)
	field := ""
	if len(keys) > 0 {
		field = keys[0]
	}
	return expand(cs.Text, func(key string) string { text, _ := b.fieldValue(key); return text }), field, nil
}

// fieldValue prints a header field: as the file wrote it, or for the
// computed ones (执行率, 得分, 总分) the computed figure.
func (b *builder) fieldValue(key string) (string, *figure) {
	s := b.s
	f, _ := b.spec.Field(key)
	v := s.Report.Value(key)
	switch f.Role {
	case jixiao.RoleRate, jixiao.RoleExecScore, jixiao.RoleTotal:
		fig := map[string]*figure{
			jixiao.RoleRate:      {s.RateShown, table.Percent, f.Role},
			jixiao.RoleExecScore: {s.ExecScore, table.ExecScore, f.Role},
			jixiao.RoleTotal:     {s.Total, table.TotalScore, f.Role},
		}[f.Role]
		if s.Rate == nil {
			return "", fig
		}
		if f.Role == jixiao.RoleRate {
			return s.RateShown.Format(s.Rules.RateDecimals) + "%", fig
		}
		return fig.value.Format(s.Rules.ScoreDecimals), fig
	}
	switch f.Kind {
	case jixiao.KindAmount:
		return b.amount(v), &figure{v.Value, table.Amount, f.Role}
	case jixiao.KindPoints:
		return v.Text, &figure{v.Value, table.Points, f.Role}
	case jixiao.KindPercent:
		return v.Text, &figure{v.Value, table.Percent, f.Role}
	}
	return v.Text, nil
}

// amount prints an amount as the file wrote it, or with the spec's fixed
// decimals.
func (b *builder) amount(f jixiao.Figure) string {
	if !f.Set {
		return ""
	}
	if d := b.spec.Numbers.AmountDecimals; d >= 0 {
		return f.Value.Format(d)
	}
	return f.Text
}

// block lays out the indicator block: the header row, then the 三级指标
// rows of each 二级 and 一级, whose cells are merged down their rows.
func (b *builder) block() {
	spec := b.spec.Indicators
	head := b.row(table.RowIndicatorHeader, true)
	b.t.HeaderRow = head
	col := b.free(head, 0)
	label := len(b.t.Cells)
	b.cell(head, col, spec.Label, expand(spec.Label.Text, noValue), "", nil).Repeat = true
	col += span(spec.Label.Span)
	for _, cs := range spec.Header {
		b.cell(head, col, cs, expand(cs.Text, noValue), "", nil)
		col += span(cs.Span)
	}
	levelCol := b.free(head, 0) + span(spec.Label.Span)
	itemCol := levelCol + span(spec.Levels[0].Span) + span(spec.Levels[1].Span)
	for i, ind := range b.s.Report.Indicators {
		path := "indicators[" + strconv.Itoa(i) + "]"
		first := len(b.t.Rows)
		for j, g := range ind.Groups {
			b.group(fmt.Sprintf("%s.groups[%d]", path, j), g, itemCol)
		}
		b.level(first, levelCol, spec.Levels[0], path, ind.Name, ind.Weight)
	}
	b.t.Cells[label].RowSpan = len(b.t.Rows) - head
}

// level adds the 一级 or 二级 cell over the rows from first to the last.
func (b *builder) level(first, col int, cs CellSpec, path, name string, weight jixiao.Figure) {
	rows := len(b.t.Rows) - first
	if rows == 0 {
		return
	}
	text := expand(cs.Text, func(key string) string {
		if key == "name" {
			return name
		}
		return weight.Text // unset: ""
	})
	c := b.cell(first, col, cs, text, path+".name", nil)
	c.RowSpan, c.Repeat = rows, true
}

func (b *builder) group(path string, g jixiao.Group, itemCol int) {
	spec := b.spec.Indicators
	first := len(b.t.Rows)
	for k, it := range g.Items {
		p := fmt.Sprintf("%s.items[%d]", path, k)
		r := b.row(table.RowIndicator, false)
		col := itemCol
		for _, cs := range spec.Items {
			text, key, num := b.item(cs, k, it)
			field := ""
			if key != "" && key != "n" {
				field = p + "." + key
			}
			b.cell(r, col, cs, text, field, num)
			col += span(cs.Span)
		}
	}
	for range g.BlankRows {
		r := b.row(table.RowBlank, false)
		col := itemCol
		for _, cs := range spec.Items {
			b.cell(r, col, CellSpec{Span: cs.Span, Style: spec.SlotStyle}, "", "", nil)
			col += span(cs.Span)
		}
	}
	b.level(first, itemCol-span(spec.Levels[1].Span), spec.Levels[1], path, g.Name, g.Weight)
}

// item resolves a cell of a 三级指标 row: its text, the item key it shows
// and its figure.
func (b *builder) item(cs CellSpec, k int, it jixiao.Item) (string, string, *figure) {
	value := func(key string) string {
		switch key {
		case "n":
			return strconv.Itoa(k + 1)
		case "name":
			return it.Name
		case "target":
			return it.Target
		case "actual":
			return it.Actual
		case "weight":
			return it.Weight.Text
		case "score":
			return it.Score.Text
		case "deviation":
			return it.Deviation
		case "kind":
			return it.Kind
		case "band":
			return it.Band
		}
		if part, ok := measurePart(key, it); ok {
			return part
		}
		return it.Extra[key]
	}
	switch cs.Field {
	case "":
	case "weight":
		return it.Weight.Text, "weight", &figure{it.Weight.Value, table.Points, ""}
	case "score":
		return it.Score.Text, "score", &figure{it.Score.Value, table.ItemScore, ""}
	default:
		return value(cs.Field), cs.Field, nil
	}
	keys := slices.DeleteFunc(placeholders(cs.Text), func(k string) bool { return k == "n" })
	key := ""
	if len(keys) > 0 {
		key = keys[0]
	}
	return expand(cs.Text, value), key, nil
}

func noValue(string) string { return "" }

// measurePart prints a part of a numeric 年度指标值 or 实际完成值, for forms
// that split it into 指标性质 / 指标值 / 度量单位: target.op (≥, ≤, >, <, or
// nothing), target.value, target.unit, and the same of actual. A text that
// is not a number is its own value, with no operator and no unit.
func measurePart(key string, it jixiao.Item) (string, bool) {
	which, part, ok := strings.Cut(key, ".")
	if !ok {
		return "", false
	}
	text := map[string]string{"target": it.Target, "actual": it.Actual}[which]
	m, numeric := jixiao.ParseMeasure(text)
	switch {
	case !numeric && part == "value":
		return text, true
	case !numeric:
		return "", true
	case part == "op":
		return m.Symbol(), true
	case part == "unit":
		return m.Unit, true
	}
	for places := 0; places <= 6; places++ { // the shortest exact decimal
		s := m.Value.FloatString(places)
		if r, _ := new(big.Rat).SetString(s); r.Cmp(m.Value) == 0 {
			return s, true
		}
	}
	return m.Value.FloatString(6), true
}

// Expand fills a pattern of header fields, such as a title's
// "{year}年度部门整体支出绩效自评表".
func Expand(spec *Spec, s *jixiao.Scored, pattern string) string {
	b := &builder{spec: spec, s: s}
	return expand(pattern, func(key string) string { text, _ := b.fieldValue(key); return text })
}

// sortCells puts cells in reading order. Labels that span rows are added
// after the rows they span, so they are moved to their first row here.
func (b *builder) sortCells() {
	slices.SortStableFunc(b.t.Cells, func(x, y table.Cell) int {
		return cmp.Or(cmp.Compare(x.Row, y.Row), cmp.Compare(x.Col, y.Col))
	})
}

// clean turns tabs into spaces and CR LF into LF. Decoding removed, and
// reported, what prints as nothing (jixiao's removeInvisible); anything
// invisible that still comes here (from a template) is kept, so that the
// glyph check names it rather than the form losing it unseen.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\t", " ")
}
