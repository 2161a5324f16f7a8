package jixiao

import (
	"math/big"
)

// Scored is a report with everything the program computes from it.
type Scored struct {
	*Report
	Rules Rules

	Rate       *big.Rat // 执行率 = 全年执行数 ÷ 全年预算数, exact; nil when it cannot be computed
	RateShown  Fixed    // 执行率 in percent, rounded as the form prints it
	ExecScore  Fixed    // 预算执行得分 = min(执行率, 100%) × 分值, rounded as printed
	Indicators []IndicatorScore
	Items      Fixed  // Σ 三级指标 得分
	Total      Fixed  // 总分 = 预算执行得分 + Σ 三级指标 得分, rounded as printed
	Grade      string // 优, 良, 中, 差, of Total

	// Exact holds the same figures kept to two decimals, rounded once from
	// the exact arithmetic: what rules of rounding = "exact" print.
	Exact ExactFigures
}

// ExactFigures are 执行率, 预算执行得分 and 总分 to two decimals, each
// rounded once from the exact figure.
type ExactFigures struct {
	RatePercent Fixed // 执行率 in percent: 89.5 for 895 ÷ 1000
	ExecScore   Fixed // min(执行率, 100%) × 分值
	Total       Fixed // ExecScore + Σ 三级指标 得分
}

// IndicatorScore is the sum of a 一级指标's 得分.
type IndicatorScore struct {
	Score  Fixed
	Groups []GroupScore
}

// GroupScore is the sum of a 二级指标's 得分.
type GroupScore struct {
	Score Fixed
	Items []ItemScore
}

// ItemScore is what the rules make of a 三级指标.
type ItemScore struct {
	Quantitative bool
	Target       Measure
	Actual       Measure
	Computed     Fixed // the rules' 得分, for quantitative indicators
}

// Deductions counts the 三级指标 whose 得分 is below their 分值.
func (s *Scored) Deductions() int {
	n := 0
	for _, ind := range s.Report.Indicators {
		for _, g := range ind.Groups {
			for _, it := range g.Items {
				if it.Score.Set && it.Weight.Set && it.Score.Value < it.Weight.Value {
					n++
				}
			}
		}
	}
	return n
}

// Score computes 执行率, the subtotals, 总分 and the grade, by the rules of
// the report's form. It never fails: what cannot be computed (a budget of 0)
// is left unset, and Validate says why.
func Score(r *Report) *Scored {
	rules := r.Form.Rules
	s := &Scored{Report: r, Rules: rules}
	budget, _ := r.Role(RoleBudget)
	executed, _ := r.Role(RoleExecuted)
	if budget.Set && executed.Set && budget.Value > 0 {
		s.Rate = big.NewRat(int64(executed.Value), int64(budget.Value))
		pct := s.RatePercent()
		s.RateShown = RoundRat(pct, rules.ratePlaces())
		s.Exact.RatePercent = RoundRat(pct, 2)
		exec := s.ExecScoreExact()
		s.ExecScore = RoundRat(exec, rules.scorePlaces())
		s.Exact.ExecScore = RoundRat(exec, 2)
	}
	for _, ind := range r.Indicators {
		var is IndicatorScore
		for _, g := range ind.Groups {
			var gs GroupScore
			for _, it := range g.Items {
				gs.Items = append(gs.Items, scoreItem(it, rules.Negative))
				gs.Score += it.Score.Value
			}
			is.Groups = append(is.Groups, gs)
			is.Score += gs.Score
		}
		s.Indicators = append(s.Indicators, is)
		s.Items += is.Score
	}
	// Under RoundPrinted the printed 预算执行得分 is added, then the sum is
	// rounded as printed; under RoundExact both keep two decimals.
	s.Total = (s.ExecScore + s.Items).Round(rules.scorePlaces())
	s.Exact.Total = s.Exact.ExecScore + s.Items
	if len(rules.Grades) > 0 {
		s.Grade = rules.GradeOf(s.Total)
	}
	return s
}

// RatePercent is 执行率 in percent, exact; nil when it cannot be computed.
func (s *Scored) RatePercent() *big.Rat {
	if s.Rate == nil {
		return nil
	}
	return new(big.Rat).Mul(s.Rate, big.NewRat(100, 1))
}

// ExecScoreExact is min(执行率, 100%) × 分值, exact; nil when 执行率
// cannot be computed.
func (s *Scored) ExecScoreExact() *big.Rat {
	if s.Rate == nil {
		return nil
	}
	weight, _ := s.Report.Role(RoleExecWeight)
	return new(big.Rat).Mul(s.cappedRate(), weight.Value.Rat())
}

// cappedRate is min(执行率, 100%): spending more than the budget earns no more.
func (s *Scored) cappedRate() *big.Rat {
	if s.Rate.Cmp(big.NewRat(1, 1)) > 0 {
		return big.NewRat(1, 1)
	}
	return s.Rate
}

// scoreItem applies the quantitative rules, with w = 分值, t = 年度指标值,
// a = 实际完成值 (a negative a counts as 0):
//
//	positive (≥, >): a ≥ t → w; else a/t × w
//	negative (≤, <): a ≤ t → w; t < a < 2t → (1 − (a−t)/t) × w; a ≥ 2t → 0
//	    or, with the rules' negative = "ratio": a > t → w × t ÷ a
//	equal (no operator): t = 0 → w if a ≤ 0, else 0; t > 0 → as positive
func scoreItem(it Item, negative string) ItemScore {
	t, okT := ParseMeasure(it.Target)
	a, okA := ParseMeasure(it.Actual)
	quantitative := okT && okA && a.Op == "=" && t.Unit == a.Unit
	switch it.Kind {
	case KindQualitative:
		quantitative = false
	case KindQuantitative:
		quantitative = okT && okA
	}
	if !quantitative {
		return ItemScore{}
	}
	w := it.Weight.Value.Rat()
	tv, av := t.Value, a.Value
	if av.Sign() < 0 {
		av = new(big.Rat)
	}
	var got *big.Rat
	switch dir := t.Direction(); {
	case dir == Equal && tv.Sign() == 0:
		got = new(big.Rat)
		if av.Sign() <= 0 {
			got = w
		}
	case dir == Positive || dir == Equal:
		if av.Cmp(tv) >= 0 || tv.Sign() <= 0 {
			got = w
		} else {
			got = new(big.Rat).Mul(new(big.Rat).Quo(av, tv), w)
		}
	default: // Negative
		twice := new(big.Rat).Add(tv, tv)
		switch {
		case av.Cmp(tv) <= 0:
			got = w
		case negative == NegativeRatio:
			got = new(big.Rat)
			if tv.Sign() > 0 {
				got = new(big.Rat).Mul(w, new(big.Rat).Quo(tv, av))
			}
		case tv.Sign() <= 0 || av.Cmp(twice) >= 0:
			got = new(big.Rat)
		default:
			over := new(big.Rat).Quo(new(big.Rat).Sub(av, tv), tv)
			got = new(big.Rat).Mul(new(big.Rat).Sub(big.NewRat(1, 1), over), w)
		}
	}
	return ItemScore{Quantitative: true, Target: t, Actual: a, Computed: FixedFromRat(got)}
}

// The values of Item.Kind.
const (
	KindQuantitative = "定量"
	KindQualitative  = "定性"
)
