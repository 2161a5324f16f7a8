package summary

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao"
)

// rankRow is what a ranking column reads: the ranked entry and its 备注.
type rankRow struct {
	ranked
	note string // e.g. that another form has the same department and year
}

// writeRanking writes one ranking sheet: a row per form, then 合计 and 平均.
func writeRanking(f *excelize.File, sheet, title string, heads Heads, st styles, entries []ranked, notes map[string]string) error {
	levels := levelNames(entries)
	cols := rankColumns(heads, levels)
	t, err := startTable(f, sheet, title, st, cols)
	if err != nil {
		return err
	}
	for _, e := range entries {
		var note []string
		if e.tied {
			note = append(note, fmt.Sprintf("并列第%d名", e.rank))
		}
		if n := notes[e.File]; n != "" {
			note = append(note, n)
		}
		if err := t.add(rankRow{e, strings.Join(note, "；")}); err != nil {
			return err
		}
	}
	for _, row := range footRows(entries, levels, len(cols), st) {
		if err := t.addCells(row, 1); err != nil {
			return err
		}
	}
	return t.finish()
}

// levelNames lists the 一级指标 in the order departments first use them.
func levelNames(entries []ranked) []string {
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

func rankColumns(h Heads, levels []string) []column[rankRow] {
	type col = column[rankRow]
	text := func(get func(rankRow) string) func(rankRow, styles) excelize.Cell {
		return func(e rankRow, st styles) excelize.Cell { return excelize.Cell{StyleID: st.wrap, Value: get(e)} }
	}
	num := func(style func(styles) int, get func(rankRow) jixiao.Fixed) func(rankRow, styles) excelize.Cell {
		return func(e rankRow, st styles) excelize.Cell {
			if !e.Scored {
				return excelize.Cell{StyleID: st.text}
			}
			return excelize.Cell{StyleID: style(st), Value: float(get(e))}
		}
	}
	amount := func(s styles) int { return s.amount }
	points := func(s styles) int { return s.points }
	cols := []col{
		{"排名", 6, false, func(e rankRow, st styles) excelize.Cell {
			if !e.Scored {
				return excelize.Cell{StyleID: st.center, Value: "—"}
			}
			return excelize.Cell{StyleID: st.center, Value: e.rank}
		}},
		{h.Department, 30, true, text(func(e rankRow) string { return e.Department })},
		{h.Year, 7, false, func(e rankRow, st styles) excelize.Cell {
			if e.Year == 0 {
				return excelize.Cell{StyleID: st.center}
			}
			return excelize.Cell{StyleID: st.center, Value: e.Year}
		}},
		{h.Budget, 13, false, num(amount, func(e rankRow) jixiao.Fixed { return e.Budget })},
		{h.Executed, 13, false, num(amount, func(e rankRow) jixiao.Fixed { return e.Executed })},
		{h.Rate, 8, false, num(func(s styles) int { return s.percent }, func(e rankRow) jixiao.Fixed { return e.RatePercent / 100 })},
		{"预算执行得分", 8, false, num(points, func(e rankRow) jixiao.Fixed { return e.ExecScore })},
	}
	for _, name := range levels {
		cols = append(cols, col{name + "得分", 9, false, num(points, func(e rankRow) jixiao.Fixed {
			for _, l := range e.Levels {
				if l.Name == name {
					return l.Score
				}
			}
			return 0
		})})
	}
	return append(cols,
		col{h.Total, 7, false, num(points, func(e rankRow) jixiao.Fixed { return e.Total })},
		col{"等级", 6, false, func(e rankRow, st styles) excelize.Cell {
			return excelize.Cell{StyleID: st.center, Value: e.Grade}
		}},
		col{"扣分项", 7, false, func(e rankRow, st styles) excelize.Cell { return countCell(e.Scored, e.Deductions, st) }},
		col{"错误", 6, false, func(e rankRow, st styles) excelize.Cell { return countCell(true, e.Errors, st) }},
		col{"警告", 6, false, func(e rankRow, st styles) excelize.Cell { return countCell(true, e.Warnings, st) }},
		col{"源文件", 30, true, text(func(e rankRow) string { return e.File })},
		col{"备注", 24, true, text(func(e rankRow) string { return e.note })},
	)
}

func countCell(show bool, n int, st styles) excelize.Cell {
	if !show {
		return excelize.Cell{StyleID: st.center}
	}
	return excelize.Cell{StyleID: st.center, Value: n}
}
