// Package summary writes a batch's 汇总表: for each year, a sheet with one
// row per department — its figures, scores, grade and problems — ranked by
// 总分, printable on A4 landscape; and a sheet listing every problem of
// every form, to send back to the departments. It keeps only the few
// figures and the problems of each department, never a document.
package summary

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"jixiao"
)

// Entry is one department's line: the figures of a scored form, or only
// its problems when the form could not be rendered.
type Entry struct {
	File        string // tells the forms apart, e.g. y2021/档案馆.toml
	Path        string // the file as its problems name it, e.g. forms/y2021/档案馆.toml; "" is File
	Department  string
	Year        int
	Scored      bool // false when the form had errors
	Budget      jixiao.Fixed
	Executed    jixiao.Fixed
	RatePercent jixiao.Fixed
	ExecScore   jixiao.Fixed
	Levels      []Level // each 一级指标's 得分
	Total       jixiao.Fixed
	Grade       string
	Deductions  int
	Errors      int
	Warnings    int
	Problems    jixiao.Problems // listed on the problems sheet
}

// Level is the 得分 of one 一级指标.
type Level struct {
	Name  string
	Score jixiao.Fixed
}

// NewEntry condenses a check's result; s may be nil for an unreadable file.
func NewEntry(file string, s *jixiao.Scored, problems jixiao.Problems) Entry {
	e := Entry{File: file, Errors: problems.Errors(), Warnings: problems.Warnings(), Problems: problems}
	if s == nil {
		return e
	}
	e.Department, e.Year = s.Department(), s.Year()
	if e.Errors > 0 || s.Rate == nil {
		return e
	}
	e.Scored = true
	budget, _ := s.Report.Role(jixiao.RoleBudget)
	executed, _ := s.Report.Role(jixiao.RoleExecuted)
	e.Budget, e.Executed = budget.Value, executed.Value
	e.RatePercent, e.ExecScore, e.Total, e.Grade = s.RateShown, s.ExecScore, s.Total, s.Grade
	e.Deductions = s.Deductions()
	for i, ind := range s.Report.Indicators {
		e.Levels = append(e.Levels, Level{Name: ind.Name, Score: s.Indicators[i].Score})
	}
	return e
}

// Options are the template's settings the workbook follows.
type Options struct {
	Sheet        string // name of the ranking sheet, e.g. 汇总表; with several years, 汇总表 2021, ...
	Title        string // e.g. 部门整体支出绩效自评汇总表
	Heads        Heads  // the headings of the columns of the form's fields
	RateDecimals int
	Creator      string    // the application, e.g. jixiao v1.2.0
	Date         time.Time // recorded as the creation date; zero records none
	// Other are problems of no one form, e.g. a folder that could not be
	// read; they head the problems sheet.
	Other jixiao.Problems
	// Lang is the language of the problems' texts (说明); the sheet's
	// headings are the form's own Chinese.
	Lang language.Tag
}

// problemsSheet names the sheet listing every problem.
const problemsSheet = "问题清单"

// Duplicates warns of every form whose department and year an earlier
// form already has: both are ranked, which the reader must know.
func Duplicates(entries []Entry) jixiao.Problems {
	var out jixiao.Problems
	for i, first := range duplicateOf(entries) {
		if first >= 0 {
			out = append(out, duplicateProblem(entries[i], entries[first]))
		}
	}
	return out
}

// duplicateOf gives, for each entry, the index of the first entry of the
// same department and year when it is a later one, else -1.
func duplicateOf(entries []Entry) []int {
	out := make([]int, len(entries))
	first := map[string]int{}
	for i, e := range entries {
		out[i] = -1
		if e.Department == "" {
			continue
		}
		key := fmt.Sprintf("%s\x00%d", e.Department, e.Year)
		if f, ok := first[key]; ok {
			out[i] = f
			continue
		}
		first[key] = i
	}
	return out
}

func duplicateProblem(e, first Entry) jixiao.Problem {
	return jixiao.NewProblem(cmp.Or(e.Path, e.File), jixiao.Pos{}, jixiao.Warning, "duplicate-department",
		jixiao.T("same department and year as %s (%s, %d): the summary ranks both", first.File, e.Department, e.Year))
}

// Write writes the summary workbook to w: one ranking sheet per year (the
// forms whose year is unknown on a sheet of their own), then the problems.
func Write(w io.Writer, entries []Entry, opt Options) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(newSortedZip)
	st, err := newStyles(f, opt.RateDecimals)
	if err != nil {
		return err
	}
	notes := rankNotes(entries)
	groups := byYear(entries)
	for i, g := range groups {
		sheet, title := opt.Sheet, opt.Title
		if len(groups) > 1 {
			sheet, title = yearSheetName(opt.Sheet, g.year), yearTitle(opt.Title, g.year)
		}
		if err := addSheet(f, i, sheet); err != nil {
			return fmt.Errorf("summary sheet: %w", err)
		}
		if err := writeRanking(f, sheet, title, opt.Heads, st, rank(g.entries), notes); err != nil {
			return fmt.Errorf("summary sheet %s: %w", sheet, err)
		}
	}
	if err := addSheet(f, len(groups), problemsSheet); err != nil {
		return fmt.Errorf("summary sheet: %w", err)
	}
	if err := writeProblems(f, st, problemRows(entries, opt.Other), opt.Lang); err != nil {
		return fmt.Errorf("summary sheet %s: %w", problemsSheet, err)
	}
	if err := setProps(f, opt); err != nil {
		return fmt.Errorf("summary properties: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("writing the summary: %w", err)
	}
	return nil
}

