package render

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"jixiao"
	"jixiao/templates"
)

// Template is the fixed part of a form: paper, fonts, styles, columns,
// labels and scoring rules, read from a templates/*.toml file.
type Template struct {
	Name    string            `toml:"name"`
	Sheet   string            `toml:"sheet"`
	Summary string            `toml:"summary"`
	Page    PageSetup         `toml:"page"`
	Fonts   map[string]string `toml:"fonts"`
	Styles  map[string]Style  `toml:"styles"`
	Table   TableSetup        `toml:"table"`
	Labels  Labels            `toml:"labels"`
	Numbers NumberSetup       `toml:"numbers"`
	Rules   jixiao.Rules      `toml:"rules"`

	// Dir is where relative font paths start: the template file's folder.
	Dir string `toml:"-"`
}

// PageSetup is the paper, in millimetres.
type PageSetup struct {
	Width           float64 `toml:"width"`
	Height          float64 `toml:"height"`
	MarginTop       float64 `toml:"margin_top"`
	MarginBottom    float64 `toml:"margin_bottom"`
	MarginLeft      float64 `toml:"margin_left"`
	MarginRight     float64 `toml:"margin_right"`
	PageNumber      string  `toml:"page_number"` // "— {page} —"; {pages} is the page count
	PageNumberStyle string  `toml:"page_number_style"`
	PageNumberGap   float64 `toml:"page_number_gap"`
}

// Style is how one role of text is set.
type Style struct {
	Font       string  `toml:"font"`        // a key of Template.Fonts
	OfficeFont string  `toml:"office_font"` // the font an XLSX names, e.g. 宋体
	Size       float64 `toml:"size"`        // points
	Align      string  `toml:"align"`       // left, center, right
	Stack      bool    `toml:"stack"`       // one character per line
}

// TableSetup is the grid, in millimetres (border in points).
type TableSetup struct {
	Columns      []float64 `toml:"columns"`
	PaddingX     float64   `toml:"padding_x"`
	PaddingY     float64   `toml:"padding_y"`
	Leading      float64   `toml:"leading"`
	MinRowHeight float64   `toml:"min_row_height"`
	Border       float64   `toml:"border"`
	TitleGap     float64   `toml:"title_gap"`
}

// NumberSetup says how figures print.
type NumberSetup struct {
	// AmountDecimals < 0 prints amounts as the file wrote them.
	AmountDecimals int `toml:"amount_decimals"`
}

// Labels are the form's fixed texts.
type Labels struct {
	Attachment     string `toml:"attachment"`
	Title          string `toml:"title"` // {year} is the report's year
	Department     string `toml:"department"`
	Funds          string `toml:"funds"`
	InitialBudget  string `toml:"initial_budget"`
	AnnualBudget   string `toml:"annual_budget"`
	Executed       string `toml:"executed"`
	Weight         string `toml:"weight"`
	Rate           string `toml:"rate"`
	Score          string `toml:"score"`
	TotalFunds     string `toml:"total_funds"`
	Income         string `toml:"income"`
	Spending       string `toml:"spending"`
	OfWhich        string `toml:"of_which"`
	GeneralBudget  string `toml:"general_budget"`
	GovernmentFund string `toml:"government_fund"`
	SpecialAccount string `toml:"special_account"`
	Other          string `toml:"other"`
	Basic          string `toml:"basic"`
	Project        string `toml:"project"`
	Goals          string `toml:"goals"`
	Expected       string `toml:"expected"`
	Achieved       string `toml:"achieved"`
	Performance    string `toml:"performance"`
	Level1         string `toml:"level1"`
	Level2         string `toml:"level2"`
	Level3         string `toml:"level3"`
	Target         string `toml:"target"`
	Actual         string `toml:"actual"`
	Deviation      string `toml:"deviation"`
	Total          string `toml:"total"`
	ItemNumber     string `toml:"item_number"`   // {n} is the indicator's number in its group
	WeightSuffix   string `toml:"weight_suffix"` // {weight} is the 分值
	SummaryTitle   string `toml:"summary_title"` // the title of a batch's summary
}

