package render

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"

	"jixiao"
	"jixiao/render/form"
)

// TemplateError is what is wrong with a template, placed at the key it is
// about, so that the preview can show it with its line as check shows a
// data error.
type TemplateError struct {
	File string
	Pos  jixiao.Pos // where the file sets Key, or the syntax error; zero when unknown
	Key  string     // e.g. table.columns, styles.title.font, fonts.serif; "" for syntax
	Msg  string     // names the key itself
	Err  error      // the cause, such as a font that would not load
	// Text is Msg before it is put into words; when empty, the cause's,
	// else Msg as it is.
	Text jixiao.Text
}

// Unplaced is Msg before it is put into words: the error without its file
// and position.
func (e *TemplateError) Unplaced() jixiao.Text {
	switch {
	case e.Text.Format != "":
		return e.Text
	case e.Err != nil:
		_, msg := jixiao.TextOf(e.Err, "")
		return msg
	}
	return jixiao.T("%s", e.Msg)
}

// MessageText is the error, placed in its file, before it is put into
// words: 第N行第M列 in Chinese.
func (e *TemplateError) MessageText() jixiao.Text {
	msg := e.Unplaced()
	if e.Pos.Line == 0 {
		return jixiao.T("%s: %s", e.File, msg)
	}
	return jixiao.T("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, msg)
}

func (e *TemplateError) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

func (e *TemplateError) Unwrap() error { return e.Err }

// keyError is a TemplateError about key, not yet placed in a file.
func keyError(key, format string, args ...any) *TemplateError {
	return &TemplateError{Key: key, Msg: fmt.Sprintf(format, args...), Text: jixiao.T(format, args...)}
}

// errorAt places a keyed error in the template's file.
func (t *Template) errorAt(e *TemplateError) *TemplateError {
	e.File = t.file
	if e.Key != "" && t.src != nil {
		e.Pos = jixiao.PositionIn(t.src, e.Key)
	}
	return e
}

// check reports what would make the template draw nonsense, or loop: every
// length is checked against the page it must fit in, so that a template
// that loads always lays out.
func (t *Template) check() *TemplateError {
	for _, step := range []func() *TemplateError{t.checkSpec, t.checkPage, t.checkTable, t.checkStyles, t.checkRoom, t.checkNames} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// checkSpec checks the form's spec: its fields, sums and rules, and that
// its grid has as many columns as table.columns and every row tiles them.
func (t *Template) checkSpec() *TemplateError {
	if len(t.Spec.Indicators.Header) == 0 {
		return keyError("indicators", "indicators.header: missing; the indicator block needs its header row")
	}
	if n, want := len(t.Table.Columns), t.Spec.Width(); n != want {
		return keyError("table.columns", "table.columns: %d columns; %s has %d", n, t.Sheet, want)
	}
	if err := t.Spec.Check(len(t.Table.Columns)); err != nil {
		e := &TemplateError{Msg: err.Error(), Err: err}
		var se *form.SpecError
		var fe *jixiao.FormError
		switch {
		case errors.As(err, &se):
			e.Key = se.Key
		case errors.As(err, &fe):
			e.Key = fe.Key
		}
		return e
	}
	return nil
}

// Bounds of the template's lengths. Paper beyond A0's long side twice over
// is a mistake, not a form; a text area under 50 mm holds no table.
const (
	maxPaper     = 2500 // mm
	minTextSize  = 50   // mm, the text area's width and height at least
	maxLeading   = 4    // a line's height in font sizes
	maxBorder    = 5    // points
	minStyleSize = 4    // points
	maxStyleSize = 72
)

// finite tells whether v is a number at all: TOML writes nan and inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func (t *Template) checkPage() *TemplateError {
	p := t.Page
	for _, v := range []struct {
		key string
		val float64
	}{{"page.width", p.Width}, {"page.height", p.Height}} {
		if !finite(v.val) || v.val <= 0 || v.val > maxPaper {
			return keyError(v.key, "%s: %g mm; expected more than 0 and at most %d", v.key, v.val, maxPaper)
		}
	}
	for _, v := range []struct {
		key string
		val float64
	}{{"page.margin_top", p.MarginTop}, {"page.margin_bottom", p.MarginBottom}, {"page.margin_left", p.MarginLeft},
		{"page.margin_right", p.MarginRight}, {"page.page_number_gap", p.PageNumberGap}} {
		if !finite(v.val) || v.val < 0 {
			return keyError(v.key, "%s: %g mm; expected 0 or more", v.key, v.val)
		}
	}
	if w := p.Width - p.MarginLeft - p.MarginRight; w < minTextSize {
		return keyError("page.margin_left", "page: margins leave %g mm of the page's %g mm width; a table needs at least %d", w, p.Width, minTextSize)
	}
	if h := p.Height - p.MarginTop - p.MarginBottom; h < minTextSize {
		return keyError("page.margin_top", "page: margins leave %g mm of the page's %g mm height; a table needs at least %d", h, p.Height, minTextSize)
	}
	if p.PageNumber != "" && p.PageNumberGap >= p.MarginBottom {
		return keyError("page.page_number_gap", "page.page_number_gap: %g mm puts the page number below the page; the bottom margin is %g mm", p.PageNumberGap, p.MarginBottom)
	}
	return nil
}

func (t *Template) checkTable() *TemplateError {
	tb, p := t.Table, t.Page
	for _, v := range []struct {
		key string
		val float64
	}{{"table.padding_x", tb.PaddingX}, {"table.padding_y", tb.PaddingY}, {"table.title_gap", tb.TitleGap}} {
		if !finite(v.val) || v.val < 0 {
			return keyError(v.key, "%s: %g mm; expected 0 or more", v.key, v.val)
		}
	}
	if !finite(tb.Leading) || tb.Leading < 1 || tb.Leading > maxLeading {
		return keyError("table.leading", "table.leading: %g; expected 1 to %d (times the font size)", tb.Leading, maxLeading)
	}
	if !finite(tb.Border) || tb.Border < 0 || tb.Border > maxBorder {
		return keyError("table.border", "table.border: %g pt; expected 0 to %d", tb.Border, maxBorder)
	}
	if !finite(tb.MinRowHeight) || tb.MinRowHeight <= 0 {
		return keyError("table.min_row_height", "table.min_row_height: %g mm; expected more than 0", tb.MinRowHeight)
	}
	textWidth := p.Width - p.MarginLeft - p.MarginRight
	sum := 0.0
	for i, w := range tb.Columns {
		if !finite(w) || w <= 2*tb.PaddingX {
			return keyError("table.columns", "table.columns[%d]: %g mm leaves no room inside its padding (table.padding_x %g mm on each side)", i, w, tb.PaddingX)
		}
		sum += w
	}
	if sum > textWidth+0.01 {
		return keyError("table.columns", "table.columns add up to %g mm, wider than the text width %g mm", sum, textWidth)
	}
	return nil
}

func (t *Template) checkStyles() *TemplateError {
	needed := append([]string{StyleAttachment, StyleTitle}, t.Spec.Styles()...)
	if t.Labels.Subtitle != "" {
		needed = append(needed, StyleSubtitle)
	}
	for _, name := range needed {
		if _, ok := t.Styles[name]; !ok {
			return keyError("styles", "styles.%s: missing", name)
		}
	}
	if p := t.Page; p.PageNumber != "" {
		if _, ok := t.Styles[p.PageNumberStyle]; !ok {
			return keyError("page.page_number_style", "page.page_number_style: no style %q", p.PageNumberStyle)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(t.Styles)) {
		s, key := t.Styles[name], "styles."+name
		if _, ok := t.Fonts[s.Font]; !ok {
			return keyError(key+".font", "%s.font: %q is not in [fonts]", key, s.Font)
		}
		if !(s.Size >= minStyleSize && s.Size <= maxStyleSize) {
			return keyError(key+".size", "%s.size: %g pt; expected %d to %d", key, s.Size, minStyleSize, maxStyleSize)
		}
		if !slices.Contains([]string{"left", "center", "right"}, s.Align) {
			return keyError(key+".align", "%s.align: %q; expected left, center or right", key, s.Align)
		}
	}
	return nil
}

// FontFiles lists the files the template's fonts load from, resolved
// against its folder; the shipped faces are not files.
func (t *Template) FontFiles() []string {
	var out []string
	for _, key := range slices.Sorted(maps.Keys(t.Fonts)) {
		if path, ok := t.fontFile(key); ok && !slices.Contains(out, path) {
			out = append(out, path)
		}
	}
	return out
}

// fontFile resolves a font key: the path of its file, or false for a
// shipped face.
func (t *Template) fontFile(key string) (string, bool) {
	src := t.Fonts[key]
	if isBuiltinFace(src) {
		return "", false
	}
	if !filepath.IsAbs(src) {
		src = filepath.Join(t.Dir, src)
	}
	return src, true
}
