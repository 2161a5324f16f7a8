package jixiao

import (
	"fmt"
	"math/big"
	"strings"
)

// Limits of a sensible form.
const (
	minYear      = 2000
	maxYear      = 2100
	maxBlankRows = 20
)

// Check decodes, scores and validates one file: everything `jixiao check`
// reports about it. The Scored report is nil when the file could not be read
// as TOML at all.
func Check(name string, data []byte, form *Form) (*Scored, Problems) {
	return CheckNamed(name, data, fixedForm(form))
}

// CheckNamed is Check by the form the file names, which find returns.
func CheckNamed(name string, data []byte, find FormFinder) (*Scored, Problems) {
	r, rep := decode(name, data, find)
	if r.src == nil && len(rep.list) > 0 {
		return nil, capped(rep.list, rep.dropped, name)
	}
	s := Score(r)
	found, dropped := validate(name, s)
	ps := capped(append(rep.list, found...), rep.dropped+dropped, name)
	placeAll(ps, r)
	return s, ps
}

// Validate checks a decoded report against the form's rules: sums, weights,
// scores, and what the department declared against what the rules compute.
// Values that failed to decode are skipped, as Decode reported them already.
func Validate(name string, r *Report) Problems {
	found, dropped := validate(name, Score(r))
	ps := capped(found, dropped, name)
	placeAll(ps, r)
	return ps
}

// validate returns the problems found, and how many more were only counted.
func validate(name string, s *Scored) (Problems, int) {
	v := &validator{reporter: reporter{file: name, src: &s.Report.src, form: s.Report.Form}, s: s, hidden: map[string]bool{}}
	for p := range s.Report.failed {
		for ; p != "" && !v.hidden[p]; p = parentPath(p) {
			v.hidden[p] = true
		}
	}
	v.header()
	v.money()
	v.weights()
	for i := range s.Report.Indicators {
		v.indicator(i)
	}
	v.declared()
	// A value that could not be read was reported by Decode; what it makes
	// wrong here, at its own path (a year of 0) or in a table holding it
	// (parts that do not add up), would only repeat it.
	kept := v.list[:0]
	for _, p := range v.list {
		if !v.hidden[p.Path] {
			kept = append(kept, p)
		}
	}
	return kept, v.dropped
}

type validator struct {
	reporter
	s      *Scored
	hidden map[string]bool // the paths Decode reported, and the tables holding them
}

func (v *validator) header() {
	r := v.s.Report
	year, ok := r.Form.ByRole(RoleYear)
	if ok && v.given(year.Key) && (r.Year() < minYear || r.Year() > maxYear) {
		v.errorf(year.Key, "year-range", "%d is not a plausible year; expected %d to %d", r.Year(), minYear, maxYear)
	}
}

// money checks the budget and executed amounts, and the sums the form
// declares.
func (v *validator) money() {
	r, form := v.s.Report, v.s.Report.Form
	budget, _ := r.Role(RoleBudget)
	executed, _ := r.Role(RoleExecuted)
	if budget.Set && budget.Value == 0 {
		v.errorf(form.byRole[RoleBudget].Key, "budget-zero", "is 0, so %s cannot be computed", form.roleLabel(RoleRate, "执行率"))
	}
	if budget.Set && executed.Set && executed.Value > budget.Value {
		v.warnf(form.byRole[RoleExecuted].Key, "over-budget", "%s is more than %s %s; %s counts as 100%% for the score",
			executed.Text, form.byRole[RoleBudget].Label, budget.Text, form.roleLabel(RoleRate, "执行率"))
	}
	for _, sum := range form.Sums {
		if len(sum.Columns) == 0 {
			v.sum(sum.Whole, sum.Parts, sum.At)
			continue
		}
		for _, c := range sum.Columns {
			parts := make([]string, len(sum.Parts))
			for i, p := range sum.Parts {
				parts[i] = p + "." + c
			}
			at := ""
			if sum.At != "" {
				at = sum.At + "." + c
			}
			v.sum(sum.Whole+"."+c, parts, at)
		}
	}
}

// sum checks that the parts add up to the whole, unless one of them could
// not be read.
func (v *validator) sum(whole string, parts []string, at string) {
	r := v.s.Report
	if at == "" {
		at = whole
	}
	var figs []Figure
	for _, key := range append([]string{whole}, parts...) {
		if r.failed[key] {
			return
		}
		figs = append(figs, r.Value(key))
	}
	v.partsAddUp(at, r.Form.LabelOf(whole), figs[0], figs[1:])
}

