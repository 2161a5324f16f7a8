package jixiao

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// Money is exact: amounts are integers of 0.01 万元, so sums never drift.

func TestSumOfCentsIsExact(t *testing.T) {
	cent, err := ParseFixed("0.01")
	if err != nil {
		t.Fatal(err)
	}
	parts := make([]Fixed, 1_000_000)
	var float float64
	for i := range parts {
		parts[i] = cent
		float += 0.01
	}
	if got := Sum(parts...); got.Format(2) != "10000.00" {
		t.Errorf("1,000,000 × 0.01 = %s; want 10000.00", got.Format(2))
	}
	if float == 10000 {
		t.Error("the float sum came out right; this test no longer shows anything")
	}
}

func TestSumOfManyAmounts(t *testing.T) {
	// 0.1 + 0.2 style: each amount has a binary expansion that never ends.
	amounts := []string{"477794.10", "821535.51", "458.21", "0.10", "0.20", "6341.72", "90.40", "735"}
	var want int64 = 47779410 + 82153551 + 45821 + 10 + 20 + 634172 + 9040 + 73500
	parsed := make([]Fixed, len(amounts))
	for i, a := range amounts {
		f, err := ParseFixed(a)
		if err != nil {
			t.Fatal(err)
		}
		parsed[i] = f
	}
	var sum Fixed
	for range 10_000 {
		sum += Sum(parsed...)
	}
	if int64(sum) != want*10_000 {
		t.Errorf("sum = %s; want %s", sum, Fixed(want*10_000))
	}
}

// floatTrap is a 全年预算数 and parts whose float64 sum is not the total.
var floatTrap = struct{ total, a, b, c string }{"1299787.82", "477794.10", "821535.51", "458.21"}

func TestFloatTrapIsATrap(t *testing.T) {
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if f(floatTrap.a)+f(floatTrap.b)+f(floatTrap.c) == f(floatTrap.total) {
		t.Fatal("float64 adds these up right; pick other amounts")
	}
}

// moneyForm is minimal.toml with 全年预算数 and 全年执行数 both split into
// the given parts (amounts as TOML numbers).
func moneyForm(t *testing.T, budget, executed string, income, spending [4]string) string {
	src := edit(t, readFile(t, minimalFile),
		"annual_budget = 100", "annual_budget = "+budget,
		"executed = 100", "executed = "+executed,
		"general_budget = 100", fmt.Sprintf("general_budget = %s\ngovernment_fund = %s\nspecial_account = %s\nother = %s", income[0], income[1], income[2], income[3]),
		"basic = 100", fmt.Sprintf("basic = %s\nproject = %s", spending[0], spending[1]),
	)
	// Drop the declared 执行率 and its 得分: only the splits are under test.
	return edit(t, src, "execution_rate = \"100%\"\n", "", "score = 10\n", "", "total_score = 100\n", "")
}

func TestSplitsAreExact(t *testing.T) {
	tr := floatTrap
	for _, c := range []struct {
		name             string
		budget, executed string
		income           [4]string
		spending         [4]string
		want             []string
	}{
		{
			name: "float trap adds up", budget: tr.total, executed: tr.total,
			income: [4]string{tr.a, tr.b, tr.c, "0"}, spending: [4]string{tr.a, "821993.72"},
		},
		{
			name: "0.1 + 0.2 = 0.3", budget: "0.3", executed: "0.3",
			income: [4]string{"0.1", "0.2", "0", "0"}, spending: [4]string{"0.1", "0.2"},
		},
		{
			name: "largest amounts", budget: "99999999999.99", executed: "99999999999.99",
			income: [4]string{"99999999999.98", "0.01", "0", "0"}, spending: [4]string{"0.01", "99999999999.98"},
		},
		{
			name: "one cent short at the largest amount", budget: "99999999999.99", executed: "99999999999.99",
			income: [4]string{"99999999999.98", "0", "0", "0"}, spending: [4]string{"99999999999.98", "0.02"},
			want: []string{
				"f.toml:9:1: error: funds.income (按收入性质分): parts add up to 99999999999.98 (99999999999.98 + 0 + 0 + 0), not 全年预算数 99999999999.99; they differ by 0.01",
				"f.toml:15:1: error: funds.spending (按支出性质分): parts add up to 100000000000 (99999999999.98 + 0.02), not 全年执行数 99999999999.99; they differ by -0.01",
			},
		},
		{
			name: "float trap one cent off", budget: tr.total, executed: tr.total,
			income: [4]string{tr.a, tr.b, "458.22", "0"}, spending: [4]string{tr.a, "821993.71"},
			want: []string{
				"f.toml:9:1: error: funds.income (按收入性质分): parts add up to 1299787.83 (477794.10 + 821535.51 + 458.22 + 0), not 全年预算数 1299787.82; they differ by -0.01",
				"f.toml:15:1: error: funds.spending (按支出性质分): parts add up to 1299787.81 (477794.10 + 821993.71), not 全年执行数 1299787.82; they differ by 0.01",
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := moneyForm(t, c.budget, c.executed, c.income, c.spending)
			got := lines("f.toml", []byte(src))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s\nform:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"), src)
			}
		})
	}
}

// TestManySmallWeights: 10,000 三级指标 of 0.01 points each make a 二级 of
// exactly 100 points, and their 得分 a 总分 of exactly 100.
func TestManySmallWeights(t *testing.T) {
	var b strings.Builder
	b.WriteString("year = 2020\ndepartment = \"测试局\"\ntotal_score = 100\n[funds]\nannual_budget = 1\nexecuted = 0\nweight = 0\n")
	b.WriteString("[funds.income]\nother = 1\n[funds.spending]\nbasic = 0\n[goals]\nexpected = \"目标\"\nachieved = \"完成\"\n")
	b.WriteString("[[indicators]]\nname = \"产出指标\"\nweight = 100\n[[indicators.groups]]\nname = \"数量指标\"\nweight = 100\n")
	for i := range 10_000 {
		fmt.Fprintf(&b, "[[indicators.groups.items]]\nname = \"指标%d\"\ntarget = \"完成\"\nactual = \"完成\"\nweight = 0.01\nscore = 0.01\n", i)
	}
	s, problems := Check("f.toml", []byte(b.String()), form2020)
	if len(problems) > 0 {
		t.Fatalf("%d problems, the first: %v", len(problems), problems[0])
	}
	if s.Total != FixedFromInt(100) || s.Indicators[0].Score != FixedFromInt(100) {
		t.Errorf("Total = %s, 产出 = %s; want 100", s.Total, s.Indicators[0].Score)
	}
}
