// Package formread reads a filled form back out of the tables of an XLSX
// workbook or a DOCX document: the inverse of render/form's Build, driven
// by the same spec. It finds which form the tables are by the spec's
// labels, then each field by the labels and patterns around it, never by
// fixed coordinates: rows may be added, left blank or deleted, labels
// spaced or broken over lines, and a table cut by page breaks.
//
// What it cannot read it says, at the cell: it never guesses a value.
package formread

import (
	"errors"
	"fmt"
	"strings"

	"jixiao"
	"jixiao/render"
	"jixiao/render/form"
	"jixiao/render/tablefile"
)

// Result is a form read from a file: its values as a data file writes
// them, and where each was read.
type Result struct {
	Template   *render.Template
	Values     map[string]string  // header fields by key: texts, and figures as a data file writes them ("1758.10", "90%")
	Computed   map[string]string  // computed figures (执行率, 得分, 总分) the sheet computes by a formula, by key → place: no declared value
	Indicators []jixiao.Indicator // the figures' Text set; a 分值's Value too
	Where      map[string]string  // a value's path (funds.executed, indicators[0].groups[1].items[2].score) → its place
	Summed     map[string]bool    // the 分值 of levels the form does not print, summed from the level below
	Problems   []Problem          // what could not be read; its values are left out
	Source     string             // the sheet or first table the form stands on
}

// Problem is a value that could not be read, at its place.
type Problem struct {
	Where string      // 附件2!C12, 表1 第3行第2列; "" for the file as a whole
	Path  string      // the value's path, as a data file's problems name it
	Label string      // the form's own label
	Text  jixiao.Text // what is wrong, put into the reader's language when printed
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s (%s): %s", p.Where, p.Path, p.Label, p.Text)
}

// UnknownFormError says a file's tables are no form of those tried.
type UnknownFormError struct {
	Tried []jixiao.Text // each form, with how many of its labels were found
}

func (e *UnknownFormError) Error() string { return e.MessageText().String() }

// MessageText is the error's message for the catalog, in the reader's
// language when printed.
func (e *UnknownFormError) MessageText() jixiao.Text {
	list := make([]any, len(e.Tried))
	for i, t := range e.Tried {
		list[i] = t
	}
	return jixiao.T(msgUnknownForm, jixiao.T(strings.TrimSuffix(strings.Repeat("%s; ", len(list)), "; "), list...))
}

// ErrNoTables: the file has no table to read.
var ErrNoTables = errors.New(msgNoTables)

// minShare is the share of a form's labels a table must show to be taken
// for that form: a form with some rows deleted or labels retyped is found,
// and a form of another kind is not, though the two built-in forms share
// about two thirds of their labels (年初预算数, 一级指标 …).
const minShare = 0.8

// Read finds which of the forms the tables hold and reads its values. The
// tables are a workbook's sheets (each may be the form) or a document's
// tables (one form, continued from table to table).
func Read(kind tablefile.Kind, tables []*tablefile.Table, forms []*render.Template) (*Result, error) {
	if len(tables) == 0 {
		return nil, ErrNoTables
	}
	var streams []*stream
	if kind == tablefile.DOCX {
		streams = append(streams, newStream(tables...))
	} else {
		for _, t := range tables {
			streams = append(streams, newStream(t))
		}
	}
	var best *reader
	bestShare := 0.0
	tried := map[string][2]int{}
	for _, s := range streams {
		for _, tpl := range forms {
			rd := newReader(s, tpl)
			found, all := rd.recognize()
			if prev, ok := tried[tpl.Form]; !ok || found > prev[0] {
				tried[tpl.Form] = [2]int{found, all}
			}
			share := float64(found) / float64(max(all, 1))
			if rd.header >= 0 && share >= minShare && share > bestShare {
				best, bestShare = rd, share
			}
		}
	}
	if best == nil {
		e := &UnknownFormError{}
		for _, tpl := range forms {
			n := tried[tpl.Form]
			e.Tried = append(e.Tried, jixiao.T(msgTried, tpl.Form, tpl.Name, n[0], n[1]))
		}
		return nil, e
	}
	best.read()
	return best.res, nil
}

// reader reads one form from one stream.
type reader struct {
	s      *stream
	tpl    *render.Template
	spec   *form.Spec
	res    *Result
	header int   // the stream row of the indicator header; -1 when not found
	col    []int // spec column → the stream's column
}

func newReader(s *stream, tpl *render.Template) *reader {
	return &reader{s: s, tpl: tpl, spec: &tpl.Spec, header: -1, res: &Result{
		Template: tpl, Values: map[string]string{}, Computed: map[string]string{}, Where: map[string]string{}, Summed: map[string]bool{},
	}}
}