// partsAddUp checks that the parts of a split add up to the whole, in exact
// hundredths.
func (v *validator) partsAddUp(path, wholeLabel string, whole Figure, parts []Figure) {
	if !whole.Set {
		return
	}
	var sum Fixed
	var terms []string
	for _, p := range parts {
		if p.Set {
			sum += p.Value
			terms = append(terms, p.Text)
		}
	}
	if sum == whole.Value {
		return
	}
	if len(terms) == 0 {
		v.errorf(path, "sum-empty", "is empty; its parts must add up to %s %s", wholeLabel, whole.Text)
		return
	}
	v.errorf(path, "sum-mismatch", "parts add up to %s (%s), not %s %s; they differ by %s",
		sum, joinTerms(terms), wholeLabel, whole.Text, (whole.Value - sum).String())
}

// weights checks that 预算执行率 分值 and the 一级 分值 add up to the total.
func (v *validator) weights() {
	r, rules := v.s.Report, v.s.Rules
	execWeight, hasExec := r.Role(RoleExecWeight)
	at, what := "indicators", T("一级指标 分值")
	if hasExec {
		at, what = r.Form.byRole[RoleExecWeight].Key, T("预算执行率 分值 and 一级指标 分值")
		if !execWeight.Set {
			return
		}
		if w := FixedFromInt(int64(rules.ExecWeight)); rules.ExecWeight > 0 && execWeight.Value != w {
			v.errorf(at, "exec-weight", "%s; the form fixes the 分值 of 预算执行率 at %s", execWeight.Text, w)
		}
	}
	if r.failed["indicators"] {
		return // no 一级指标 could be read; Decode said why
	}
	if len(r.Indicators) == 0 && v.given("indicators") {
		v.errorf("indicators", "no-indicators", "has no 一级指标")
	}
	sum := execWeight.Value
	var terms []string
	if hasExec {
		terms = append(terms, execWeight.Text)
	}
	for i, ind := range r.Indicators {
		if !ind.Weight.Set {
			return
		}
		if w, fixed := rules.LevelWeights[ind.Name]; fixed && ind.Weight.Value != FixedFromInt(int64(w)) {
			v.errorf(indexPath("indicators", i)+".weight", "level-weight", "%s; the form fixes the 分值 of %s at %d", ind.Weight.Text, ind.Name, w)
		}
		sum += ind.Weight.Value
		terms = append(terms, ind.Weight.Text)
	}
	if total := FixedFromInt(int64(rules.TotalPoints)); sum != total {
		v.errorf(at, "weights-total", "%s add up to %s (%s); the form's total is %s", what, sum, joinTerms(terms), total)
	}
}

func (v *validator) indicator(i int) {
	ind := v.s.Report.Indicators[i]
	path := indexPath("indicators", i)
	if len(ind.Groups) == 0 && v.given(path+".groups") {
		v.errorf(path+".groups", "no-groups", "has no 二级指标")
	}
	v.sumOfChildren(path+".weight", ind.Weight, "二级指标", func(yield func(Figure) bool) {
		for _, g := range ind.Groups {
			if !yield(g.Weight) {
				return
			}
		}
	})
	v.duplicates(path, "groups", len(ind.Groups), func(j int) string { return ind.Groups[j].Name })
	for j := range ind.Groups {
		v.group(i, j)
	}
}

func (v *validator) group(i, j int) {
	g := v.s.Report.Indicators[i].Groups[j]
	path := indexPath(indexPath("indicators", i)+".groups", j)
	if len(g.Items) == 0 && v.given(path+".items") {
		v.errorf(path+".items", "no-items", "has no 三级指标")
	}
	if g.BlankRows < 0 || g.BlankRows > maxBlankRows {
		v.errorf(path+".blank_rows", "out-of-range", "%d is out of range; expected 0 to %d", g.BlankRows, maxBlankRows)
	}
	v.sumOfChildren(path+".weight", g.Weight, "三级指标", func(yield func(Figure) bool) {
		for _, it := range g.Items {
			if !yield(it.Weight) {
				return
			}
		}
	})
	v.duplicates(path, "items", len(g.Items), func(k int) string { return g.Items[k].Name })
	for k := range g.Items {
		v.item(indexPath(path+".items", k), g.Items[k], v.s.Indicators[i].Groups[j].Items[k])
	}
}

// maxTerms is the most terms a message spells out; a sum of thousands of
// figures would make a line too long to read.
const maxTerms = 12

