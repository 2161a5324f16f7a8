package render

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"jixiao"
	"jixiao/fonts"
	"jixiao/render/form"
	"jixiao/render/linebreak"
)

// Engine lays out forms with one template and its fonts. Build it once per
// template; it is read-only afterwards and safe for concurrent use.
type Engine struct {
	Template *Template
	faces    map[string]*fonts.Face // by the template's font key
	resolved *Look                  // the template's looks with these faces, for every Document
}

// NewEngine loads the template's fonts: the shipped faces by name, any
// other value as a TrueType file relative to the template.
func NewEngine(tpl *Template) (*Engine, error) {
	e := &Engine{Template: tpl, faces: map[string]*fonts.Face{}}
	for _, key := range slices.Sorted(maps.Keys(tpl.Fonts)) {
		var face *fonts.Face
		var err error
		if path, isFile := tpl.fontFile(key); isFile {
			face, err = fonts.Load(path)
		} else {
			face, err = fonts.Builtin(tpl.Fonts[key])
		}
		if err != nil {
			te := keyError("fonts."+key, "fonts.%s: %v", key, err)
			te.Err = err
			return nil, tpl.errorAt(te)
		}
		e.faces[key] = face
	}
	e.resolved = e.look()
	return e, nil
}

func isBuiltinFace(name string) bool { return slices.Contains(fonts.BuiltinNames(), name) }

// Face returns the face a style draws with.
func (e *Engine) Face(style string) *fonts.Face { return e.faces[e.Template.Styles[style].Font] }

// FaceByKey returns the face of a template font key.
func (e *Engine) FaceByKey(key string) *fonts.Face { return e.faces[key] }

// LineHeight is the distance between baselines of a style's lines, in
// points, for backends that size rows of their own (the XLSX).
func (e *Engine) LineHeight(style string) float64 { return e.lineHeight(style) }

// lineHeight is the distance between baselines of a style's lines.
func (e *Engine) lineHeight(style string) float64 {
	return e.leading(e.Template.Styles[style].Size)
}

// leading is the distance between baselines of lines of a font size.
func (e *Engine) leading(size float64) float64 { return size * e.Template.Table.Leading }

// breakLines breaks text for a style at a size into lines at most width wide.
func (e *Engine) breakLines(text, style string, size, width float64) []string {
	if e.Template.Styles[style].Stack {
		width = 0 // one character per line
	}
	face := e.Face(style)
	return linebreak.Lines(text, width, func(r rune) float64 { return face.Advance(r) * size })
}

// textWidth is the width of one line of a style at a size, in points.
func (e *Engine) textWidth(text, style string, size float64) float64 {
	return e.Face(style).Width(text) * size
}

// Layout computes the whole document: the table, its measured lines, and
// the pages. Its errors are texts the fonts cannot draw, each placed at its
// field in the data file; when there are any, no document is made. Its
// warnings (a number too wide for its column at the smallest size) come
// with the document.
func (e *Engine) Layout(s *jixiao.Scored, file string) (*Document, jixiao.Problems) {
	t := Build(e.Template, s)
	doc := &Document{
		Title:    e.title(s),
		Subtitle: e.subtitle(s),
		Author:   s.Department(),
		Width:    mm(e.Template.Page.Width),
		Height:   mm(e.Template.Page.Height),
		Table:    t,
		Look:     e.resolved,
	}
	if problems := e.missingGlyphs(t, doc, s.Report, file); len(problems) > 0 {
		return nil, problems
	}
	warnings := e.measure(t, s.Report, file)
	if err := e.paginate(doc); err != nil {
		return nil, jixiao.Problems{{File: file, Severity: jixiao.Error,
			Message: fmt.Sprintf("the template %s cannot lay this form out: %v", e.Template.file, err)}}
	}
	return doc, warnings
}

func (e *Engine) title(s *jixiao.Scored) string {
	return form.Expand(&e.Template.Spec, s, e.Template.Labels.Title)
}

// subtitle is the line under the title, "" for none.
func (e *Engine) subtitle(s *jixiao.Scored) string {
	return form.Expand(&e.Template.Spec, s, e.Template.Labels.Subtitle)
}

// missingGlyphs reports every character that the font of its cell cannot
// draw: gopdf would silently draw a space instead.
func (e *Engine) missingGlyphs(t *Table, doc *Document, r *jixiao.Report, file string) jixiao.Problems {
	var out jixiao.Problems
	check := func(text, style, field string) {
		missing := e.Face(style).Missing(text)
		if len(missing) == 0 {
			return
		}
		var names []string
		for _, m := range missing {
			names = append(names, fmt.Sprintf("%q (U+%04X)", m, m))
		}
		p := jixiao.Problem{File: file, Severity: jixiao.Error, Path: field,
			Message: fmt.Sprintf("the font %s has no glyph for %s", e.Face(style).Name(), strings.Join(names, ", "))}
		if field != "" {
			p.Pos, p.Label = r.Position(field), r.LabelOf(field)
		} else {
			p.Message = "template label " + strconv.Quote(text) + ": " + p.Message
		}
		out = append(out, p)
	}
	check(e.Template.Labels.Attachment, StyleAttachment, "")
	check(doc.Title, StyleTitle, "")
	if doc.Subtitle != "" {
		check(doc.Subtitle, StyleSubtitle, "")
	}
	for _, c := range t.Cells {
		check(c.Text, c.Style, c.Field)
	}
	out.Sort()
	return out
}
