package gen

import (
	"fmt"
	"strings"

	"github.com/rivo/uniseg"

	"jixiao"
	"jixiao/render"
)

// Blank returns the blank form of a template: every key its spec declares,
// commented with its label, and the official indicator skeleton (产出 /
// 效益 / 满意度 with their 二级 groups), one 三级 indicator in each to copy.
// Nothing that check computes is written (执行率, 预算执行得分, 总分), so
// that check reports only what a person must fill in. A form other than
// the default says its name in form = "…".
func Blank(tpl *render.Template) string { return write(tpl, nil) }

// Next returns next year's form from last year's report: the department,
// the indicators with their targets and weights, the 分值 of 执行率 and the
// texts that are not results are kept; amounts, actual values, scores and
// deviations are cleared, and the year moves on.
func Next(tpl *render.Template, last *jixiao.Report) string { return write(tpl, last) }

func write(tpl *render.Template, last *jixiao.Report) string {
	f := tpl.Domain()
	w := &writer{last: last}
	w.comment(tpl.Name)
	if last != nil {
		w.comment(fmt.Sprintf("%d年度，由 %d 年度的表生成：保留了单位、指标、指标值和分值；请填写各项金额、", last.Year()+1, last.Year()))
		w.comment("每项指标的实际完成值（actual）和得分（score = …），得分低于分值时填写偏差原因（deviation）。")
	}
	w.comment("Fill in the values, then run `jixiao check FILE` on this file; it tells what is")
	w.comment("missing or does not add up. Amounts are " + f.Unit + " with at most 2 decimals.")
	w.comment(`Texts go in quotes; long texts may use """ … """ over several lines.`)
	w.comment("执行率、预算执行得分和总分由 jixiao check 计算，不用填写。")
	w.blank()
	formLabel := f.LabelOf(jixiao.FormKey)
	if tpl.Form == render.DefaultTemplate().Form {
		w.line("", "# "+jixiao.FormKey+" = "+quote(tpl.Form), formLabel+": the form this file fills in (this one is the default)")
	} else {
		w.line("", jixiao.FormKey+" = "+quote(tpl.Form), formLabel)
	}
	w.table(f, "", "")
	w.indicators(tpl)
	return w.b.String()
}

// computed tells the fields check computes, which a form leaves out.
func computed(fd jixiao.Field) bool {
	switch fd.Role {
	case jixiao.RoleRate, jixiao.RoleExecScore, jixiao.RoleTotal:
		return true
	}
	return false
}

// writer writes TOML lines with their comments aligned.
type writer struct {
	b    strings.Builder
	last *jixiao.Report // last year's, for Next; nil for a blank form
}

const commentColumn = 41

func (w *writer) line(indent, code, comment string) {
	w.b.WriteString(indent + code)
	if comment != "" {
		pad := max(1, commentColumn-uniseg.StringWidth(indent+code))
		w.b.WriteString(strings.Repeat(" ", pad) + "# " + comment)
	}
	w.b.WriteString("\n")
}

func (w *writer) comment(text string) { w.b.WriteString("# " + text + "\n") }
func (w *writer) blank()              { w.b.WriteString("\n") }

// table writes the header fields directly under key, then its tables.
func (w *writer) table(f *jixiao.Form, key, indent string) {
	var tables []jixiao.Field
	for _, fd := range f.AllFields() {
		if parentOf(fd.Key) != key || fd.Key == jixiao.FormKey || strings.HasPrefix(fd.Key, "indicators") || computed(fd) {
			continue
		}
		if fd.Kind == jixiao.KindTable {
			tables = append(tables, fd)
			continue
		}
		name := fd.Key[len(key)+min(len(key), 1):]
		value := w.headerValue(f, fd)
		if strings.Contains(value, "\n") { // a long text: the comment after the closing quotes
			first, rest, _ := strings.Cut(value, "\n")
			w.line(indent, name+" = "+first, "")
			w.line(indent, rest, fd.Label)
			continue
		}
		w.line(indent, name+" = "+value, fd.Label)
	}
	for _, t := range tables {
		w.blank()
		w.line(indent, "["+t.Key+"]", t.Label+sumNote(f, t.Key))
		w.table(f, t.Key, indent)
	}
}

// sumNote says which whole a table's parts add up to.
func sumNote(f *jixiao.Form, key string) string {
	for _, s := range f.Sums {
		if s.At == key {
			whole, _ := f.Field(s.Whole)
			return "（合计 = " + whole.Label + "）"
		}
	}
	return ""
}

// blankValue is what a blank form writes for a field: nothing filled in,
// but the right type, and the 分值 of 执行率 the form fixes.
func blankValue(f *jixiao.Form, fd jixiao.Field) string {
	switch fd.Kind {
	case jixiao.KindText:
		if strings.HasPrefix(fd.Example, `"""`) {
			return "\"\"\"\n\"\"\""
		}
		return `""`
	case jixiao.KindPercent:
		return `"0%"`
	}
	if fd.Role == jixiao.RoleExecWeight {
		return execWeight(f)
	}
	return "0"
}