// joinTerms writes the terms of a sum: 3 + 3 + 4, or 0.01 + 0.01 + … + 0.01
// (10000 terms) when there are many.
func joinTerms(terms []string) string {
	if len(terms) <= maxTerms {
		return strings.Join(terms, " + ")
	}
	return fmt.Sprintf("%s + … + %s (%d terms)", strings.Join(terms[:maxTerms-1], " + "), terms[len(terms)-1], len(terms))
}

// given tells whether the file wrote a value at path.
func (v *validator) given(path string) bool { _, ok := (*v.src)[path]; return ok }

// sumOfChildren checks that a weight is the sum of its children's weights.
func (v *validator) sumOfChildren(path string, w Figure, childLabel string, children func(func(Figure) bool)) {
	if !w.Set {
		return
	}
	var sum Fixed
	var terms []string
	for c := range children {
		if !c.Set {
			return // already reported as missing or wrong
		}
		sum += c.Value
		terms = append(terms, c.Text)
	}
	if len(terms) > 0 && sum != w.Value {
		v.errorf(path, "weight-sum", "%s is not the sum of its %s 分值 (%s = %s)", w.Text, childLabel, joinTerms(terms), sum)
	}
}

// duplicates warns about two children of one table with the same name.
func (v *validator) duplicates(path, list string, n int, name func(int) string) {
	first := map[string]int{}
	for k := range n {
		nm := name(k)
		if nm == "" {
			continue
		}
		if j, seen := first[nm]; seen {
			v.warnf(indexPath(path+"."+list, k)+".name", "duplicate-name", "%q is already the name of %s", nm, T("%[1]s[%[2]d]", list, j, j+1))
			continue
		}
		first[nm] = k
	}
}

func (v *validator) item(path string, it Item, sc ItemScore) {
	if it.Kind != "" && it.Kind != KindQuantitative && it.Kind != KindQualitative {
		v.errorf(path+".kind", "bad-kind", "%q is not a kind; expected %q or %q", it.Kind, KindQuantitative, KindQualitative)
	}
	if it.Kind == KindQuantitative && !sc.Quantitative {
		v.errorf(path+".kind", "quantitative-not-numbers", "is 定量, but 年度指标值 %q and 实际完成值 %q are not both numbers", it.Target, it.Actual)
	}
	if !it.Score.Set || !it.Weight.Set {
		return
	}
	if it.Score.Value > it.Weight.Value {
		v.errorf(path+".score", "score-over-weight", "%s is more than its 分值 %s", it.Score.Text, it.Weight.Text)
		return
	}
	if it.Score.Value < it.Weight.Value && it.Deviation == "" {
		v.errorf(path+".deviation", "deviation-required", "is required: 得分 %s is below 分值 %s, so the form needs the reason and the remedy", it.Score.Text, it.Weight.Text)
	}
	if sc.Quantitative && sc.Computed != it.Score.Value {
		v.warnf(path+".score", "score-rule", "%s, but the %s rule gives %s (实际完成值 %s against 年度指标值 %s)",
			it.Score.Text, directionName[sc.Target.Direction()], sc.Computed, it.Actual, it.Target)
	}
	if it.Band != "" {
		v.band(path, it)
	}
}

var directionName = map[Direction]string{Positive: "正向指标", Negative: "反向指标", Equal: "等于指标"}

// band checks a qualitative indicator's 得分 against its declared band.
func (v *validator) band(path string, it Item) {
	b := v.s.Rules.Bands
	lo, hi, closed := 0, 0, false
	switch it.Band {
	case "达成", "达成年度指标":
		lo, hi, closed = b.Achieved, 100, true
	case "部分达成", "部分达成年度指标并具有一定效果":
		lo, hi = b.Partial, b.Achieved
	case "未达成", "未达成年度指标且效果较差":
		lo, hi = 0, b.Partial
	default:
		v.errorf(path+".band", "bad-band", "%q is not a band; expected 达成, 部分达成 or 未达成", it.Band)
		return
	}
	// Compare score×100 with weight×percent, all in integers.
	score := int64(it.Score.Value) * 100
	low, high := int64(it.Weight.Value)*int64(lo), int64(it.Weight.Value)*int64(hi)
	if score < low || score > high || (!closed && score == high) {
		// The bounds are in ten-thousandths of a point: 80% of 3.33 is 2.664.
		exact := func(n int64) string {
			return strings.TrimSuffix(strings.TrimRight(big.NewRat(n, 10000).FloatString(4), "0"), ".")
		}
		rng := fmt.Sprintf("[%s, %s)", exact(low), exact(high))
		if closed {
			rng = fmt.Sprintf("[%s, %s]", exact(low), exact(high))
		}
		v.errorf(path+".score", "score-outside-band", "%s is outside the band %s: %s%% to %d%% of 分值 %s is %s", it.Score.Text, it.Band, Fixed(int64(lo)*100), hi, it.Weight.Text, rng)
	}
}

