package render

import (
	"jixiao"
	"jixiao/fonts"
	"jixiao/render/form"
)

// Look is what a backend needs of the template, with its fonts resolved:
// each style with its face, the paper, the grid's padding and leading, the
// sheet's name and how figures print. A Document carries its Look, so the
// PDF, XLSX and PNG backends draw the document alone, without the engine.
type Look struct {
	Styles  map[string]Style       // by style name
	Faces   map[string]*fonts.Face // the face each style draws with, by style name
	Page    PageSetup              // millimetres
	Table   TableSetup             // millimetres; border in points
	Sheet   string                 // the XLSX sheet's name
	Name    string                 // the form's name, e.g. for a document's subject
	Numbers form.NumberSetup
	Rules   jixiao.Rules
}

// Face returns the face a style draws with.
func (l *Look) Face(style string) *fonts.Face { return l.Faces[style] }

// LineHeight is the distance between baselines of a style's lines, in
// points, at the style's size.
func (l *Look) LineHeight(style string) float64 { return l.Styles[style].Size * l.Table.Leading }

// look resolves the template's looks with the engine's fonts.
func (e *Engine) look() *Look {
	t := e.Template
	l := &Look{Styles: t.Styles, Faces: map[string]*fonts.Face{}, Page: t.Page, Table: t.Table,
		Sheet: t.Sheet, Name: t.Name, Numbers: t.Numbers, Rules: t.Rules}
	for name, st := range t.Styles {
		l.Faces[name] = e.faces[st.Font]
	}
	return l
}
