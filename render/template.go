package render

import (
	"errors"
	"fmt"
	"path/filepath"

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

	file string // its name, for messages
	src  []byte // its text, to place errors at their line
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
// for finding font files beside it. Its errors are *TemplateError, placed
// at the line that sets what is wrong.
func ParseTemplate(name string, data []byte) (*Template, error) {
	t := Template{Dir: filepath.Dir(name), file: name, src: data}
	md, err := toml.Decode(string(data), &t)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &TemplateError{File: name, Pos: jixiao.Pos{Line: pe.Position.Line, Col: max(pe.Position.Col, 1)}, Msg: pe.Message}
		}
		return nil, &TemplateError{File: name, Msg: err.Error(), Err: err}
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, t.errorAt(&TemplateError{Key: key, Msg: fmt.Sprintf("unknown key %q", key)})
	}
	if err := t.check(); err != nil {
		return nil, t.errorAt(err)
	}
	return &t, nil
}
