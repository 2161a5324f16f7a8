package render

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"jixiao"
	"jixiao/render/form"
	"jixiao/templates"
)

// Template is one form and edition, read from a templates/*.toml file: its
// looks (paper, fonts, styles, columns, the texts above the table) and its
// spec (fields, sums, rules, the grid), embedded so that the file writes
// both at its top level.
type Template struct {
	Form    string            `toml:"form"` // the name a data file gives in form = "…"
	Name    string            `toml:"name"`
	Sheet   string            `toml:"sheet"`
	Summary string            `toml:"summary"`
	Page    PageSetup         `toml:"page"`
	Fonts   map[string]string `toml:"fonts"`
	Styles  map[string]Style  `toml:"styles"`
	Table   TableSetup        `toml:"table"`
	Labels  Labels            `toml:"labels"`
	form.Spec

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

// Labels are the texts around the table; the table's own are in the spec.
type Labels struct {
	Attachment   string `toml:"attachment"`    // 附件2：
	Title        string `toml:"title"`         // a pattern over fields: {year}年度部门整体支出绩效自评表
	Subtitle     string `toml:"subtitle"`      // under the title, e.g. （{year}年度）; "" for none
	SummaryTitle string `toml:"summary_title"` // the title of a batch's summary
}

// The style names the layout uses; a template must define each.
const (
	StyleAttachment = "attachment"
	StyleTitle      = "title"
	StyleSubtitle   = "subtitle" // needed only by a template with labels.subtitle
	StyleLabel      = "label"
	StyleStacked    = "stacked"
	StyleHeader     = "header"
	StyleBody       = "body"
	StyleValue      = "value"
	StyleNumber     = "number"
)

// Domain returns the form as the domain reads and scores it.
func (t *Template) Domain() *jixiao.Form { return &t.Spec.Form }

// DefaultTemplate returns the default built-in form, 附件2 (2020).
func DefaultTemplate() *Template { return builtin(templates.Form2020) }

// builtin parses an embedded template file.
func builtin(file string) *Template {
	data, err := templates.FS.ReadFile(file)
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	t, err := ParseTemplate(file, data)
	if err != nil {
		panic(fmt.Sprintf("built-in template: %v", err)) // a test keeps them valid
	}
	return t
}

// BuiltinForms returns the built-in forms, the default first.
func BuiltinForms() []*Template {
	out := make([]*Template, len(templates.Forms))
	for i, file := range templates.Forms {
		out[i] = builtin(file)
	}
	return out
}

// BuiltinForm returns the built-in form a data file names (form = "…"),
// and its file; the default for "". ok is false for a name none has.
func BuiltinForm(name string) (tpl *Template, file string, ok bool) {
	if name == "" {
		return DefaultTemplate(), templates.Form2020, true
	}
	for _, file := range templates.Forms {
		if t := builtin(file); t.Form == name {
			return t, file, true
		}
	}
	return nil, "", false
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
			return nil, &TemplateError{File: name, Pos: jixiao.Pos{Line: pe.Position.Line, Col: max(pe.Position.Col, 1)}, Msg: pe.Message,
				Text: jixiao.T("TOML syntax: %s", jixiao.TOMLMessage(pe.Message))}
		}
		return nil, &TemplateError{File: name, Msg: err.Error(), Err: err}
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, t.errorAt(keyError(key, "unknown key %q", key))
	}
	if err := t.check(); err != nil {
		return nil, t.errorAt(err)
	}
	return &t, nil
}
