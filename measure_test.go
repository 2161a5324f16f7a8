package jixiao

import (
	"math/big"
	"strings"
	"testing"
)

func TestParseMeasure(t *testing.T) {
	for _, c := range []struct {
		in    string
		ok    bool
		op    string
		value string // a fraction, as big.Rat prints it
		unit  string
	}{
		{"≥90%", true, ">=", "90/1", "%"},
		{"≤100%", true, "<=", "100/1", "%"},
		{"<100%", true, "<", "100/1", "%"},
		{">0", true, ">", "0/1", ""},
		{"100%", true, "=", "100/1", "%"},
		{"96.8%", true, "=", "484/5", "%"},
		{"30个", true, "=", "30/1", "个"},
		{"5.5万元", true, "=", "11/2", "万元"},
		{"1,000万元", true, "=", "1000/1", "万元"},
		{"≥90％", true, ">=", "90/1", "%"}, // full-width ％
		{" ≥ 90 % ", true, ">=", "90/1", "%"},
		{">=90%", true, ">=", "90/1", "%"},
		{"≧90%", true, ">=", "90/1", "%"},
		{"＞＝90%", true, ">=", "90/1", "%"},
		{"不低于95%", true, ">=", "95/1", "%"},
		{"不少于30个", true, ">=", "30/1", "个"},
		{"不超过5%", true, "<=", "5/1", "%"},
		{"＜5%", true, "<", "5/1", "%"},
		{"=100%", true, "=", "100/1", "%"},
		{"＝100%", true, "=", "100/1", "%"},
		{"0起", true, "=", "0/1", "起"},
		{"12345678901234567890", true, "=", "12345678901234567890/1", ""},
		{"≥全省平均水平", false, "", "", ""},
		{"2020年底前完成", false, "", "", ""}, // a date, not 2020 of a long unit
		{"按期完成", false, "", "", ""},
		{"", false, "", "", ""},
		{"%", false, "", "", ""},
		{"≥", false, "", "", ""},
		{".5%", false, "", "", ""},
		{"5.%", false, "", "", ""},
		{"1.2.3", false, "", "", ""},
		// Full-width figures, as Chinese input methods type them.
		{"１００％", true, "=", "100/1", "%"},
		{"８５．５％", true, "=", "171/2", "%"},
		{"≧９０％", true, ">=", "90/1", "%"},
		{"≦５％", true, "<=", "5/1", "%"},
		{"⩾90%", true, ">=", "90/1", "%"},
		{"═100%", true, "=", "100/1", "%"},
		{"＜＝５％", true, "<=", "5/1", "%"},
		{"﹥5﹪", true, ">", "5/1", "%"},
		{"≥　90　％", true, ">=", "90/1", "%"}, // ideographic spaces
		{"１００ｋｍ", true, "=", "100/1", "km"},
		{"３０元／亩", true, "=", "30/1", "元/亩"},
		{"３，５个", false, "", "", ""},       // ，is Chinese punctuation, not a separator
		{"100㎡", true, "=", "100/1", "㎡"}, // NFKC would make the unit m2
		{"①", false, "", "", ""},          // nor is ① the number 1
		{"-5%", false, "", "", ""},
		{"5%至10%", false, "", "", ""},                // a range
		{strings.Repeat("9", 31), false, "", "", ""}, // too many digits to be a target
	} {
		t.Run(c.in, func(t *testing.T) {
			m, ok := ParseMeasure(c.in)
			if ok != c.ok {
				t.Fatalf("ParseMeasure(%q) ok = %v; want %v", c.in, ok, c.ok)
			}
			if !ok {
				return
			}
			if m.Op != c.op || m.Value.String() != c.value || m.Unit != c.unit {
				t.Errorf("ParseMeasure(%q) = %q %v %q; want %q %s %q", c.in, m.Op, m.Value, m.Unit, c.op, c.value, c.unit)
			}
		})
	}
}