// recognize counts the form's labels the stream shows, and finds the
// indicator header row, which maps the form's columns onto the stream's.
func (rd *reader) recognize() (found, all int) {
	texts := map[string]bool{}
	var prefixed []string
	for i := range rd.s.len() {
		for _, c := range rd.s.cells(i) {
			if t := norm(c.Text); t != "" {
				texts[t] = true
				prefixed = append(prefixed, t)
			}
		}
	}
	for _, l := range rd.labels() {
		all++
		if l.prefix {
			for _, t := range prefixed {
				if strings.HasPrefix(t, l.text) {
					found++
					break
				}
			}
		} else if texts[l.text] {
			found++
		}
	}
	rd.findHeader()
	return found, all
}

type label struct {
	text   string // normalised
	prefix bool   // the start of a pattern's text
}

// labels are the form's fixed texts that name something: labels of its
// rows, the fixed starts of its patterns, and the indicator header's.
func (rd *reader) labels() []label {
	var out []label
	add := func(text string, isPrefix bool) {
		if t := norm(text); hasHan(t) {
			out = append(out, label{t, isPrefix})
		}
	}
	cell := func(c form.CellSpec) {
		switch {
		case c.Field != "" || c.Value != "" || c.Text == "":
		case strings.ContainsAny(c.Text, "{["):
			add(prefix(c.Text), true)
		default:
			add(c.Text, false)
		}
	}
	for _, row := range rd.spec.Rows {
		for _, c := range row.Cells {
			cell(c)
		}
	}
	for _, c := range rd.spec.Indicators.Header {
		cell(c)
	}
	if p := prefix(rd.tpl.Labels.Title); strings.Contains(rd.tpl.Labels.Title, "{") {
		if hasHan(p) {
			add(p, true)
		}
	} else {
		add(rd.tpl.Labels.Title, false)
	}
	return out
}

// findHeader finds the indicator header row: the row that shows every
// header label of the block, in order. Its cells map the form's columns.
func (rd *reader) findHeader() {
	for i := range rd.s.len() {
		if cols, ok := rd.headerAt(i); ok {
			rd.header = i
			rd.mapColumns(cols)
			return
		}
	}
}

// headerAt tells whether row i is an indicator header row, and the
// stream column of each header cell of the spec.
func (rd *reader) headerAt(i int) ([]int, bool) {
	head := rd.spec.Indicators.Header
	cells := rd.s.cells(i)
	cols := make([]int, len(head))
	k := 0
	for j, h := range head {
		want := norm(h.Text)
		if want == "" {
			cols[j] = -1
			continue
		}
		for k < len(cells) && norm(cells[k].Text) != want {
			k++
		}
		if k == len(cells) {
			return nil, false
		}
		cols[j] = cells[k].Col
		k++
	}
	return cols, true
}

// mapColumns maps each spec column onto the stream's: the same when the
// table has the spec's width, else by where each header cell stands, the
// columns between two header cells following the one on their left.
func (rd *reader) mapColumns(headerCols []int) {
	width := rd.spec.Width()
	rd.col = make([]int, width)
	if rd.s.cols() == width {
		for c := range rd.col {
			rd.col[c] = c
		}
		return
	}
	start := span(rd.spec.Indicators.Label.Span)
	anchors := map[int]int{} // spec column → stream column
	for j, h := range rd.spec.Indicators.Header {
		if headerCols[j] >= 0 {
			anchors[start] = headerCols[j]
		}
		start += span(h.Span)
	}
	last, lastFile := -1, 0
	for c := range rd.col {
		if f, ok := anchors[c]; ok {
			last, lastFile = c, f
		}
		if last < 0 {
			// Left of the first header cell: the label column(s).
			first := span(rd.spec.Indicators.Label.Span)
			rd.col[c] = max(0, anchors[first]-(first-c))
			continue
		}
		rd.col[c] = lastFile + c - last
	}
}

func span(n int) int { return max(n, 1) }

// problem records a value that could not be read.
// problemErr adds a problem whose text is err's, in the catalog when err
// is a jixiao.TextError.
func (rd *reader) problemErr(where, path string, err error) {
	_, text := jixiao.TextOf(err, "unreadable-value")
	rd.res.Problems = append(rd.res.Problems, Problem{Where: where, Path: path, Label: rd.spec.LabelOf(path), Text: text})
}

func (rd *reader) problem(where, path, format string, args ...any) {
	rd.res.Problems = append(rd.res.Problems, Problem{Where: where, Path: path,
		Label: rd.spec.LabelOf(path), Text: jixiao.T(format, args...)})
}
