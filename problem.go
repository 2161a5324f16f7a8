package jixiao

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// Severity tells whether a problem stops the form (Error) or only deserves a
// look (Warning).
type Severity string

// The two severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Pos is a place in the source file; Line and Col count from 1. A zero Pos
// means the whole file.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Problem is one thing wrong with a form, located in its file.
type Problem struct {
	File     string   `json:"file"`
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Code names the kind of problem whatever the language, for tools:
	// deviation-required, toml-syntax, … "" for a problem from outside
	// the catalog (an operating system's error).
	Code  string `json:"code,omitempty"`
	Path  string `json:"path,omitempty"`  // e.g. indicators[0].groups[2].items[1].score
	Label string `json:"label,omitempty"` // the form's own label, e.g. 得分
	// Where is the place in the form's own words, as an officer finds it
	// on paper: 产出指标 › 数量指标 › 指标1 … › 得分.
	Where   string `json:"where,omitempty"`
	Message string `json:"message"` // in English
	// Cell locates a problem of a spreadsheet or Word form instead of
	// Pos: 附件2!C12, 表1 第3行第2列.
	Cell string `json:"cell,omitempty"`
	// Text is the message before it is put into words; Message is its
	// English. A problem made without it is shown as Message in every
	// language.
	Text Text `json:"-"`
}

// NewProblem makes a problem whose message is put into words from the
// catalog in the reader's language.
func NewProblem(file string, pos Pos, sev Severity, code string, msg Text) Problem {
	return Problem{File: file, Pos: pos, Severity: sev, Code: code, Message: msg.In(English), Text: msg}
}

// MessageIn is the problem's message in lang.
func (p Problem) MessageIn(lang language.Tag) string {
	if p.Text.Format == "" {
		return p.Message
	}
	return p.Text.In(lang)
}

// MarshalJSON writes the problem with its message in both languages, so
// that --json is the same whatever the reader's language.
func (p Problem) MarshalJSON() ([]byte, error) {
	type plainProblem Problem
	return json.Marshal(struct {
		plainProblem
		MessageZh string `json:"message_zh"`
	}{plainProblem(p), p.MessageIn(Chinese)})
}

// Line formats the problem as one line in lang: in English as String
// does, with the key path for tools; in Chinese with the place in the
// form's own words: FILE 第88行第13列 错误：产出指标 › … › 得分：5 超过分值 3.
func (p Problem) Line(lang language.Tag) string {
	if lang != Chinese {
		return p.String()
	}
	sev := "错误"
	if p.Severity == Warning {
		sev = "警告"
	}
	where := cmp.Or(p.Where, p.Label)
	if where != "" {
		where += "："
	}
	switch {
	case p.Cell != "": // a spreadsheet's or a Word table's cell
		return fmt.Sprintf("%s %s %s：%s%s", p.File, p.Cell, sev, where, p.MessageIn(lang))
	case p.Pos.Line == 0: // the whole file
		return fmt.Sprintf("%s %s：%s%s", p.File, sev, where, p.MessageIn(lang))
	}
	return fmt.Sprintf("%s 第%d行第%d列 %s：%s%s", p.File, p.Pos.Line, p.Pos.Col, sev, where, p.MessageIn(lang))
}

// String formats the problem as FILE:LINE:COL: SEVERITY: PATH (标签): message,
// or FILE:CELL: … for a form read from a spreadsheet or Word document.
func (p Problem) String() string {
	pos := p.Pos
	if pos.Line == 0 {
		pos = Pos{1, 1}
	}
	at := fmt.Sprintf("%d:%d", pos.Line, pos.Col)
	if p.Cell != "" {
		at = p.Cell
	}
	where := ""
	switch {
	case p.Path != "" && p.Label != "":
		where = fmt.Sprintf("%s (%s): ", p.Path, p.Label)
	case p.Path != "":
		where = p.Path + ": "
	}
	return fmt.Sprintf("%s:%s: %s: %s%s", p.File, at, p.Severity, where, p.Message)
}

// capped sorts problems and keeps the first MaxProblems, followed by one
// that says how many more there were.
func capped(ps Problems, dropped int, file string) Problems {
	ps.Sort()
	if len(ps) > MaxProblems {
		dropped += len(ps) - MaxProblems
		ps = ps[:MaxProblems]
	}
	if dropped > 0 {
		ps = append(ps, NewProblem(file, ps[len(ps)-1].Pos, Error, "more-problems",
			T("… and %d more problems not shown; fix these first", dropped)))
	}
	return ps
}

// Problems is the list of everything found in one file.
type Problems []Problem

// Errors counts the problems of severity Error.
func (ps Problems) Errors() int { return ps.count(Error) }

// Warnings counts the problems of severity Warning.
func (ps Problems) Warnings() int { return ps.count(Warning) }

func (ps Problems) count(s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders problems by their place in the file; problems at the same
// place keep the order in which they were found.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// MaxProblems is the most problems reported for one file. A file built to
// have hundreds of thousands would otherwise cost seconds to report, and
// nobody reads past the first screenful: the rest is counted.
const MaxProblems = 1000

// reporter collects problems about one report, placing each by its path.
type reporter struct {
	file    string
	src     *sourceMap
	form    *Form // for the labels of paths
	list    Problems
	dropped int // problems beyond MaxProblems, counted only
}

func (r *reporter) add(sev Severity, path, code, format string, args ...any) {
	r.addAt(sev, path, r.src.pos(path), code, format, args...)
}

// addAt places a problem at pos, somewhere inside the value at path.
// format is the English text, the catalog's key.
func (r *reporter) addAt(sev Severity, path string, pos Pos, code, format string, args ...any) {
	if len(r.list) >= MaxProblems {
		r.dropped++
		return
	}
	p := NewProblem(r.file, pos, sev, code, T(format, args...))
	p.Path, p.Label = path, r.form.LabelOf(path)
	r.list = append(r.list, p)
}

func (r *reporter) errorf(path, code, format string, args ...any) {
	r.add(Error, path, code, format, args...)
}

func (r *reporter) warnf(path, code, format string, args ...any) {
	r.add(Warning, path, code, format, args...)
}