func TestMeasureDirection(t *testing.T) {
	for in, want := range map[string]Direction{"≥90%": Positive, ">90%": Positive, "≤90%": Negative, "<90%": Negative, "90%": Equal} {
		m, _ := ParseMeasure(in)
		if m.Direction() != want {
			t.Errorf("%s: Direction() = %v; want %v", in, m.Direction(), want)
		}
	}
	for in, want := range map[string]string{">=90%": "≥", "<=1": "≤", ">1": ">", "<1": "<", "1": ""} {
		m, _ := ParseMeasure(in)
		if m.Symbol() != want {
			t.Errorf("%s: Symbol() = %q; want %q", in, m.Symbol(), want)
		}
	}
}

// TestScoreItem applies the official rules with w = 分值, t = 年度指标值,
// a = 实际完成值, to exact points.
func TestScoreItem(t *testing.T) {
	for _, c := range []struct {
		name           string
		target, actual string
		weight         Fixed
		kind           string
		quantitative   bool
		want           Fixed
	}{
		{"positive reached", "≥90%", "97%", 200, "", true, 200},
		{"positive exactly", "≥90%", "90%", 200, "", true, 200},
		{"positive missed", "≥90%", "45%", 200, "", true, 100},
		{"positive thirds", "≥90%", "30%", 100, "", true, 33},     // 1/3 → 0.33
		{"positive two thirds", "≥90%", "60%", 100, "", true, 67}, // 2/3 → 0.67
		{"positive half cent up", ">80", "1", 100, "", true, 1},   // 1/80 → 0.0125 → 0.01
		{"positive half cent", ">200", "1", 100, "", true, 1},     // 0.005 → 0.01, away from zero
		{"positive below half cent", ">201", "1", 100, "", true, 0},
		{"positive target 0", "≥0", "0", 300, "", true, 300},
		{"positive actual 0", "≥10个", "0个", 300, "", true, 0},
		{"negative kept", "≤100%", "96.8%", 300, "", true, 300},
		{"negative exactly", "≤100%", "100%", 300, "", true, 300},
		{"negative overrun", "≤100%", "125%", 400, "", true, 300},
		{"negative overrun thirds", "<3", "4", 100, "", true, 67}, // (1 − 1/3) → 0.67
		{"negative at twice", "<50%", "100%", 400, "", true, 0},
		{"negative above twice", "<50%", "300%", 400, "", true, 0},
		{"negative target 0 hit", "≤0", "0", 400, "", true, 400},
		{"negative target 0 missed", "≤0", "1", 400, "", true, 0},
		{"equal hit", "100%", "100%", 300, "", true, 300},
		{"equal below", "100%", "96.8%", 300, "", true, 290}, // 2.904 → 2.90
		{"equal above", "100%", "120%", 300, "", true, 300},
		{"equal zero hit", "0起", "0起", 300, "", true, 300},
		{"equal zero missed", "0起", "2起", 300, "", true, 0},
		{"units differ", "≥90%", "95分", 300, "", false, 0},
		{"operator in actual", "≥90%", "≥95%", 300, "", false, 0},
		{"text", "≥全省平均水平", "≥全省平均水平", 300, "", false, 0},
		{"kind 定性 on numbers", "≥90%", "45%", 200, KindQualitative, false, 0},
		{"kind 定量 with an operator in actual", "≥90%", "≥45%", 200, KindQuantitative, true, 100},
		{"kind 定量 on text", "按期完成", "完成", 200, KindQuantitative, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := scoreItem(Item{Target: c.target, Actual: c.actual, Weight: NewFigure(c.weight), Kind: c.kind}, "")
			if sc.Quantitative != c.quantitative || sc.Computed != c.want {
				t.Errorf("scoreItem(%s, %s, w=%s) = %v, %s; want %v, %s", c.target, c.actual, c.weight, sc.Quantitative, sc.Computed, c.quantitative, c.want)
			}
		})
	}
}

