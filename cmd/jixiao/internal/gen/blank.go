package gen

import (
	"fmt"
	"strings"

	"jixiao"
	"jixiao/render"
)

// Blank returns the blank form of a template: every key its spec declares,
// commented with its label, and one 一级, 二级 and 三级 indicator to copy.
// A form other than the default says its name in form = "…".
func Blank(tpl *render.Template) string {
	f := tpl.Domain()
	w := &writer{}
	w.comment(tpl.Name)
	w.comment("Fill in the values, then run `jixiao check FILE` on this file; it tells what is")
	w.comment("missing or does not add up. Amounts are " + f.Unit + " with at most 2 decimals.")
	w.comment(`Texts go in quotes; long texts may use """ … """ over several lines.`)
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

// writer writes TOML lines with their comments aligned.
type writer struct{ b strings.Builder }

const commentColumn = 41

func (w *writer) line(indent, code, comment string) {
	w.b.WriteString(indent + code)
	if comment != "" {
		pad := max(1, commentColumn-width(indent+code))
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
		if parentOf(fd.Key) != key || fd.Key == jixiao.FormKey || strings.HasPrefix(fd.Key, "indicators") {
			continue
		}
		if fd.Kind == jixiao.KindTable {
			tables = append(tables, fd)
			continue
		}
		name := fd.Key[len(key)+min(len(key), 1):]
		value := blankValue(f, fd)
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

// indicators writes one indicator of each level, with every key.
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
	for _, level := range []string{"indicators", "indicators.groups", "indicators.groups.items"} {
		indent := strings.Repeat("  ", strings.Count(level, "."))
		w.blank()
		w.line(indent, "[["+level+"]]", label(level))
		for _, fd := range f.AllFields() {
			if parentOf(fd.Key) != level || fd.Kind == jixiao.KindTables {
				continue
			}
			name := fd.Key[len(level)+1:]
			switch {
			case !fd.Required && fd.Example != "" && fd.Kind != jixiao.KindText || name == "kind" || name == "band":
				w.line(indent, "# "+name+" = "+fd.Example, fd.Label)
			case name == "name" && level != "indicators.groups.items":
				w.line(indent, name+" = "+fd.Example, "")
			default:
				w.line(indent, name+" = "+blankValue(f, fd), fd.Label)
			}
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

// width is a text's width in columns, a Chinese character taking two.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 {
			n++
		}
	}
	return n
}