// declared checks what the department wrote against what the rules
// compute. A declared figure is right when it is the exact figure (to the
// two decimals a file can hold) or the figure as the form prints it; a
// message shows the exact arithmetic, then the printed figure.
func (v *validator) declared() {
	s, form := v.s, v.s.Report.Form
	rules := s.Rules
	get := func(role string) (Figure, Field) {
		f, _ := s.Report.Role(role)
		return f, form.byRole[role]
	}
	rate, rateField := get(RoleRate)
	score, scoreField := get(RoleExecScore)
	weight, weightField := get(RoleExecWeight)
	budget, budgetField := get(RoleBudget)
	executed, executedField := get(RoleExecuted)
	declared, totalField := get(RoleTotal)
	if s.Rate != nil && rate.Set && rate.Value != s.Exact.RatePercent && rate.Value != s.RateShown {
		v.errorf(rateField.Key, "declared-rate", "%s, but %s %s ÷ %s %s = %s",
			rate.Text, executedField.Label, executed.Text, budgetField.Label, budget.Text,
			exactThenPrinted(s.RatePercent(), s.RateShown, rules.ratePlaces(), "%"))
	}
	if s.Rate != nil && score.Set && weight.Set && score.Value != s.Exact.ExecScore && score.Value != s.ExecScore {
		v.errorf(scoreField.Key, "declared-exec-score", "%s, but %s %s × %s %s%% = %s", score.Text, weightField.Label, weight.Text,
			form.roleLabel(RoleRate, "执行率"), exactString(new(big.Rat).Mul(s.cappedRate(), big.NewRat(100, 1))),
			exactThenPrinted(s.ExecScoreExact(), s.ExecScore, rules.scorePlaces(), ""))
	}
	// 总分 is checked once every figure it adds up was read: a missing 得分
	// is reported where it is missing, not as a wrong 总分.
	if s.Rate != nil && declared.Set && weight.Set && allScored(s.Report) {
		sum := s.ExecScore + s.Items
		if declared.Value != sum && declared.Value != s.Total {
			v.errorf(totalField.Key, "declared-total", "%s, but 预算执行得分 %s + the 三级指标 得分 %s = %s", declared.Text,
				s.ExecScore.Format(rules.scorePlaces()), s.Items, exactThenPrinted(sum.Rat(), s.Total, rules.scorePlaces(), ""))
		}
	}
}

// exactThenPrinted writes an exact figure, then how the form prints it
// when that differs: "89.5%, printed as 90%", "94.78, printed as 95".
func exactThenPrinted(exact *big.Rat, printed Fixed, places int, unit string) Text {
	e, p := exactString(exact)+unit, printed.Format(places)+unit
	if e == p {
		return T("%s", e)
	}
	return T("%s, printed as %s", e, p)
}

// exactString writes a rational in decimals: exactly when four decimals
// hold it (89.5, 90.1), else cut after the fourth with an ellipsis
// (90.0983…), so the message never claims a rounded figure is exact.
func exactString(r *big.Rat) string {
	const places = 4
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(places), nil)
	n := new(big.Int).Mul(r.Num(), scale)
	q, m := new(big.Int).QuoRem(n, r.Denom(), new(big.Int))
	sign := ""
	if q.Sign() < 0 || (q.Sign() == 0 && m.Sign() < 0) {
		sign = "-"
		q.Neg(q)
	}
	digits := fmt.Sprintf("%0*s", places+1, q.String())
	whole, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	if m.Sign() != 0 {
		return sign + whole + "." + frac + "…"
	}
	if frac = strings.TrimRight(frac, "0"); frac == "" {
		return sign + whole
	}
	return sign + whole + "." + frac
}

// allScored tells whether every 三级指标 has its 得分, and every list of
// indicators could be read.
func allScored(r *Report) bool {
	for path := range r.failed {
		switch genericPath(path) {
		case "indicators", "indicators.groups", "indicators.groups.items":
			return false
		}
	}
	for _, ind := range r.Indicators {
		for _, g := range ind.Groups {
			for _, it := range g.Items {
				if !it.Score.Set {
					return false
				}
			}
		}
	}
	return true
}
