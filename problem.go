package jixiao

import (
	"cmp"
	"fmt"
	"slices"
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
	Path     string   `json:"path,omitempty"`  // e.g. indicators[0].groups[2].items[1].score
	Label    string   `json:"label,omitempty"` // the form's own label, e.g. 得分
	Message  string   `json:"message"`
	// Cell locates a problem of a spreadsheet or Word form instead of
	// Pos: 附件2!C12, 表1 第3行第2列.
	Cell string `json:"cell,omitempty"`
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
		ps = append(ps, Problem{File: file, Pos: ps[len(ps)-1].Pos, Severity: Error,
			Message: fmt.Sprintf("… and %d more problems not shown; fix these first", dropped)})
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

func (r *reporter) add(sev Severity, path, format string, args ...any) {
	r.addAt(sev, path, r.src.pos(path), format, args...)
}

// addAt places a problem at pos, somewhere inside the value at path.
func (r *reporter) addAt(sev Severity, path string, pos Pos, format string, args ...any) {
	if len(r.list) >= MaxProblems {
		r.dropped++
		return
	}
	r.list = append(r.list, Problem{
		File:     r.file,
		Pos:      pos,
		Severity: sev,
		Path:     path,
		Label:    r.form.LabelOf(path),
		Message:  fmt.Sprintf(format, args...),
	})
}

func (r *reporter) errorf(path, format string, args ...any) { r.add(Error, path, format, args...) }
func (r *reporter) warnf(path, format string, args ...any)  { r.add(Warning, path, format, args...) }
