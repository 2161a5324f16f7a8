package formread

import (
	"fmt"
	"slices"
	"strings"

	"jixiao"
	"jixiao/render/form"
)

// block reads the indicator block: its rows between the header and the
// rows below it. The 一级 and 二级 cells are merged down their rows; a
// level cell that repeats the name of the one above (the same label
// written again after a page break) goes on with it. A row with nothing
// in its item cells is a slot (blank_rows); a row whose 三级指标 text is no
// 指标N：… and that has no 分值 or 得分 is the rest of the row above, cut
// by a page break.
type block struct {
	rd       *reader
	level    [2]*matcher
	levelCol [2]int
	items    []form.CellSpec
	itemCols []int
	matchers []*matcher // of the item cells printed from a pattern; nil for a field's
	ind, grp int        // the current 一级 and 二级, -1 before the first
	lastItem bool       // the row above was an indicator of the current group
}

func (rd *reader) readBlock(from, to int) {
	spec := rd.spec.Indicators
	b := &block{rd: rd, items: spec.Items, ind: -1, grp: -1}
	col := span(spec.Label.Span)
	for j, lv := range spec.Levels {
		b.level[j] = newMatcher(lv.Text)
		b.levelCol[j] = rd.col[col]
		col += span(lv.Span)
	}
	for _, it := range spec.Items {
		b.itemCols = append(b.itemCols, rd.col[min(col, len(rd.col)-1)])
		var m *matcher
		if it.Field == "" {
			m = newMatcher(it.Text)
		}
		b.matchers = append(b.matchers, m)
		col += span(it.Span)
	}
	for i := from; i < to; i++ {
		if _, ok := rd.headerAt(i); ok {
			continue // the header again, after a page break
		}
		b.row(i)
	}
	b.sums()
}

// sums gives the 一级 and 二级 their 分值 when the form does not print it
// (the 项目 form's level cells show the name alone): by the rules, a
// level's 分值 is the sum of those of the level below, and the data file
// says where it comes from.
func (b *block) sums() {
	rd := b.rd
	shows := func(lv int) bool { return slices.Contains(b.level[lv].keys, "weight") }
	for i := range rd.res.Indicators {
		ind := &rd.res.Indicators[i]
		for j := range ind.Groups {
			g := &ind.Groups[j]
			if !shows(1) {
				var ws []jixiao.Figure
				for _, it := range g.Items {
					ws = append(ws, it.Weight)
				}
				b.sum(&g.Weight, fmt.Sprintf("indicators[%d].groups[%d].weight", i, j), ws)
			}
		}
		if !shows(0) {
			var ws []jixiao.Figure
			for _, g := range ind.Groups {
				ws = append(ws, g.Weight)
			}
			b.sum(&ind.Weight, fmt.Sprintf("indicators[%d].weight", i), ws)
		}
	}
}

func (b *block) sum(dst *jixiao.Figure, path string, parts []jixiao.Figure) {
	var total jixiao.Fixed
	for _, p := range parts {
		if !p.Set {
			return
		}
		total += p.Value
	}
	*dst = jixiao.NewFigure(total)
	b.rd.res.Summed[path] = true
}

func (b *block) path() string {
	return fmt.Sprintf("indicators[%d].groups[%d]", b.ind, b.grp)
}

func (b *block) row(i int) {
	rd := b.rd
	for lv := range 2 {
		c := rd.s.starting(i, b.levelCol[lv])
		if c == nil || norm(c.Text) == "" {
			continue
		}
		where := rd.s.rows[i].t.Where(c.Ref)
		b.levelCell(lv, c.Text, where)
	}
	texts := make([]string, len(b.items))
	wheres := make([]string, len(b.items))
	empty, covered := true, false
	for j, fc := range b.itemCols {
		c, starts := rd.s.covering(i, fc)
		wheres[j] = rd.s.where(i, fc)
		switch {
		case c != nil && !starts:
			covered = true
		case c != nil:
			texts[j] = c.Text
			empty = empty && strings.TrimSpace(c.Text) == ""
		}
	}
	switch {
	case empty && covered: // a tall row goes on
	case empty:
		if b.grp >= 0 {
			b.group().BlankRows++
		}
		b.lastItem = false
	case b.grp < 0:
		rd.problem(wheres[0], "indicators", msgNoLevels,
			rd.spec.LabelOf("indicators"), rd.spec.LabelOf("indicators.groups"))
	default:
		b.item(texts, wheres)
	}
}

func (b *block) group() *jixiao.Group {
	return &b.rd.res.Indicators[b.ind].Groups[b.grp]
}

// levelCell reads a 一级 (lv 0) or 二级 (lv 1) cell: a new level, or the
// one above going on after a page break.
func (b *block) levelCell(lv int, text, where string) {
	rd := b.rd
	m := b.level[lv]
	vals, ok := m.match(text)
	if !ok {
		rd.problem(where, [2]string{"indicators", "indicators.groups"}[lv], msgNoFit, quote(text), rd.spec.Indicators.Levels[lv].Text)
		return
	}
	name := strings.Join(strings.Fields(vals["name"]), "") // the layout's line breaks
	wtext := vals["weight"]
	if lv == 0 {
		if b.ind >= 0 && rd.res.Indicators[b.ind].Name == name {
			return
		}
		rd.res.Indicators = append(rd.res.Indicators, jixiao.Indicator{Name: name})
		b.ind, b.grp, b.lastItem = len(rd.res.Indicators)-1, -1, false
		path := fmt.Sprintf("indicators[%d]", b.ind)
		b.where(path, where)
		rd.res.Indicators[b.ind].Weight = b.points(path+".weight", wtext, where)
		return
	}
	if b.ind < 0 {
		rd.problem(where, "indicators.groups", msgNoLevel, rd.spec.LabelOf("indicators.groups"), rd.spec.LabelOf("indicators"))
		return
	}
	ind := &rd.res.Indicators[b.ind]
	if b.grp >= 0 && ind.Groups[b.grp].Name == name {
		return
	}
	ind.Groups = append(ind.Groups, jixiao.Group{Name: name})
	b.grp, b.lastItem = len(ind.Groups)-1, false
	b.where(b.path(), where)
	ind.Groups[b.grp].Weight = b.points(b.path()+".weight", wtext, where)
}

