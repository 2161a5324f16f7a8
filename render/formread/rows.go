package formread

import (
	"slices"
	"strings"

	"jixiao"
	"jixiao/render/form"
)

// read reads the whole form: the rows above the indicator block, the
// block, the rows below it, and the title's fields.
func (rd *reader) read() {
	rd.res.Source = rd.s.rows[rd.header].t.Name
	var before, after []int // spec rows
	for k, row := range rd.spec.Rows {
		switch {
		case row.Indicators:
		case slices.ContainsFunc(rd.spec.Rows[:k], func(r form.RowSpec) bool { return r.Indicators }):
			after = append(after, k)
		default:
			before = append(before, k)
		}
	}
	cols := specColumns(rd.spec)
	top := rd.match(before, cols, 0, rd.header)
	bottom := rd.match(after, cols, rd.header+1, rd.s.len())
	end := rd.s.len()
	for _, r := range bottom {
		if r >= 0 {
			end = r
			break
		}
	}
	rd.readRows(before, cols, top, rd.header)
	rd.readBlock(rd.header+1, end)
	rd.readRows(after, cols, bottom, rd.s.len())
	first := rd.header
	for _, r := range top {
		if r >= 0 {
			first = r
			break
		}
	}
	rd.readTitle(first)
	// A table's problems (a sum that does not hold) stand at its first value.
	for _, f := range rd.spec.AllFields() {
		for t := parentOf(f.Key); t != "" && rd.res.Where[f.Key] != ""; t = parentOf(t) {
			if rd.res.Where[t] == "" {
				rd.res.Where[t] = rd.res.Where[f.Key]
			}
		}
	}
}

// specColumns is the spec column of every cell of every fixed row, as
// Check tiles them: a cell goes in the first column no cell above covers.
func specColumns(spec *form.Spec) [][]int {
	width := spec.Width()
	covered := make([]int, width)
	out := make([][]int, len(spec.Rows))
	for k, row := range spec.Rows {
		if row.Indicators {
			clear(covered)
			continue
		}
		col := 0
		for _, c := range row.Cells {
			for col < width && covered[col] > 0 {
				col++
			}
			out[k] = append(out[k], col)
			for j := col; j < min(width, col+span(c.Span)); j++ {
				covered[j] = span(c.Rows)
			}
			col += span(c.Span)
		}
		for j := range covered {
			covered[j] = max(0, covered[j]-1)
		}
	}
	return out
}

// match finds the stream row of each spec row, in order, between rows
// from and to: a row with labels where they all stand; a row without (the
// goals' texts) just after the row before it. A row not found (deleted)
// is -1, and the next is looked for from where it would have been.
func (rd *reader) match(rows []int, cols [][]int, from, to int) []int {
	out := make([]int, len(rows))
	pos := from
	for n, k := range rows {
		out[n] = -1
		keyed := rd.hasKeys(k)
		for i := pos; i < to; i++ {
			if !keyed || rd.rowMatches(k, cols[k], i) {
				out[n], pos = i, i+1
				break
			}
		}
		if out[n] < 0 && keyed && pos < rd.s.len() {
			if key, label := rd.requiredIn(k); key != "" {
				rd.problem(rd.s.where(pos, 0), key, msgRowNotFound, label)
			}
		}
	}
	return out
}

// requiredIn returns a required field that spec row k shows, and the
// row's first label; "" when it shows none (a row that may be deleted).
func (rd *reader) requiredIn(k int) (key, label string) {
	for _, c := range rd.spec.Rows[k].Cells {
		if label == "" && c.Field == "" && hasHan(prefix(c.Text)) {
			label = strings.TrimSpace(prefix(c.Text))
		}
		keys := []string{c.Field}
		if c.Field == "" {
			keys = newMatcher(c.Text).keys
		}
		for _, k := range keys {
			if f, ok := rd.spec.Field(k); ok && f.Required && key == "" {
				key = k
			}
		}
	}
	return key, label
}

// hasKeys tells whether a spec row has a label to be found by.
func (rd *reader) hasKeys(k int) bool {
	return slices.ContainsFunc(rd.spec.Rows[k].Cells, func(c form.CellSpec) bool {
		return c.Field == "" && c.Value == "" && hasHan(prefix(c.Text))
	})
}

// rowMatches tells whether stream row i shows the labels of spec row k
// at their columns — each fixed text, and each pattern's fixed start — or
// at least half of them: a label typed otherwise (一般公共预算六千) still
// leaves its row found, and its cell is then said not to fit.
func (rd *reader) rowMatches(k int, cols []int, i int) bool {
	found, all := 0, 0
	for j, c := range rd.spec.Rows[k].Cells {
		if c.Field != "" || c.Value != "" || !hasHan(prefix(c.Text)) {
			continue
		}
		all++
		cell := rd.s.starting(i, rd.col[cols[j]])
		if cell == nil {
			continue
		}
		text := norm(cell.Text)
		if strings.ContainsAny(c.Text, "{[") && strings.HasPrefix(text, norm(prefix(c.Text))) || text == norm(c.Text) {
			found++
		}
	}
	return found > 0 && 2*found >= all
}