// execWeight is the 分值 of 执行率: as the rules fix it, or its example.
func execWeight(f *jixiao.Form) string {
	if f.Rules.ExecWeight > 0 {
		return fmt.Sprint(f.Rules.ExecWeight)
	}
	if fd, ok := f.ByRole(jixiao.RoleExecWeight); ok && fd.Example != "" {
		return fd.Example
	}
	return "10"
}

// headerValue is what the form writes for a header field: blank, or for
// Next what carries over from last year.
func (w *writer) headerValue(f *jixiao.Form, fd jixiao.Field) string {
	if w.last == nil {
		return blankValue(f, fd)
	}
	v := w.last.Values[fd.Key]
	switch {
	case fd.Role == jixiao.RoleYear && w.last.Year() > 0:
		return fmt.Sprint(w.last.Year() + 1)
	case fd.Role == jixiao.RoleExecWeight && v.Set:
		return v.Text
	case fd.Kind == jixiao.KindText && v.Set && !isResult(fd.Label):
		return textValue(v.Text)
	}
	return blankValue(f, fd)
}

// isResult tells a text that reports the year's results (实际完成情况),
// which next year's form starts without.
func isResult(label string) bool { return strings.Contains(label, "实际") }

// textValue writes a text as TOML: in """ … """ when it has lines.
func textValue(s string) string {
	if strings.Contains(s, "\n") && !strings.Contains(s, `"""`) {
		return "\"\"\"\n" + s + "\"\"\""
	}
	return quote(s)
}

// indicators writes the indicator tree: last year's, or the official
// skeleton, each level with every key.
func (w *writer) indicators(tpl *render.Template) {
	f := tpl.Domain()
	label := func(key string) string { return f.LabelOf(key) }
	w.blank()
	w.comment(fmt.Sprintf("%s：%s → %s → %s，按表中顺序。", tpl.Indicators.Label.Text,
		label("indicators"), label("indicators.groups"), label("indicators.groups.items")))
	w.comment("Copy a [[indicators]], [[indicators.groups]] or [[indicators.groups.items]]")
	w.comment("block for each further indicator. Each level's 分值 is the sum of the")
	if _, ok := f.ByRole(jixiao.RoleExecWeight); ok {
		w.comment(fmt.Sprintf("level below; 预算执行率 分值 + all 一级指标 分值 = %d.", f.Rules.TotalPoints))
	} else {
		w.comment(fmt.Sprintf("level below; all 一级指标 分值 add up to %d.", f.Rules.TotalPoints))
	}
	tree := w.tree(f)
	for _, ind := range tree {
		w.block(f, "indicators", map[string]string{"name": quote(ind.Name), "weight": ind.Weight.Text})
		for _, g := range ind.Groups {
			values := map[string]string{"name": quote(g.Name), "weight": g.Weight.Text}
			if g.BlankRows > 0 {
				values["blank_rows"] = fmt.Sprint(g.BlankRows)
			}
			w.block(f, "indicators.groups", values)
			for _, it := range g.Items {
				values := map[string]string{"name": quote(it.Name), "target": textValue(it.Target), "weight": it.Weight.Text}
				if it.Kind != "" {
					values["kind"] = quote(it.Kind)
				}
				for k, v := range it.Extra {
					values[k] = textValue(v)
				}
				if w.last != nil {
					values["score"] = "" // to fill in: left out, so check asks for it
				}
				w.block(f, "indicators.groups.items", values)
			}
		}
	}
}

// tree is last year's indicators, or the official skeleton: each 一级 with
// the 分值 the rules give it, each 二级 with one 三级 to fill in.
func (w *writer) tree(f *jixiao.Form) []jixiao.Indicator {
	if w.last != nil && len(w.last.Indicators) > 0 {
		return w.last.Indicators
	}
	weights := (&form{f: f}).levelWeights()
	var out []jixiao.Indicator
	for i, lv := range levels {
		ind := jixiao.Indicator{Name: lv.name, Weight: jixiao.NewFigure(jixiao.FixedFromInt(int64(weights[i])))}
		for _, g := range lv.groups {
			ind.Groups = append(ind.Groups, jixiao.Group{Name: g, Weight: jixiao.NewFigure(0), Items: []jixiao.Item{{Weight: jixiao.NewFigure(0)}}})
		}
		out = append(out, ind)
	}
	return out
}

// block writes one [[level]] with every key of the level: values gives
// those that carry over; a key given "" is left out; optional keys are
// written commented out, to uncomment.
func (w *writer) block(f *jixiao.Form, level string, values map[string]string) {
	indent := strings.Repeat("  ", strings.Count(level, "."))
	w.blank()
	w.line(indent, "[["+level+"]]", f.LabelOf(level))
	for _, fd := range f.AllFields() {
		if parentOf(fd.Key) != level || fd.Kind == jixiao.KindTables {
			continue
		}
		name := fd.Key[len(level)+1:]
		comment := fd.Label
		if name == "name" && level != "indicators.groups.items" {
			comment = ""
		}
		v, given := values[name]
		switch {
		case given && v == "":
		case given:
			w.line(indent, name+" = "+v, comment)
		case !fd.Required && fd.Example != "" && fd.Kind != jixiao.KindText || name == "kind" || name == "band":
			w.line(indent, "# "+name+" = "+fd.Example, fd.Label)
		default:
			w.line(indent, name+" = "+blankValue(f, fd), comment)
		}
	}
}

func parentOf(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
