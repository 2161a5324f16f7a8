package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jixiao"
)

// Columns of 附件2's grid.
const (
	colA = iota // 绩效指标 and the block labels
	colB        // 一级指标
	colC        // 二级指标
	colD        // 三级指标
	colE        // 年度指标值
	colF        // 实际完成值
	colG        // 分值
	colH        // 得分
	colI        // 偏差原因分析及改进措施
)

// builder appends rows and cells in print order.
type builder struct {
	tpl *Template
	s   *jixiao.Scored
	t   *Table
}

// Build lays the scored report out on the grid of 附件2: which texts go in
// which cells, and how cells merge. It measures nothing.
func Build(tpl *Template, s *jixiao.Scored) *Table {
	b := &builder{tpl: tpl, s: s, t: &Table{HeaderRow: -1}}
	for _, w := range tpl.Table.Columns {
		b.t.Columns = append(b.t.Columns, mm(w))
	}
	b.department()
	b.funds()
	b.goals()
	b.indicators()
	b.total()
	return b.t
}

func (b *builder) row(kind RowKind) int {
	b.t.Rows = append(b.t.Rows, Row{Kind: kind})
	return len(b.t.Rows) - 1
}

// cell adds a cell spanning columns from..to (inclusive) of row r.
func (b *builder) cell(r, from, to int, style, text, field string) *Cell {
	b.t.Cells = append(b.t.Cells, Cell{Row: r, Col: from, RowSpan: 1, ColSpan: to - from + 1, Style: style, Text: clean(text), Field: field})
	return &b.t.Cells[len(b.t.Cells)-1]
}

// label adds a fixed label of the form spanning rows r..r+rows-1 of column
// col, written again on each page that cuts it.
func (b *builder) label(r, rows, col int, style, text string) {
	c := b.cell(r, col, col, style, text, "")
	c.RowSpan, c.Repeat = rows, true
}

func (b *builder) number(r, from, to int, text string, v jixiao.Fixed, kind NumberKind, field string) {
	c := b.cell(r, from, to, StyleNumber, text, field)
	if text != "" {
		c.Number = &Number{Value: v, Kind: kind}
	}
}

func (b *builder) department() {
	L := b.tpl.Labels
	r := b.row(RowDepartment)
	b.cell(r, colA, colA, StyleHeader, L.Department, "")
	b.cell(r, colB, colI, StyleBody, b.s.Department, "department")
}

func (b *builder) funds() {
	L, f, s := b.tpl.Labels, b.s.Funds, b.s
	head := b.row(RowFundsHeader)
	b.t.Rows[head].KeepWithNext = true
	b.label(head, 7, colA, StyleHeader, L.Funds)
	b.cell(head, colB, colC, StyleHeader, "", "")
	for i, text := range []string{L.InitialBudget, L.AnnualBudget, L.Executed, L.Weight, L.Rate, L.Score} {
		b.cell(head, colD+i, colD+i, StyleHeader, text, "")
	}
	r := b.row(RowFundsTotal)
	b.cell(r, colB, colC, StyleHeader, L.TotalFunds, "")
	b.number(r, colD, colD, b.amount(f.InitialBudget), f.InitialBudget.Value, Amount, "funds.initial_budget")
	b.number(r, colE, colE, b.amount(f.AnnualBudget), f.AnnualBudget.Value, Amount, "funds.annual_budget")
	b.number(r, colF, colF, b.amount(f.Executed), f.Executed.Value, Amount, "funds.executed")
	b.number(r, colG, colG, f.Weight.Text, f.Weight.Value, Points, "funds.weight")
	rate, score := "", ""
	if s.Rate != nil {
		rate = s.RateShown.Format(s.Rules.RateDecimals) + "%"
		score = s.ExecScore.Format(s.Rules.ScoreDecimals)
	}
	b.number(r, colH, colH, rate, s.RateShown, Percent, "funds.execution_rate")
	b.number(r, colI, colI, score, s.ExecScore, ExecScore, "funds.score")

	in, sp := f.Income, f.Spending
	left := []split{
		{L.Income, "", jixiao.Figure{}},
		{L.OfWhich + L.GeneralBudget, "funds.income.general_budget", in.GeneralBudget},
		{L.GovernmentFund, "funds.income.government_fund", in.GovernmentFund},
		{L.SpecialAccount, "funds.income.special_account", in.SpecialAccount},
		{L.Other, "funds.income.other", in.Other},
	}
	right := []split{
		{L.Spending, "", jixiao.Figure{}},
		{L.OfWhich + L.Basic, "funds.spending.basic", sp.Basic},
		{L.Project, "funds.spending.project", sp.Project},
		{}, {},
	}
	for i := range left {
		r := b.row(RowFundsSplit)
		for _, half := range []struct {
			from, to int
			s        split
		}{{colB, colE, left[i]}, {colF, colI, right[i]}} {
			b.cell(r, half.from, half.to, StyleBody, half.s.label+b.amount(half.s.fig), half.s.field)
		}
	}
}

// split is a line of the halves 按收入性质分 | 按支出性质分: a label and its amount.
type split struct {
	label, field string
	fig          jixiao.Figure
}