// readRows reads the fields of the matched rows. A row cut by a page
// break goes on in the rows below it, up to the next matched row: their
// texts in a cell of a field's columns are the rest of its text.
func (rd *reader) readRows(rows []int, cols [][]int, at []int, to int) {
	for n, k := range rows {
		i := at[n]
		if i < 0 {
			continue
		}
		next := to
		for _, r := range at[n+1:] {
			if r >= 0 {
				next = r
				break
			}
		}
		for j, c := range rd.spec.Rows[k].Cells {
			if c.Value != "" || c.Field == "" && !strings.Contains(c.Text, "{") {
				continue
			}
			fc := rd.col[cols[k][j]]
			cell := rd.s.starting(i, fc)
			text, formula := "", false
			if cell != nil {
				text, formula = cell.Text, cell.Formula
			}
			where := rd.s.where(i, fc)
			if c.Field == "" {
				rd.pattern(c.Text, text, where)
				continue
			}
			for r := i + 1; r < next && cell != nil; r++ {
				// The same cell again below, cut by a page break.
				if more := rd.s.starting(r, fc); more != nil && more.Col == fc && more.ColSpan == cell.ColSpan {
					text += more.Text
				}
			}
			rd.field(c.Field, text, where, formula, false)
		}
	}
}

// readTitle reads the fields of the title and subtitle patterns
// ({year}年度部门整体支出绩效自评表) from the rows above the form's first.
func (rd *reader) readTitle(first int) {
	for _, pattern := range []string{rd.tpl.Labels.Title, rd.tpl.Labels.Subtitle} {
		if !strings.Contains(pattern, "{") {
			continue
		}
		m := newMatcher(pattern)
		for i := 0; i < first; i++ {
			for _, c := range rd.s.cells(i) {
				if vals, ok := m.match(c.Text); ok {
					where := rd.s.rows[i].t.Where(c.Ref)
					for _, key := range m.keys {
						rd.field(key, strings.Join(strings.Fields(vals[key]), ""), where, false, true)
					}
					i = first
					break
				}
			}
		}
	}
}

// pattern reads the fields of a cell printed from a pattern, such as
// 其中：一般公共预算：6341.72.
func (rd *reader) pattern(pattern, text, where string) {
	m := newMatcher(pattern)
	for _, key := range m.keys {
		rd.res.Where[key] = where
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	vals, ok := m.match(text)
	if !ok {
		key := ""
		if len(m.keys) > 0 {
			key = m.keys[0]
		}
		rd.problem(where, key, msgNoFit, quote(text), pattern)
		return
	}
	for _, key := range m.keys {
		rd.field(key, vals[key], where, false, true)
	}
}

// field reads a header field's value from a cell's text. typed is true for
// a value from within a text (a pattern): an amount keeps the decimals it
// was typed with; a cell's number shows the amount's two.
func (rd *reader) field(key, text, where string, formula, typed bool) {
	rd.res.Where[key] = where
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	f, ok := rd.spec.Field(key)
	if !ok || blank(text) {
		return
	}
	if formula && computed(f.Role) {
		rd.res.Computed[key] = where
		return
	}
	if f.Kind == jixiao.KindText {
		rd.res.Values[key] = text
		return
	}
	places := 2
	if d := rd.spec.Numbers.AmountDecimals; d >= 0 {
		places = d
	}
	switch {
	case typed && plainNumber(text):
		places = -1 // as typed: 90.40
	case typed:
		places = 0 // ７３５ or 6,341.72: as short as it is
	}
	v, err := figureText(f.Kind, text, places)
	if err != nil {
		rd.problemErr(where, key, err)
		return
	}
	if places < 0 && f.Kind == jixiao.KindAmount {
		v = text
	}
	rd.res.Values[key] = v
}

// computed tells the roles whose figures the program computes.
func computed(role string) bool {
	return role == jixiao.RoleRate || role == jixiao.RoleExecScore || role == jixiao.RoleTotal
}

// blank tells an empty cell, or one holding only a mark that says
// "nothing here" (— or /), as forms fill empty cells.
func blank(s string) bool {
	return strings.Trim(s, " \n\t—–-－/／") == ""
}

// plainNumber tells a number written as a data file writes one: 90.40.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	dot := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' && !dot && i > 0:
			dot = true
		case r == '-' && i == 0:
		default:
			return false
		}
	}
	return !strings.HasSuffix(s, ".")
}