// addSheet names the i-th sheet: the first is the new file's own.
func addSheet(f *excelize.File, i int, name string) error {
	if i == 0 {
		return f.SetSheetName("Sheet1", name)
	}
	_, err := f.NewSheet(name)
	return err
}

// yearGroup is the forms of one year; year 0 holds those whose year is
// unknown (unreadable forms).
type yearGroup struct {
	year    int
	entries []Entry
}

// byYear groups the entries by year, years in order, unknown last: forms
// of different years never rank together. With one known year, the forms
// of unknown year join it.
func byYear(entries []Entry) []yearGroup {
	var years []int
	for _, e := range entries {
		if e.Year != 0 && !slices.Contains(years, e.Year) {
			years = append(years, e.Year)
		}
	}
	slices.Sort(years)
	if len(years) <= 1 {
		return []yearGroup{{year: append(years, 0)[0], entries: entries}}
	}
	var groups []yearGroup
	for _, y := range append(years, 0) {
		var g []Entry
		for _, e := range entries {
			if e.Year == y {
				g = append(g, e)
			}
		}
		if len(g) > 0 {
			groups = append(groups, yearGroup{y, g})
		}
	}
	return groups
}

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

func yearSheetName(base string, year int) string {
	suffix := " 年度不明"
	if year != 0 {
		suffix = fmt.Sprintf(" %d", year)
	}
	r := []rune(base)
	if keep := maxSheetName - len([]rune(suffix)); len(r) > keep {
		r = r[:keep]
	}
	return string(r) + suffix
}

func yearTitle(title string, year int) string {
	if year == 0 {
		return title + "（年度不明）"
	}
	return fmt.Sprintf("%d年度%s", year, title)
}

// ranked is an entry with its place: departments with the same 总分
// share a rank (1, 2, 2, 4), and tied says so.
type ranked struct {
	Entry
	rank int
	tied bool
}

// rank orders the entries by 总分 (forms with errors last, in file order)
// and gives each its rank.
func rank(entries []Entry) []ranked {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if a.Scored != b.Scored {
			if a.Scored {
				return -1
			}
			return 1
		}
		if !a.Scored {
			return 0
		}
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.File, b.File))
	})
	out := make([]ranked, len(entries))
	for i, e := range entries {
		out[i] = ranked{Entry: e}
		if !e.Scored {
			continue
		}
		out[i].rank = i + 1
		if i > 0 && out[i-1].Scored && out[i-1].Total == e.Total {
			out[i].rank, out[i].tied, out[i-1].tied = out[i-1].rank, true, true
		}
	}
	return out
}

// rankNotes are the 备注 of duplicated departments, by file.
func rankNotes(entries []Entry) map[string]string {
	files := map[string][]string{}
	for _, e := range entries {
		if e.Department != "" {
			key := fmt.Sprintf("%s\x00%d", e.Department, e.Year)
			files[key] = append(files[key], e.File)
		}
	}
	notes := map[string]string{}
	for _, e := range entries {
		key := fmt.Sprintf("%s\x00%d", e.Department, e.Year)
		if e.Department == "" || len(files[key]) < 2 {
			continue
		}
		others := slices.DeleteFunc(slices.Clone(files[key]), func(f string) bool { return f == e.File })
		notes[e.File] = "同一部门同一年度重复：另见 " + strings.Join(others, "、")
	}
	return notes
}

// setProps records the title and the application, and a creation date
// only when one is given, so that the same forms give the same bytes.
// excelize starts from a core part with creator "xuri" and 2006 dates; a
// bare one replaces it.
func setProps(f *excelize.File, opt Options) error {
	f.Pkg.Store("docProps/core.xml", []byte(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"></cp:coreProperties>`))
	p := &excelize.DocProperties{Title: opt.Title}
	if !opt.Date.IsZero() {
		p.Created = opt.Date.UTC().Format(time.RFC3339)
		p.Modified = p.Created
	}
	if err := f.SetDocProps(p); err != nil {
		return err
	}
	app := opt.Creator
	if app == "" {
		app = "jixiao"
	}
	return f.SetAppProps(&excelize.AppProperties{Application: app})
}

// float converts an exact figure for the spreadsheet, which stores doubles.
func float(v jixiao.Fixed) float64 { return float64(v) / 100 }
