package render

import (
	"maps"
	"testing"
	"time"
)

// FuzzTemplateLengths sets the template's lengths to any numbers: each
// template is refused by its check, or lays out the sample into a sound
// document within seconds. (go test -fuzz FuzzTemplateLengths ./render)
func FuzzTemplateLengths(f *testing.F) {
	// The built-in template's values, then absurd ones.
	f.Add(210.0, 297.0, 20.0, 18.0, 18.0, 16.0, 1.0, 0.8, 1.25, 6.5, 0.5, 1.0, 10.5, 18.0)
	f.Add(210.0, 297.0, 20.0, 18.0, 18.0, 16.0, 1.0, 0.8, 1.25, 300.0, 0.5, 1.0, 10.5, 18.0)
	f.Add(60.0, 75.0, 5.0, 8.0, 5.0, 5.0, 0.2, 0.1, 1.0, 2.0, 0.1, 0.28, 4.0, 6.0)
	f.Add(210.0, 297.0, 20.0, 18.0, 18.0, 16.0, 40.0, 200.0, 4.0, 6.5, 5.0, 1.0, 72.0, 72.0)
	f.Add(2500.0, 2500.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.01, 0.0, 14.0, 4.0, 4.0)
	f.Add(210.0, 297.0, 20.0, 18.0, 18.0, 16.0, 1.0, 0.8, 1.25, 120.0, 0.5, 1.0, 10.5, 72.0)
	e := engine(f)
	s := sample(f)
	f.Fuzz(func(t *testing.T, width, height, top, bottom, left, right, padX, padY, leading, minRow, border, colScale, bodySize, titleSize float64) {
		tpl := *e.Template
		tpl.Page.Width, tpl.Page.Height = width, height
		tpl.Page.MarginTop, tpl.Page.MarginBottom, tpl.Page.MarginLeft, tpl.Page.MarginRight = top, bottom, left, right
		tpl.Page.PageNumberGap = min(tpl.Page.PageNumberGap, bottom/2)
		tpl.Table.PaddingX, tpl.Table.PaddingY, tpl.Table.Leading = padX, padY, leading
		tpl.Table.MinRowHeight, tpl.Table.Border = minRow, border
		tpl.Table.Columns = make([]float64, len(e.Template.Table.Columns))
		for i, w := range e.Template.Table.Columns {
			tpl.Table.Columns[i] = w * colScale
		}
		tpl.Styles = maps.Clone(e.Template.Styles)
		for _, name := range tpl.Spec.Styles() {
			st := tpl.Styles[name]
			st.Size = bodySize
			tpl.Styles[name] = st
		}
		title := tpl.Styles[StyleTitle]
		title.Size = titleSize
		tpl.Styles[StyleTitle] = title
		if tpl.check() != nil {
			return
		}
		fe := &Engine{Template: &tpl, faces: e.faces}
		done := make(chan *Document, 1)
		go func() {
			doc, _ := fe.Layout(s, "x.toml")
			done <- doc
		}()
		select {
		case doc := <-done:
			if doc == nil {
				t.Fatal("a template that passed its check did not lay out the sample")
			}
			checkGeometry(t, fe, doc)
		case <-time.After(20 * time.Second):
			t.Fatal("no layout after 20 s")
		}
	})
}
