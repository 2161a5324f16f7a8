package jixiao

import (
	"slices"
)

// Rules is what the official form fixes for scoring: the total, how figures
// are rounded for display, the bands for qualitative indicators and the
// grades. The form's template file carries them (its [rules] table), so an
// office with a different local form edits data, not code.
type Rules struct {
	TotalPoints   int     `toml:"total_points"`   // 预算执行率 分值 + all 一级 分值
	RateDecimals  int     `toml:"rate_decimals"`  // decimals of 执行率 as printed: 0 → "90%"
	ScoreDecimals int     `toml:"score_decimals"` // decimals of 预算执行得分 and 总分 as printed
	Rounding      string  `toml:"rounding"`       // RoundPrinted (the default) or RoundExact
	Bands         Bands   `toml:"bands"`
	Grades        []Grade `toml:"grades"`

	// ExecWeight is the 分值 of 执行率 the form fixes; 0 leaves it to the data.
	ExecWeight int `toml:"exec_weight"`
	// LevelWeights fixes the 分值 of 一级指标 by name; those not named are free.
	LevelWeights map[string]int `toml:"level_weights"`
	// Negative is how a negative (≤) indicator scores above its target:
	// NegativeLinear (the default) or NegativeRatio.
	Negative string `toml:"negative"`
}

// The formulas for negative indicators above their target.
const (
	// NegativeLinear falls linearly to 0 at twice the target (the 一体化
	// system's rule).
	NegativeLinear = "linear"
	// NegativeRatio gives 分值 × target ÷ actual, as several provinces print.
	NegativeRatio = "ratio"
)

// The values of Rules.Rounding: how the computed figures are rounded
// before they are added up and graded.
const (
	// RoundPrinted rounds 预算执行得分 as the form prints it (score_decimals)
	// before adding it to the 三级指标 得分, and grades the printed 总分: the
	// seed's arithmetic, 9 (for 9.01) + 89 = 98. It is the default.
	RoundPrinted = "printed"
	// RoundExact keeps every figure to two decimals, prints them so, and
	// grades the exact 总分: 9.01 + 89 = 98.01.
	RoundExact = "exact"
)

// exact tells whether the rules keep two decimals everywhere.
func (r Rules) exact() bool { return r.Rounding == RoundExact }

// ratePlaces and scorePlaces are the decimals the figures are rounded to.
func (r Rules) ratePlaces() int {
	if r.exact() {
		return 2
	}
	return r.RateDecimals
}

func (r Rules) scorePlaces() int {
	if r.exact() {
		return 2
	}
	return r.ScoreDecimals
}

// Bands bounds the 得分 of a qualitative indicator, in percent of its 分值:
// 达成 [Achieved, 100], 部分达成 [Partial, Achieved), 未达成 [0, Partial).
type Bands struct {
	Achieved int `toml:"achieved"`
	Partial  int `toml:"partial"`
}

// Grade is a grade (等级) and the lowest 总分 that earns it.
type Grade struct {
	Name string `toml:"name"`
	Min  int    `toml:"min"`
}

// Check reports rules that cannot work.
func (r Rules) Check() error {
	switch {
	case r.TotalPoints <= 0:
		return Errorf("bad-rules", "total_points is %d; expected more than 0", r.TotalPoints)
	case r.RateDecimals < 0 || r.RateDecimals > 2:
		return Errorf("bad-rules", "rate_decimals is %d; expected 0, 1 or 2", r.RateDecimals)
	case r.ScoreDecimals < 0 || r.ScoreDecimals > 2:
		return Errorf("bad-rules", "score_decimals is %d; expected 0, 1 or 2", r.ScoreDecimals)
	case r.Rounding != "" && r.Rounding != RoundPrinted && r.Rounding != RoundExact:
		return Errorf("bad-rules", "rounding is %q; expected %q or %q", r.Rounding, RoundPrinted, RoundExact)
	case r.exact() && (r.RateDecimals != 2 || r.ScoreDecimals != 2):
		return Errorf("bad-rules", "rounding = %q keeps and prints two decimals; set rate_decimals and score_decimals to 2 (they are %d and %d)",
			RoundExact, r.RateDecimals, r.ScoreDecimals)
	case !(0 <= r.Bands.Partial && r.Bands.Partial <= r.Bands.Achieved && r.Bands.Achieved <= 100):
		return Errorf("bad-rules", "bands: expected 0 ≤ partial (%d) ≤ achieved (%d) ≤ 100", r.Bands.Partial, r.Bands.Achieved)
	case len(r.Grades) == 0:
		return Errorf("bad-rules", "grades: none given")
	case r.ExecWeight < 0 || r.ExecWeight > r.TotalPoints:
		return Errorf("bad-rules", "exec_weight is %d; expected 0 (free) to total_points", r.ExecWeight)
	case r.Negative != "" && r.Negative != NegativeLinear && r.Negative != NegativeRatio:
		return Errorf("bad-rules", "negative is %q; expected %q or %q", r.Negative, NegativeLinear, NegativeRatio)
	}
	for name, w := range r.LevelWeights {
		if w < 0 || w > r.TotalPoints {
			return Errorf("bad-rules", "level_weights: %s is %d; expected 0 to total_points", name, w)
		}
	}
	return nil
}

// GradeOf returns the grade of a 总分, or "" when the rules have no grades.
func (r Rules) GradeOf(total Fixed) string {
	if len(r.Grades) == 0 {
		return ""
	}
	grades := slices.Clone(r.Grades)
	slices.SortFunc(grades, func(a, b Grade) int { return b.Min - a.Min })
	for _, g := range grades {
		if total >= FixedFromInt(int64(g.Min)) {
			return g.Name
		}
	}
	return grades[len(grades)-1].Name
}
