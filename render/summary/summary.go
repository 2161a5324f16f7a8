// Package summary writes a batch's 汇总表: one row per department with its
// figures, scores, grade and problems, ranked by 总分, printable on A4
// landscape. It keeps only the few figures of each department, never a
// document, and writes the sheet with excelize's stream writer.
package summary

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao"
)

// Entry is one department's line: the figures of a scored form, or only
// its problem counts when the form could not be rendered.
type Entry struct {
	File        string
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
}

// Level is the 得分 of one 一级指标.
type Level struct {
	Name  string
	Score jixiao.Fixed
}

// NewEntry condenses a check's result; s may be nil for an unreadable file.
func NewEntry(file string, s *jixiao.Scored, problems jixiao.Problems) Entry {
	e := Entry{File: file, Errors: problems.Errors(), Warnings: problems.Warnings()}
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

// Options are the template's settings the sheet follows.
type Options struct {
	Sheet        string // sheet name, e.g. 汇总表
	Title        string // e.g. 部门整体支出绩效自评汇总表
	Heads        Heads
	RateDecimals int
	Creator      string
	Date         time.Time // when the batch ran; zero means now
}

// Write ranks the entries by 总分 (failed files last, in file order) and
// writes the summary workbook to w.
func Write(w io.Writer, entries []Entry, opt Options) error {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if a.Scored != b.Scored {
			if a.Scored {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.File, b.File))
	})
	levels := levelNames(entries)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", opt.Sheet); err != nil {
		return fmt.Errorf("summary sheet: %w", err)
	}
	st, err := newStyles(f, opt.RateDecimals)
	if err != nil {
		return err
	}
	cols := columns(opt.Heads, levels)
	// The stream writer copies the worksheet's page setup when it starts,
	// so the setup comes first.
	if err := printSetup(f, opt, len(cols), len(entries)); err != nil {
		return fmt.Errorf("summary print setup: %w", err)
	}
	if err := writeSheet(f, opt, st, cols, entries, levels); err != nil {
		return fmt.Errorf("summary sheet: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("writing the summary: %w", err)
	}
	return nil
}

// Heads are the headings of the columns that show a form's fields, from
// the labels of the fields that play their roles.
type Heads struct {
	Department, Year, Budget, Executed, Rate, Total string
}

// HeadsOf takes the headings from a form: 预算部门, 年度, 全年预算数（万元）…
func HeadsOf(f *jixiao.Form) Heads {
	label := func(role string) string {
		fd, _ := f.ByRole(role)
		return fd.Label
	}
	money := func(role string) string {
		if l := label(role); l != "" {
			return l + "（" + f.Unit + "）"
		}
		return ""
	}
	return Heads{Department: label(jixiao.RoleDepartment), Year: label(jixiao.RoleYear), Budget: money(jixiao.RoleBudget),
		Executed: money(jixiao.RoleExecuted), Rate: label(jixiao.RoleRate), Total: label(jixiao.RoleTotal)}
}

// levelNames lists the 一级指标 in the order departments first use them.
func levelNames(entries []Entry) []string {
	var names []string
	for _, e := range entries {
		for _, l := range e.Levels {
			if !slices.Contains(names, l.Name) {
				names = append(names, l.Name)
			}
		}
	}
	return names
}

// column is one column of the sheet: its heading, width and cell value.
type column struct {
	head  string
	width float64
	value func(e Entry, rank int, st styles) excelize.Cell
}

func columns(h Heads, levels []string) []column {
	text := func(get func(Entry) any) func(Entry, int, styles) excelize.Cell {
		return func(e Entry, _ int, st styles) excelize.Cell { return excelize.Cell{StyleID: st.text, Value: get(e)} }
	}
	num := func(style func(styles) int, get func(Entry) jixiao.Fixed) func(Entry, int, styles) excelize.Cell {
		return func(e Entry, _ int, st styles) excelize.Cell {
			if !e.Scored {
				return excelize.Cell{StyleID: st.text}
			}
			return excelize.Cell{StyleID: style(st), Value: float(get(e))}
		}
	}
	cols := []column{
		{"排名", 6, func(e Entry, rank int, st styles) excelize.Cell {
			if !e.Scored {
				return excelize.Cell{StyleID: st.center, Value: "—"}
			}
			return excelize.Cell{StyleID: st.center, Value: rank}
		}},
		{h.Department, 30, text(func(e Entry) any { return e.Department })},
		{h.Year, 7, func(e Entry, _ int, st styles) excelize.Cell {
			if e.Year == 0 {
				return excelize.Cell{StyleID: st.center}
			}
			return excelize.Cell{StyleID: st.center, Value: e.Year}
		}},
		{h.Budget, 13, num(func(s styles) int { return s.amount }, func(e Entry) jixiao.Fixed { return e.Budget })},
		{h.Executed, 13, num(func(s styles) int { return s.amount }, func(e Entry) jixiao.Fixed { return e.Executed })},
		{h.Rate, 8, num(func(s styles) int { return s.percent }, func(e Entry) jixiao.Fixed { return e.RatePercent / 100 })},
		{"预算执行得分", 8, num(func(s styles) int { return s.points }, func(e Entry) jixiao.Fixed { return e.ExecScore })},
	}
	for _, name := range levels {
		cols = append(cols, column{name + "得分", 9, num(func(s styles) int { return s.points }, func(e Entry) jixiao.Fixed {
			for _, l := range e.Levels {
				if l.Name == name {
					return l.Score
				}
			}
			return 0
		})})
	}
	return append(cols,
		column{h.Total, 7, num(func(s styles) int { return s.points }, func(e Entry) jixiao.Fixed { return e.Total })},
		column{"等级", 6, func(e Entry, _ int, st styles) excelize.Cell {
			return excelize.Cell{StyleID: st.center, Value: e.Grade}
		}},
		column{"扣分项", 7, func(e Entry, _ int, st styles) excelize.Cell { return countCell(e.Scored, e.Deductions, st) }},
		column{"错误", 6, func(e Entry, _ int, st styles) excelize.Cell { return countCell(true, e.Errors, st) }},
		column{"警告", 6, func(e Entry, _ int, st styles) excelize.Cell { return countCell(true, e.Warnings, st) }},
		column{"源文件", 40, text(func(e Entry) any { return e.File })},
	)
}

func countCell(show bool, n int, st styles) excelize.Cell {
	if !show {
		return excelize.Cell{StyleID: st.center}
	}
	return excelize.Cell{StyleID: st.center, Value: n}
}

// float converts an exact figure for the spreadsheet, which stores doubles.
func float(v jixiao.Fixed) float64 { return float64(v) / 100 }
