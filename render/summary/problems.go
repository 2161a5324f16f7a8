package summary

import (
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"jixiao"
)

// problemRows lists every problem: those of no one form first, then each
// form's in the order of the entries, each duplicated department's
// warning after its own problems.
func problemRows(entries []Entry, other jixiao.Problems) jixiao.Problems {
	dup := duplicateOf(entries)
	out := append(jixiao.Problems{}, other...)
	for i, e := range entries {
		out = append(out, e.Problems...)
		if dup[i] >= 0 {
			out = append(out, duplicateProblem(e, entries[dup[i]]))
		}
	}
	return out
}

// writeProblems writes the problems sheet: one row per problem, with
// where it is and what it says, to send back to the departments.
func writeProblems(f *excelize.File, st styles, problems jixiao.Problems, lang language.Tag) error {
	t, err := startTable(f, problemsSheet, "问题清单", st, problemColumns(lang))
	if err != nil {
		return err
	}
	for _, p := range problems {
		if err := t.add(p); err != nil {
			return err
		}
	}
	return t.finish()
}

func problemColumns(lang language.Tag) []column[jixiao.Problem] {
	type col = column[jixiao.Problem]
	text := func(get func(jixiao.Problem) string) func(jixiao.Problem, styles) excelize.Cell {
		return func(p jixiao.Problem, st styles) excelize.Cell { return excelize.Cell{StyleID: st.wrap, Value: get(p)} }
	}
	number := func(get func(jixiao.Problem) int) func(jixiao.Problem, styles) excelize.Cell {
		return func(p jixiao.Problem, st styles) excelize.Cell {
			if n := get(p); n > 0 {
				return excelize.Cell{StyleID: st.center, Value: n}
			}
			return excelize.Cell{StyleID: st.center}
		}
	}
	return []col{
		{"源文件", 30, true, text(func(p jixiao.Problem) string { return p.File })},
		{"行", 6, false, number(func(p jixiao.Problem) int { return p.Pos.Line })},
		{"列", 6, false, number(func(p jixiao.Problem) int { return p.Pos.Col })},
		{"单元格", 18, true, text(func(p jixiao.Problem) string { return p.Cell })}, // of a form read from a spreadsheet or Word
		{"级别", 6, false, func(p jixiao.Problem, st styles) excelize.Cell {
			s := "警告"
			if p.Severity == jixiao.Error {
				s = "错误"
			}
			return excelize.Cell{StyleID: st.center, Value: s}
		}},
		// 位置 is the key path, for whoever edits the TOML; 说明 starts
		// with the place in the form's own words, as check prints it.
		{"位置", 30, true, text(func(p jixiao.Problem) string { return p.Path })},
		{"标签", 14, true, text(func(p jixiao.Problem) string { return p.Label })},
		{"说明", 60, true, text(func(p jixiao.Problem) string {
			if p.Where != "" && lang == jixiao.Chinese {
				return p.Where + "：" + p.MessageIn(lang)
			}
			return p.MessageIn(lang)
		})},
	}
}