// The style names the layout uses; a template must define each.
const (
	StyleAttachment = "attachment"
	StyleTitle      = "title"
	StyleLabel      = "label"
	StyleStacked    = "stacked"
	StyleHeader     = "header"
	StyleBody       = "body"
	StyleValue      = "value"
	StyleNumber     = "number"
)

// columnCount is the width of 附件2's grid: A to I.
const columnCount = 9

// DefaultTemplate returns the built-in template of 附件2.
func DefaultTemplate() *Template {
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	t, err := ParseTemplate(templates.Form2020, data)
	if err != nil {
		panic(fmt.Sprintf("built-in template: %v", err)) // a test keeps it valid
	}
	return t
}

// ParseTemplate reads a template; name is its file name, for messages and
// for finding font files beside it.
func ParseTemplate(name string, data []byte) (*Template, error) {
	var t Template
	md, err := toml.Decode(string(data), &t)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %s", name, pe.Position.Line, max(pe.Position.Col, 1), pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %q", name, und[0].String())
	}
	t.Dir = filepath.Dir(name)
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &t, nil
}

// check reports what would make the template draw nonsense.
func (t *Template) check() error {
	p := t.Page
	if p.Width <= 0 || p.Height <= 0 || p.MarginLeft < 0 || p.MarginRight < 0 || p.MarginTop < 0 || p.MarginBottom < 0 {
		return errors.New("page: width and height must be positive, margins not negative")
	}
	if p.Height-p.MarginTop-p.MarginBottom < 50 {
		return errors.New("page: margins leave less than 50 mm of height")
	}
	if n := len(t.Table.Columns); n != columnCount {
		return fmt.Errorf("table.columns: %d columns; 附件2 has %d (A to I)", n, columnCount)
	}
	textWidth := p.Width - p.MarginLeft - p.MarginRight
	sum := 0.0
	for i, w := range t.Table.Columns {
		if !(w > 2*t.Table.PaddingX) || math.IsInf(w, 0) {
			return fmt.Errorf("table.columns[%d]: %g mm leaves no room inside its padding", i, w)
		}
		sum += w
	}
	if sum > textWidth+0.01 {
		return fmt.Errorf("table.columns add up to %g mm, wider than the text width %g mm", sum, textWidth)
	}
	tb := t.Table
	if tb.PaddingX < 0 || tb.PaddingY < 0 || tb.Leading < 1 || tb.MinRowHeight <= 0 || tb.Border < 0 {
		return errors.New("table: padding and border must not be negative, leading at least 1, min_row_height positive")
	}
	for _, name := range []string{StyleAttachment, StyleTitle, StyleLabel, StyleStacked, StyleHeader, StyleBody, StyleValue, StyleNumber} {
		if _, ok := t.Styles[name]; !ok {
			return fmt.Errorf("styles.%s: missing", name)
		}
	}
	if p.PageNumber != "" {
		if _, ok := t.Styles[p.PageNumberStyle]; !ok {
			return fmt.Errorf("page.page_number_style: no style %q", p.PageNumberStyle)
		}
	}
	names := slices.Sorted(maps.Keys(t.Styles))
	for _, name := range names {
		s := t.Styles[name]
		if _, ok := t.Fonts[s.Font]; !ok {
			return fmt.Errorf("styles.%s.font: %q is not in [fonts]", name, s.Font)
		}
		if !(s.Size >= 4 && s.Size <= 72) {
			return fmt.Errorf("styles.%s.size: %g pt; expected 4 to 72", name, s.Size)
		}
		if !slices.Contains([]string{"left", "center", "right"}, s.Align) {
			return fmt.Errorf("styles.%s.align: %q; expected left, center or right", name, s.Align)
		}
	}
	if !strings.Contains(t.Labels.ItemNumber, "{n}") && t.Labels.ItemNumber != "" {
		return errors.New(`labels.item_number: expected {n} in it, e.g. "指标{n}："`)
	}
	if err := t.Rules.Check(); err != nil {
		return fmt.Errorf("rules: %w", err)
	}
	return nil
}