// amount prints an amount as the file wrote it, or with the template's
// fixed decimals.
func (b *builder) amount(f jixiao.Figure) string {
	if !f.Set {
		return ""
	}
	if d := b.tpl.Numbers.AmountDecimals; d >= 0 {
		return f.Value.Format(d)
	}
	return f.Text
}

func (b *builder) goals() {
	L, g := b.tpl.Labels, b.s.Goals
	head := b.row(RowGoalsHeader)
	b.t.Rows[head].KeepWithNext = true
	b.label(head, 2, colA, StyleHeader, L.Goals)
	b.cell(head, colB, colE, StyleHeader, L.Expected, "")
	b.cell(head, colF, colI, StyleHeader, L.Achieved, "")
	r := b.row(RowGoals)
	b.cell(r, colB, colE, StyleBody, g.Expected, "goals.expected")
	b.cell(r, colF, colI, StyleBody, g.Achieved, "goals.achieved")
}

func (b *builder) indicators() {
	L := b.tpl.Labels
	head := b.row(RowIndicatorHeader)
	b.t.HeaderRow = head
	b.t.Rows[head].KeepWithNext = true
	performance := len(b.t.Cells)
	b.label(head, 1, colA, StyleStacked, L.Performance)
	for i, text := range []string{L.Level1, L.Level2, L.Level3, L.Target, L.Actual, L.Weight, L.Score, L.Deviation} {
		b.cell(head, colB+i, colB+i, StyleHeader, text, "")
	}
	for i, ind := range b.s.Report.Indicators {
		path := "indicators[" + strconv.Itoa(i) + "]"
		first := len(b.t.Rows)
		for j, g := range ind.Groups {
			b.group(fmt.Sprintf("%s.groups[%d]", path, j), g)
		}
		if rows := len(b.t.Rows) - first; rows > 0 {
			b.label(first, rows, colB, StyleLabel, ind.Name+b.weightSuffix(ind.Weight))
			b.t.Cells[len(b.t.Cells)-1].Field = path + ".name"
		}
	}
	b.t.Cells[performance].RowSpan = len(b.t.Rows) - head
	b.sortCells()
}

func (b *builder) group(path string, g jixiao.Group) {
	first := len(b.t.Rows)
	for k, it := range g.Items {
		p := fmt.Sprintf("%s.items[%d]", path, k)
		r := b.row(RowIndicator)
		b.cell(r, colD, colD, StyleBody, strings.ReplaceAll(b.tpl.Labels.ItemNumber, "{n}", strconv.Itoa(k+1))+it.Name, p+".name")
		b.cell(r, colE, colE, StyleValue, it.Target, p+".target")
		b.cell(r, colF, colF, StyleValue, it.Actual, p+".actual")
		b.number(r, colG, colG, it.Weight.Text, it.Weight.Value, Points, p+".weight")
		b.number(r, colH, colH, it.Score.Text, it.Score.Value, ItemScore, p+".score")
		b.cell(r, colI, colI, StyleBody, it.Deviation, p+".deviation")
	}
	for range g.BlankRows {
		r := b.row(RowBlank)
		for col := colD; col <= colI; col++ {
			b.cell(r, col, col, StyleBody, "", "")
		}
	}
	if rows := len(b.t.Rows) - first; rows > 0 {
		b.label(first, rows, colC, StyleLabel, g.Name+b.weightSuffix(g.Weight))
		b.t.Cells[len(b.t.Cells)-1].Field = path + ".name"
	}
}

func (b *builder) weightSuffix(w jixiao.Figure) string {
	if !w.Set {
		return ""
	}
	return strings.ReplaceAll(b.tpl.Labels.WeightSuffix, "{weight}", w.Text)
}

func (b *builder) total() {
	L, s := b.tpl.Labels, b.s
	r := b.row(RowTotal)
	b.t.Rows[r].KeepWithPrevious = true
	b.cell(r, colA, colF, StyleHeader, L.Total, "")
	total := jixiao.FixedFromInt(int64(s.Rules.TotalPoints))
	b.number(r, colG, colG, total.String(), total, TotalPoints, "")
	score := ""
	if s.Rate != nil {
		score = s.Total.Format(s.Rules.ScoreDecimals)
	}
	b.number(r, colH, colI, score, s.Total, TotalScore, "total_score")
}

// sortCells puts cells in reading order. Labels that span rows are added
// after the rows they span, so they are moved to their first row here.
func (b *builder) sortCells() {
	slices.SortStableFunc(b.t.Cells, func(x, y Cell) int {
		return cmp.Or(cmp.Compare(x.Row, y.Row), cmp.Compare(x.Col, y.Col))
	})
}

// clean turns tabs into spaces and CR LF into LF. Decoding removed, and
// reported, what prints as nothing (jixiao's removeInvisible); anything
// invisible that still comes here (from a template) is kept, so that the
// glyph check names it rather than the form losing it unseen.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\t", " ")
}

// mm converts millimetres to points.
func mm(v float64) float64 { return v * 72 / 25.4 }
