package jixiao

import (
	"slices"
	"strings"
	"testing"
)

// TestDeclaredExactFigures: a declared figure that is the exact one, or the
// one the form prints, is right; a wrong one is shown the exact arithmetic
// and then the printed figure.
func TestDeclaredExactFigures(t *testing.T) {
	// 179 ÷ 200 = 89.5%, printed 90%; 10 × 89.5% = 8.95, printed 9.
	funds := func(rate, score, total string) []string {
		return []string{
			"annual_budget = 100", "annual_budget = 200",
			"executed = 100", "executed = 179",
			"general_budget = 100", "general_budget = 200",
			"basic = 100", "basic = 179",
			`execution_rate = "100%"`, `execution_rate = "` + rate + `"`,
			"score = 10\n", "score = " + score + "\n",
			"total_score = 100", "total_score = " + total,
		}
	}
	// 预算执行得分 9 (for 9.0) and the 三级指标 得分 85.78: 总分 94.78, printed 95.
	total := func(declared string) []string {
		return []string{
			"executed = 100", "executed = 90", "basic = 100", "basic = 90",
			`execution_rate = "100%"`, `execution_rate = "90%"`, "score = 10\n", "score = 9\n",
			"total_score = 100", "total_score = " + declared,
			`target = "≥90%"`, `target = "按期完成"`, `actual = "95%"`, `actual = "基本完成"`,
			"weight = 90\nscore = 90", "weight = 90\nscore = 85.78" + why,
		}
	}
	runCases(t, []ruleCase{
		{name: "exact 执行率", edits: funds("89.5%", "9", "99")},
		{name: "exact 执行率 with a trailing zero", edits: funds("89.50%", "9", "99")},
		{name: "printed 执行率", edits: funds("90%", "9", "99")},
		{name: "exact 预算执行得分", edits: funds("89.5%", "8.95", "99")},
		{
			name:  "执行率 neither exact nor printed",
			edits: funds("89.4%", "9", "99"),
			want:  []string{"f.toml:9:18: error: funds.execution_rate (执行率): 89.4%, but 全年执行数 179 ÷ 全年预算数 200 = 89.5%, printed as 90%"},
		},
		{
			name:  "预算执行得分 neither exact nor printed",
			edits: funds("89.5%", "8.9", "99"),
			want:  []string{"f.toml:10:9: error: funds.score (得分): 8.9, but 分值 10 × 执行率 89.5% = 8.95, printed as 9"},
		},
		{name: "exact 总分", edits: total("94.78")},
		{name: "printed 总分", edits: total("95")},
		{
			name:  "总分 neither exact nor printed",
			edits: total("94"),
			want:  []string{"f.toml:3:15: error: total_score (总分): 94, but 预算执行得分 9 + the 三级指标 得分 85.78 = 94.78, printed as 95"},
		},
	})
}

var rulesExact = func() Rules {
	r := rules2020
	r.Rounding, r.RateDecimals, r.ScoreDecimals = RoundExact, 2, 2
	return r
}()

// TestRoundingPolicy: rounding = "printed" rounds 预算执行得分 as printed
// before adding it and grades the printed 总分; "exact" keeps two decimals
// and grades the exact 总分. Both give the exact figures as well.
func TestRoundingPolicy(t *testing.T) {
	type figures struct{ rate, exec, total, grade string }
	for _, c := range []struct {
		name    string
		base    string
		edits   []string
		printed figures // under rounding = "printed"
		exact   figures // under rounding = "exact", and Exact under both (but the grade)
	}{
		{
			name:    "the seed",
			base:    "samples/yiyang-2020.toml",
			printed: figures{"90", "9", "98", "优"},
			exact:   figures{"90.1", "9.01", "98.01", "优"},
		},
		{
			// 95.18% of 10 is 9.518: 10 of 10 when printed first.
			name: "95.18% execution",
			base: minimalFile,
			edits: []string{"executed = 100", "executed = 95.18", "basic = 100", "basic = 95.18",
				`execution_rate = "100%"`, `execution_rate = "95.18%"`},
			printed: figures{"95", "10", "100", "优"},
			exact:   figures{"95.18", "9.52", "99.52", "优"},
		},
		{
			// 总分 89.5 is printed 90, 优; exactly it is 良.
			name: "an exact 89.5",
			base: minimalFile,
			edits: []string{"total_score = 100", "total_score = 89.5",
				`target = "≥90%"`, `target = "按期完成"`, `actual = "95%"`, `actual = "基本完成"`,
				"weight = 90\nscore = 90", "weight = 90\nscore = 79.5" + why},
			printed: figures{"100", "10", "90", "优"},
			exact:   figures{"100", "10", "89.5", "良"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := edit(t, readFile(t, c.base), c.edits...)
			for _, p := range []struct {
				rules         Rules
				shown, exact  figures
				declaredRight bool // the file declares the printed figures
			}{
				{rules2020, c.printed, c.exact, true},
				{rulesExact, c.exact, c.exact, false},
			} {
				s, problems := Check("f.toml", []byte(src), formWith(p.rules))
				if p.declaredRight && len(problems) > 0 {
					t.Fatalf("rounding %q: %v", p.rules.Rounding, problems)
				}
				got := figures{s.RateShown.String(), s.ExecScore.String(), s.Total.String(), s.Grade}
				if got != p.shown {
					t.Errorf("rounding %q: printed %+v; want %+v", p.rules.Rounding, got, p.shown)
				}
				got = figures{s.Exact.RatePercent.String(), s.Exact.ExecScore.String(), s.Exact.Total.String(), ""}
				if want := (figures{p.exact.rate, p.exact.exec, p.exact.total, ""}); got != want {
					t.Errorf("rounding %q: exact %+v; want %+v", p.rules.Rounding, got, p.exact)
				}
			}
		})
	}
}

// TestRoundingExactDeclared: under rounding = "exact" the seed's declared
// 90%, 9 and 98 are the printed figures of the other policy, and wrong.
func TestRoundingExactDeclared(t *testing.T) {
	if err := rulesExact.Check(); err != nil {
		t.Fatal(err)
	}
	_, problems := Check("f.toml", []byte(readFile(t, yiyangFile)), formWith(rulesExact))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"f.toml:7:15: error: total_score (总分): 98, but 预算执行得分 9.01 + the 三级指标 得分 89 = 98.01",
		"f.toml:14:18: error: funds.execution_rate (执行率): 90%, but 全年执行数 6457.48 ÷ 全年预算数 7167.12 = 90.0986…%, printed as 90.10%",
		"f.toml:15:9: error: funds.score (得分): 9, but 分值 10 × 执行率 90.0986…% = 9.0098…, printed as 9.01",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
