package formread

import (
	"fmt"
	"strings"

	"github.com/rivo/uniseg"

	"jixiao"
	"jixiao/render"
)

// TOML writes what was read as a data file, commented like `jixiao init`'s
// blank form, each value with the place it was read from (# 年初预算数 —
// 附件2!D5). A value that could not be read is left out, and a comment
// says where it stands and why.
func (r *Result) TOML(file string) []byte {
	w := &writer{r: r, problems: map[string]Problem{}}
	for _, p := range r.Problems {
		if _, ok := w.problems[p.Path]; !ok {
			w.problems[p.Path] = p
		}
	}
	f := r.Template.Domain()
	w.comment(r.Template.Name)
	w.comment(fmt.Sprintf(tomlReadFrom, file, r.Source))
	w.comment(tomlCheckIt)
	if len(r.Problems) > 0 {
		w.comment(fmt.Sprintf(tomlUnread, len(r.Problems)))
	}
	w.blank()
	if r.Template.Form != render.DefaultTemplate().Form {
		w.line("", jixiao.FormKey+" = "+tomlString(r.Template.Form), f.LabelOf(jixiao.FormKey))
	}
	w.table(f, "", "")
	w.indicators(f)
	return []byte(w.b.String())
}

type writer struct {
	r        *Result
	problems map[string]Problem
	b        strings.Builder
}

const commentColumn = 41

func (w *writer) line(indent, code, comment string) {
	w.b.WriteString(indent + code)
	if comment != "" {
		last := code[strings.LastIndexByte(code, '\n')+1:]
		if strings.Contains(code, "\n") {
			indent = ""
		}
		w.b.WriteString(strings.Repeat(" ", max(1, commentColumn-uniseg.StringWidth(indent+last))) + "# " + comment)
	}
	w.b.WriteString("\n")
}

func (w *writer) comment(text string) { w.b.WriteString("# " + text + "\n") }
func (w *writer) blank()              { w.b.WriteString("\n") }

// note is a value's comment: its label and place.
func (w *writer) note(label, path string) string {
	if where := w.r.Where[path]; where != "" {
		return fmt.Sprintf(tomlPlace, label, where)
	}
	return label
}

// missing writes the comment of a value left out, when it was.
func (w *writer) missing(indent, name, path, label string) {
	if p, ok := w.problems[path]; ok {
		w.line(indent, "# "+name+" = ", fmt.Sprintf(tomlCouldNot, label, p.Where, p.Text))
	}
}

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
		v, ok := w.r.Values[fd.Key]
		switch {
		case ok:
			w.line(indent, name+" = "+literalOf(fd.Kind, v), w.note(fd.Label, fd.Key))
		case w.r.Computed[fd.Key] != "":
			w.line(indent, "# "+name+" = ", fmt.Sprintf(tomlComputed, fd.Label, w.r.Computed[fd.Key]))
		default:
			w.missing(indent, name, fd.Key, fd.Label)
		}
	}
	for _, t := range tables {
		w.blank()
		w.line(indent, "["+t.Key+"]", t.Label)
		w.table(f, t.Key, indent)
	}
}

// indicators writes the indicator tree.
func (w *writer) indicators(f *jixiao.Form) {
	label := f.LabelOf
	w.missing("", "indicators", "indicators", label("indicators"))
	for i, ind := range w.r.Indicators {
		p := fmt.Sprintf("indicators[%d]", i)
		w.blank()
		w.line("", "[[indicators]]", w.note(label("indicators"), p))
		w.named("", p, ind.Name, ind.Weight, f)
		for j, g := range ind.Groups {
			gp := fmt.Sprintf("%s.groups[%d]", p, j)
			w.blank()
			w.line("  ", "[[indicators.groups]]", w.note(label("indicators.groups"), gp))
			w.named("  ", gp, g.Name, g.Weight, f)
			if g.BlankRows > 0 {
				w.line("  ", fmt.Sprintf("blank_rows = %d", g.BlankRows), tomlBlankRows)
			}
			for k, it := range g.Items {
				w.item(fmt.Sprintf("%s.items[%d]", gp, k), it, f)
			}
		}
	}
}

// named writes a level's name and 分值.
func (w *writer) named(indent, path, name string, weight jixiao.Figure, f *jixiao.Form) {
	w.line(indent, "name = "+tomlString(name), "")
	switch {
	case weight.Set && w.r.Summed[path+".weight"]:
		w.line(indent, "weight = "+weight.Text, fmt.Sprintf(tomlSummed, f.LabelOf(path+".weight")))
	case weight.Set:
		w.line(indent, "weight = "+weight.Text, w.note(f.LabelOf(path+".weight"), path+".weight"))
	default:
		w.missing(indent, "weight", path+".weight", f.LabelOf(path+".weight"))
	}
}

func (w *writer) item(path string, it jixiao.Item, f *jixiao.Form) {
	const indent = "    "
	w.blank()
	w.line(indent, "[[indicators.groups.items]]", f.LabelOf(path))
	text := func(key, v string) {
		switch {
		case v != "":
			w.line(indent, key+" = "+tomlString(v), w.note(f.LabelOf(path+"."+key), path+"."+key))
		default:
			w.missing(indent, key, path+"."+key, f.LabelOf(path+"."+key))
		}
	}
	figure := func(key string, v jixiao.Figure) {
		if v.Set {
			w.line(indent, key+" = "+v.Text, w.note(f.LabelOf(path+"."+key), path+"."+key))
		} else {
			w.missing(indent, key, path+"."+key, f.LabelOf(path+"."+key))
		}
	}
	text("name", it.Name)
	text("target", it.Target)
	text("actual", it.Actual)
	figure("weight", it.Weight)
	figure("score", it.Score)
	text("deviation", it.Deviation)
	text("kind", it.Kind)
	text("band", it.Band)
	for _, fd := range f.AllFields() {
		if key, ok := strings.CutPrefix(fd.Key, "indicators.groups.items."); ok && it.Extra[key] != "" {
			text(key, it.Extra[key])
		}
	}
}

// literalOf writes a value as TOML: figures as numbers, percentages and
// texts as strings.
func literalOf(kind jixiao.Kind, v string) string {
	switch kind {
	case jixiao.KindAmount, jixiao.KindPoints, jixiao.KindInt:
		return v
	}
	return tomlString(v)
}

// tomlString quotes a text as TOML: a basic string, or a multi-line one
// for a text of several lines, every character kept.
func tomlString(s string) string {
	var b strings.Builder
	multi := strings.Contains(s, "\n")
	if multi {
		b.WriteString("\"\"\"\n")
	} else {
		b.WriteByte('"')
	}
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' && multi:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}

func parentOf(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}