// where records a place for a path and for its name.
func (b *block) where(path, where string) {
	b.rd.res.Where[path] = where
	b.rd.res.Where[path+".name"] = where
	b.rd.res.Where[path+".weight"] = where
}

// points reads a 分值 or 得分; unset when empty.
func (b *block) points(path, text, where string) jixiao.Figure {
	b.rd.res.Where[path] = where
	if blank(text) {
		return jixiao.Figure{}
	}
	v, err := figureText(jixiao.KindPoints, text, 0)
	if err == nil {
		var f jixiao.Fixed
		if f, err = jixiao.ParseFixed(v); err == nil {
			return jixiao.Figure{Value: f, Text: v, Set: true}
		}
		err = fmt.Errorf("%s: %w", quote(text), err)
	}
	b.rd.problemErr(where, path, err)
	return jixiao.Figure{}
}

// item reads a 三级指标 row, or the rest of the one above.
func (b *block) item(texts, wheres []string) {
	rd := b.rd
	g := b.group()
	k := len(g.Items)
	var keys []string           // the item keys the row shows, in the spec's order
	vals := map[string]string{} // item key → text
	at := map[string]string{}   // item key → place
	raw := map[string]string{}  // the cell's own text, by the key it shows
	misfit := false             // a pattern cell's text does not fit
	for j, cs := range b.items {
		if cs.Field != "" {
			keys = append(keys, cs.Field)
			vals[cs.Field], at[cs.Field], raw[cs.Field] = texts[j], wheres[j], texts[j]
			continue
		}
		m := b.matchers[j]
		got, ok := m.match(texts[j])
		misfit = misfit || !ok && strings.TrimSpace(texts[j]) != ""
		for _, key := range m.keys {
			if key == "n" {
				continue
			}
			keys = append(keys, key)
			at[key], raw[key], vals[key] = wheres[j], texts[j], got[key]
		}
	}
	// The rest of the row above, cut by a page break: no figures, and a
	// 三级指标 cell that either holds the rest of its text or repeats it.
	if b.lastItem && k > 0 && blank(vals["weight"]) && blank(vals["score"]) {
		prev := &g.Items[k-1]
		switch {
		case misfit:
			b.goOn(prev, raw)
			return
		case vals["name"] == prev.Name:
			delete(raw, "name")
			b.goOn(prev, raw)
			return
		}
	}
	path := fmt.Sprintf("%s.items[%d]", b.path(), k)
	it := jixiao.Item{}
	for _, key := range keys {
		rd.res.Where[path+"."+key] = at[key]
	}
	rd.res.Where[path] = at["name"]
	for j, cs := range b.items {
		if m := b.matchers[j]; m != nil && strings.TrimSpace(texts[j]) != "" {
			if _, ok := m.match(texts[j]); !ok {
				rd.problem(wheres[j], path+"."+firstKey(m.keys), msgNoFit, quote(texts[j]), cs.Text)
			}
		}
	}
	parts := map[string]string{}
	for _, key := range keys {
		text := strings.TrimSpace(vals[key])
		switch key {
		case "name":
			it.Name = text
		case "target":
			it.Target = text
		case "actual":
			it.Actual = text
		case "deviation":
			it.Deviation = text
		case "kind":
			it.Kind = text
		case "band":
			it.Band = text
		case "weight":
			it.Weight = b.points(path+".weight", text, at[key])
		case "score":
			it.Score = b.points(path+".score", text, at[key])
		default:
			if strings.HasPrefix(key, "target.") || strings.HasPrefix(key, "actual.") {
				parts[key] = text
				continue
			}
			if it.Extra == nil {
				it.Extra = map[string]string{}
			}
			if text != "" {
				it.Extra[key] = text
			}
		}
	}
	// A form that splits 年度指标值 into 指标性质 / 指标值 / 度量单位.
	for _, which := range []string{"target", "actual"} {
		if v := parts[which+".op"] + parts[which+".value"] + parts[which+".unit"]; v != "" {
			if which == "target" {
				it.Target = v
			} else {
				it.Actual = v
			}
		}
	}
	g.Items = append(g.Items, it)
	b.lastItem = true
}

func firstKey(keys []string) string {
	for _, k := range keys {
		if k != "n" {
			return k
		}
	}
	return "name"
}

// goOn appends the texts of a row cut by a page break to the indicator
// it continues.
func (b *block) goOn(it *jixiao.Item, raw map[string]string) {
	for key, text := range raw { // each key once: the order does not matter
		switch key {
		case "name":
			it.Name += text
		case "target":
			it.Target += text
		case "actual":
			it.Actual += text
		case "deviation":
			it.Deviation += text
		default:
			if it.Extra != nil && text != "" {
				it.Extra[key] += text
			}
		}
	}
}
