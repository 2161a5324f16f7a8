package xlsx

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// printSetup prints the sheet like the PDF: the paper, orientation and
// margins of the template, one page wide, the indicator header repeated
// on every page, page numbers in the footer, no gridlines.
func (s *sheet) printSetup() error {
	pg := s.look.Page
	orientation := "portrait"
	w, h := pg.Width, pg.Height
	if w > h {
		orientation, w, h = "landscape", h, w
	}
	layout := &excelize.PageLayoutOptions{Orientation: &orientation}
	if size, ok := paperSize(w, h); ok {
		layout.Size = &size
	}
	// A fixed scale, the smaller of what fits the table's width to the
	// paper's and what fits the fullest page's rows, with some height to
	// spare, to its height: then every printed page holds the rows the PDF
	// puts on it, and no column spills onto a page of its own. (Fit to
	// page would not do: Excel ignores manual page breaks when it fits.)
	layout.AdjustTo = ptr(s.printScale())
	if err := s.f.SetPageLayout(s.name, layout); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	if err := s.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptr(false)}); err != nil {
		return fmt.Errorf("sheet properties: %w", err)
	}
	// The page number's baseline sits page_number_gap below the table's
	// bottom margin: the footer margin is what is left below it.
	footer := inches(max(0, pg.MarginBottom-pg.PageNumberGap))
	margins := &excelize.PageLayoutMarginsOptions{
		Top: ptr(inches(pg.MarginTop)), Bottom: ptr(inches(pg.MarginBottom)),
		Left: ptr(inches(pg.MarginLeft)), Right: ptr(inches(pg.MarginRight)),
		Header: ptr(inches(pg.MarginTop) / 2), Footer: ptr(footer),
		Horizontally: ptr(true),
	}
	if err := s.f.SetPageMargins(s.name, margins); err != nil {
		return fmt.Errorf("margins: %w", err)
	}
	if text := s.footer(); text != "" {
		if err := s.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: text}); err != nil {
			return fmt.Errorf("footer %q: %w", text, err)
		}
	}
	if err := s.f.SetSheetView(s.name, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}); err != nil {
		return fmt.Errorf("sheet view: %w", err)
	}
	return s.printNames()
}

// printNames sets the print area, the whole form, and the print titles,
// the indicator header row, when the PDF repeats it on a new page.
func (s *sheet) printNames() error {
	quoted := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	cols := len(s.doc.Table.Columns)
	last, _ := excelize.ColumnNumberToName(cols)
	names := []excelize.DefinedName{{
		Name: "_xlnm.Print_Area", Scope: s.name,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, last, len(s.g.heights)),
	}}
	if s.g.repeats && s.g.header > 0 {
		names = append(names, excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: s.name,
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, s.g.header, s.g.header),
		})
	}
	for _, n := range names {
		if err := s.f.SetDefinedName(&n); err != nil {
			return fmt.Errorf("%s: %w", n.Name, err)
		}
	}
	return nil
}

// footer turns the template's page number, e.g. "— {page} —", into
// Excel's footer codes: centred, &P the page, &N the page count, in the
// page number's font and size.
func (s *sheet) footer() string {
	pg := s.look.Page
	if pg.PageNumber == "" {
		return ""
	}
	text := strings.NewReplacer("&", "&&", "{page}", "&P", "{pages}", "&N").Replace(pg.PageNumber)
	if text != "" && unicode.IsDigit([]rune(text)[0]) {
		text = " " + text // a digit would extend the font size code
	}
	st := s.look.Styles[pg.PageNumberStyle]
	weight := "Regular"
	if bold(s.look.Face(pg.PageNumberStyle)) {
		weight = "Bold"
	}
	return fmt.Sprintf(`&C&"%s,%s"&%d%s`, st.OfficeFont, weight, int(math.Round(st.Size)), text)
}

// spareHeight is the share of a page's height the print scale leaves
// free: viewers round row heights, and a page filled to the last point
// would push its last row onto a page of its own.
const spareHeight = 0.03

// substituteDigitPixels is the widest digit the columns may get where 宋体
// is missing: a viewer measures the default font's digit to size columns,
// and a Linux machine without a font of that name (or an alias for it)
// measures DejaVu Sans's, 0.636 em (9.33 pixels at 11 pt) against 宋体's 8.
const substituteDigitPixels = 9.33

// printScale is the sheet's print scale in percent (10 to 100): the
// table's width fits the text width even where the viewer's columns are
// as wide as substituteDigitPixels makes them, and the fullest page, with
// spareHeight to spare, fits the text height.
func (s *sheet) printScale() uint {
	pg := s.look.Page
	width := 0.0
	for _, w := range s.doc.Table.Columns {
		width += columnPoints(columnWidth(w))
	}
	width *= substituteDigitPixels / digitPixels
	fit := min(1, mm(pg.Width-pg.MarginLeft-pg.MarginRight)/width)
	if s.g.fill > 0 {
		fit = min(fit, 1/(s.g.fill*(1+spareHeight)))
	}
	return uint(max(10, math.Floor(fit*100+1e-9)))
}

// paperSize is Excel's code for a paper of w × h mm, portrait.
func paperSize(w, h float64) (int, bool) {
	for _, p := range []struct {
		w, h float64
		code int
	}{
		{210, 297, 9},  // A4
		{297, 420, 8},  // A3
		{148, 210, 11}, // A5
		{250, 353, 12}, // B4 (JIS)
		{182, 257, 13}, // B5 (JIS)
		{215.9, 279.4, 1},
		{215.9, 355.6, 5},
	} {
		if math.Abs(p.w-w) < 1 && math.Abs(p.h-h) < 1 {
			return p.code, true
		}
	}
	return 0, false
}

func ptr[T any](v T) *T { return &v }
