package render

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkRoom checks that what every page must hold fits in its text area,
// before any font is loaded: a character is taken one em wide, which no
// glyph of a CJK font exceeds, so a template that passes has the room.
//   - Every column holds at least one character of each table style.
//   - Page 1 holds the attachment label, the title and one row of one line.
//   - Every page holds the repeated indicator header and one row of one line.
func (t *Template) checkRoom() *TemplateError {
	p, tb := t.Page, t.Table
	textWidth, textHeight := p.Width-p.MarginLeft-p.MarginRight, p.Height-p.MarginTop-p.MarginBottom
	maxSize := 0.0
	for _, name := range t.Spec.Styles() {
		if st := t.Styles[name]; !st.Stack {
			maxSize = max(maxSize, st.Size)
		}
	}
	for i, w := range tb.Columns {
		if inner := w - 2*tb.PaddingX; inner < ptToMM(maxSize) {
			return keyError("table.columns", "table.columns[%d]: %g mm less table.padding_x on each side leaves %.1f mm, narrower than one character (%g pt)",
				i, w, inner, maxSize)
		}
	}
	if 2*tb.MinRowHeight > textHeight {
		return keyError("table.min_row_height", "table.min_row_height: %g mm; a page's text height of %g mm must hold the repeated indicator header and a row",
			tb.MinRowHeight, textHeight)
	}
	oneLine := tb.MinRowHeight
	for _, name := range t.Spec.Styles() {
		oneLine = max(oneLine, t.lineMM(name)+2*tb.PaddingY)
	}
	header := tb.MinRowHeight
	col := max(t.Spec.Indicators.Label.Span, 1)
	for _, c := range t.Spec.Indicators.Header {
		span := max(c.Span, 1)
		inner := -2 * tb.PaddingX
		for _, w := range tb.Columns[col : col+span] {
			inner += w
		}
		header = max(header, t.linesAtMost(c.Text, c.Style, inner)*t.lineMM(c.Style)+2*tb.PaddingY)
		col += span
	}
	if header+oneLine > textHeight {
		return keyError("table", "table: the indicator header takes up to %.1f mm and a row %.1f mm: more than the page's text height of %g mm (see padding_y, leading, min_row_height, styles.header.size)",
			header, oneLine, textHeight)
	}
	// A field in the title takes four characters, as a year does.
	field := regexp.MustCompile(`\{[^}]*\}`)
	title := field.ReplaceAllString(t.Labels.Title, "0000")
	top := t.linesAtMost(t.Labels.Attachment, StyleAttachment, textWidth)*t.lineMM(StyleAttachment) +
		t.linesAtMost(title, StyleTitle, textWidth)*t.lineMM(StyleTitle) + tb.TitleGap
	if t.Labels.Subtitle != "" {
		top += t.linesAtMost(field.ReplaceAllString(t.Labels.Subtitle, "0000"), StyleSubtitle, textWidth) * t.lineMM(StyleSubtitle)
	}
	if top+oneLine > textHeight {
		return keyError("styles.title.size", "labels.attachment and labels.title take up to %.1f mm and a row %.1f mm: more than the page's text height of %g mm",
			top, oneLine, textHeight)
	}
	return nil
}

// lineMM is the height of one line of a style, in millimetres.
func (t *Template) lineMM(style string) float64 {
	return ptToMM(t.Styles[style].Size * t.Table.Leading)
}

// linesAtMost bounds the lines a text takes at a width in millimetres,
// each character taken one em wide.
func (t *Template) linesAtMost(text, style string, width float64) float64 {
	perLine := max(1, math.Floor(width/ptToMM(t.Styles[style].Size)))
	if t.Styles[style].Stack {
		perLine = 1
	}
	n := 0.0
	for para := range strings.SplitSeq(text, "\n") {
		n += max(1, math.Ceil(float64(utf8.RuneCountInString(para))/perLine))
	}
	return n
}

// ptToMM converts points to millimetres.
func ptToMM(v float64) float64 { return v * 25.4 / 72 }

// checkNames checks the names the outputs take: the XLSX sheet (Sheet1
// when empty) and the batch summary, a file name and its sheet's name.
func (t *Template) checkNames() *TemplateError {
	if t.Sheet != "" {
		if msg := sheetNameProblem(t.Sheet); msg != "" {
			return keyError("sheet", "sheet: %q %s", t.Sheet, msg)
		}
	}
	if msg := sheetNameProblem(t.Summary); msg != "" {
		return keyError("summary", "summary: %q %s", t.Summary, msg)
	}
	if msg := fileNameProblem(t.Summary); msg != "" {
		return keyError("summary", "summary: %q %s", t.Summary, msg)
	}
	return nil
}

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// sheetNameProblem says what Excel refuses in a sheet name, or "".
func sheetNameProblem(name string) string {
	switch {
	case strings.TrimSpace(name) == "":
		return "is blank; a sheet needs a name"
	case utf8.RuneCountInString(name) > maxSheetName:
		return "is longer than Excel's 31 characters"
	case strings.ContainsAny(name, `:\/?*[]`):
		return `has a character Excel refuses in a sheet name (: \ / ? * [ ])`
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return "starts or ends with ', which Excel refuses in a sheet name"
	case strings.EqualFold(name, "History"):
		return "is a name Excel keeps for itself"
	}
	return ""
}

// fileNameProblem says what makes a name unusable as a file name on
// Windows or Linux, or "".
func fileNameProblem(name string) string {
	switch {
	case strings.ContainsAny(name, `<>|"`) || strings.ContainsFunc(name, unicode.IsControl):
		return `has a character a file name cannot have (< > | " or a control)`
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") || strings.HasPrefix(name, "."):
		return "starts with a dot, or ends with a dot or a space, which file names on Windows lose"
	}
	return ""
}