func TestScoreWithoutBudget(t *testing.T) {
	funds := func(budget, executed, weight Fixed) *Report {
		return &Report{Form: form2020, Values: map[string]Figure{
			"funds.annual_budget": NewFigure(budget), "funds.executed": NewFigure(executed), "funds.weight": NewFigure(weight)}}
	}
	s := Score(funds(0, 0, 1000))
	if s.Rate != nil || s.ExecScore != 0 || s.Total != 0 || s.Grade != "差" {
		t.Errorf("Score with a budget of 0: rate %v, exec %s, total %s, grade %q", s.Rate, s.ExecScore, s.Total, s.Grade)
	}
	s = Score(funds(100, 150, 1000))
	if s.Rate.Cmp(big.NewRat(3, 2)) != 0 || s.RateShown != 15000 || s.ExecScore != 1000 {
		t.Errorf("Score over budget: rate %v, shown %s, exec %s", s.Rate, s.RateShown, s.ExecScore)
	}
	if s := Score(&Report{Form: &Form{}}); s.Grade != "" {
		t.Errorf("Score without grades: grade %q", s.Grade)
	}
}

func TestGradeOf(t *testing.T) {
	for _, c := range []struct {
		total Fixed
		want  string
	}{
		{10000, "优"}, {9000, "优"}, {8999, "良"}, {8000, "良"}, {7999, "中"},
		{6000, "中"}, {5999, "差"}, {0, "差"}, {-100, "差"}, {10100, "优"},
	} {
		if got := rules2020.GradeOf(c.total); got != c.want {
			t.Errorf("GradeOf(%s) = %s; want %s", c.total, got, c.want)
		}
	}
	// The order of the grades in the template does not matter, and a total
	// below every grade gets the lowest.
	r := Rules{Grades: []Grade{{"中", 60}, {"优", 90}, {"良", 80}}}
	for total, want := range map[Fixed]string{9000: "优", 8999: "良", 6000: "中", 5999: "中"} {
		if got := r.GradeOf(total); got != want {
			t.Errorf("unsorted GradeOf(%s) = %s; want %s", total, got, want)
		}
	}
	if got := (Rules{}).GradeOf(9000); got != "" {
		t.Errorf("GradeOf without grades = %q; want \"\"", got)
	}
}

func TestRulesCheck(t *testing.T) {
	if err := rules2020.Check(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		edit func(*Rules)
		want string
	}{
		{func(r *Rules) { r.TotalPoints = 0 }, "total_points is 0; expected more than 0"},
		{func(r *Rules) { r.RateDecimals = 3 }, "rate_decimals is 3; expected 0, 1 or 2"},
		{func(r *Rules) { r.ScoreDecimals = -1 }, "score_decimals is -1; expected 0, 1 or 2"},
		{func(r *Rules) { r.Bands.Partial = 90 }, "bands: expected 0 ≤ partial (90) ≤ achieved (80) ≤ 100"},
		{func(r *Rules) { r.Bands.Achieved = 101 }, "bands: expected 0 ≤ partial (60) ≤ achieved (101) ≤ 100"},
		{func(r *Rules) { r.Grades = nil }, "grades: none given"},
		{func(r *Rules) { r.Rounding = "floor" }, `rounding is "floor"; expected "printed" or "exact"`},
		{func(r *Rules) { r.Rounding = RoundExact }, `rounding = "exact" keeps and prints two decimals; set rate_decimals and score_decimals to 2 (they are 0 and 0)`},
		{func(r *Rules) { r.Rounding, r.RateDecimals = RoundExact, 2 }, `rounding = "exact" keeps and prints two decimals; set rate_decimals and score_decimals to 2 (they are 2 and 0)`},
	} {
		r := rules2020
		c.edit(&r)
		if err := r.Check(); err == nil || err.Error() != c.want {
			t.Errorf("Check() = %v; want %s", err, c.want)
		}
	}
}
