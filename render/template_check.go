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
	return &TemplateError{Key: key, Msg: fmt.Sprintf(format, args...)}
}

// errorAt places a keyed error in the template's file.
func (t *Template) errorAt(e *TemplateError) *TemplateError {
	e.File = t.file
	if e.Key != "" && t.src != nil {
		e.Pos = jixiao.PositionIn(t.src, e.Key)
	}
	return e
}

// check reports what would make the template draw nonsense.
func (t *Template) check() *TemplateError {
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
	return t.checkLooks()
}

// checkLooks checks the paper, the columns and the styles.
func (t *Template) checkLooks() *TemplateError {
	p := t.Page
	if p.Width <= 0 || p.Height <= 0 || p.MarginLeft < 0 || p.MarginRight < 0 || p.MarginTop < 0 || p.MarginBottom < 0 {
		return keyError("page", "page: width and height must be positive, margins not negative")
	}
	if p.Height-p.MarginTop-p.MarginBottom < 50 {
		return keyError("page", "page: margins leave less than 50 mm of height")
	}
	textWidth := p.Width - p.MarginLeft - p.MarginRight
	sum := 0.0
	for i, w := range t.Table.Columns {
		if !(w > 2*t.Table.PaddingX) || math.IsInf(w, 0) {
			return keyError("table.columns", "table.columns[%d]: %g mm leaves no room inside its padding", i, w)
		}
		sum += w
	}
	if sum > textWidth+0.01 {
		return keyError("table.columns", "table.columns add up to %g mm, wider than the text width %g mm", sum, textWidth)
	}
	tb := t.Table
	if tb.PaddingX < 0 || tb.PaddingY < 0 || tb.Leading < 1 || tb.MinRowHeight <= 0 || tb.Border < 0 {
		return keyError("table", "table: padding and border must not be negative, leading at least 1, min_row_height positive")
	}
	needed := []string{StyleAttachment, StyleTitle}
	if t.Labels.Subtitle != "" {
		needed = append(needed, StyleSubtitle)
	}
	for _, name := range append(needed, t.Spec.Styles()...) {
		if _, ok := t.Styles[name]; !ok {
			return keyError("styles", "styles.%s: missing", name)
		}
	}
	if p.PageNumber != "" {
		if _, ok := t.Styles[p.PageNumberStyle]; !ok {
			return keyError("page.page_number_style", "page.page_number_style: no style %q", p.PageNumberStyle)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(t.Styles)) {
		s, key := t.Styles[name], "styles."+name
		if _, ok := t.Fonts[s.Font]; !ok {
			return keyError(key+".font", "%s.font: %q is not in [fonts]", key, s.Font)
		}
		if !(s.Size >= 4 && s.Size <= 72) {
			return keyError(key+".size", "%s.size: %g pt; expected 4 to 72", key, s.Size)
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
