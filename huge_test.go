package jixiao

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hugeLimit fails a huge input that takes longer; the goal is well under a
// second, the margin is for loaded machines (and the race detector).
const hugeLimit = 3 * time.Second * raceSlowdown

// formHead is a valid form up to its first [[indicators.groups]], under
// which a case adds its 三级指标.
const formHead = "year = 2020\ndepartment = \"测试局\"\n[funds]\nannual_budget = 100\nexecuted = 100\nweight = 10\n" +
	"[funds.income]\nother = 100\n[funds.spending]\nbasic = 100\n[goals]\nexpected = \"目标\"\nachieved = \"完成\"\n" +
	"[[indicators]]\nname = \"产出指标\"\nweight = 90\n[[indicators.groups]]\nname = \"数量指标\"\nweight = 90\n"

// TestHugeInputs: inputs built to be slow or to break things are refused
// or checked in well under a second, without a panic.
func TestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("huge inputs take a few seconds to build")
	}
	items := func(n int, item string) string {
		var b strings.Builder
		b.WriteString(formHead)
		for i := range n {
			fmt.Fprintf(&b, item, i)
		}
		return b.String()
	}
	for _, c := range []struct {
		name  string
		data  func() string
		want  string // a problem that must be among those found
		count int    // the number of problems
	}{
		{
			name:  "10 MB",
			data:  func() string { return strings.Repeat(readFile(t, yiyangFile), 10<<20/len(readFile(t, yiyangFile))+1) },
			want:  "f.toml:1:1: error: the file is 10.0 MB; a form is at most 4 MB",
			count: 1,
		},
		{
			name: "10,000 三级指标 over their 分值",
			data: func() string {
				return items(10_000, "[[indicators.groups.items]]\nname = \"指标%d\"\ntarget = \"完成\"\nactual = \"完成\"\nweight = 0.01\nscore = 0.02\n")
			},
			// 10,000 and the 二级 分值, which is not the sum of its 三级:
			// the first MaxProblems, then a count of the rest. formHead has
			// 19 lines; each item 6, its score on the 6th.
			want:  fmt.Sprintf("f.toml:%d:9: error: … and 9001 more problems not shown; fix these first", 19+6*999),
			count: MaxProblems + 1,
		},
		{
			name: "10,000 三级指标 adding up to the wrong 分值",
			data: func() string {
				return items(10_000, "[[indicators.groups.items]]\nname = \"指标%d\"\ntarget = \"完成\"\nactual = \"完成\"\nweight = 0.01\nscore = 0.01\n")
			},
			want: "f.toml:19:10: error: indicators[0].groups[0].weight (分值): 90 is not the sum of its 三级指标 分值 " +
				"(0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + 0.01 + … + 0.01 (10000 terms) = 100)",
			count: 1,
		},
		{
			name: "10,000 三级指标 with one name",
			data: func() string {
				return items(10_000, "[[indicators.groups.items]] # %d\nname = \"指标\"\ntarget = \"≥90%%\"\nactual = \"45%%\"\nweight = 0.009\nscore = 0.01\n")
			},
			// 0.009 has 3 decimals, the names repeat: 19,999 problems.
			want:  "… and 18999 more problems not shown",
			count: MaxProblems + 1,
		},
		{
			name:  "10,000 一级指标",
			data:  func() string { return indicatorsN(10_000) },
			want:  "f.toml:6:10: error: funds.weight (分值): 预算执行率 分值 and 一级指标 分值 add up to 10 (10",
			count: 1,
		},
		{name: "arrays nested 100,000 deep", data: func() string { return "x = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) }, want: "f.toml:1:37: error: arrays or tables nested more than 32 deep", count: 1},
		{name: "inline tables nested 100,000 deep", data: func() string { return "x = " + strings.Repeat("{a=", 100_000) + "1" + strings.Repeat("}", 100_000) }, want: "f.toml:1:101: error: arrays or tables nested more than 32 deep", count: 1},
		{name: "a key dotted 1,000,000 deep", data: func() string { return "a" + strings.Repeat(".a", 1_000_000) + " = 1\n" }, want: "f.toml:1:64: error: arrays or tables nested more than 32 deep", count: 1},
		{name: "a header dotted 1,000,000 deep", data: func() string { return "[a" + strings.Repeat(".a", 1_000_000) + "]\n" }, want: "f.toml:1:65: error: arrays or tables nested more than 32 deep", count: 1},
		{
			name: "nesting hidden behind quotes",
			data: func() string {
				return "x = [ \"\"\"\na\"\"b\"\"\", " + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "]\n"
			},
			want:  "f.toml:2:41: error: arrays or tables nested more than 32 deep",
			count: 1,
		},
		{
			name: "an array of 1,000,000 numbers on one line",
			data: func() string {
				return formHead[:strings.Index(formHead, "[funds]")] + "x = [" + strings.Repeat("1,", 1_000_000) + "]\n" + formHead[strings.Index(formHead, "[funds]"):]
			},
			want:  `f.toml:3:5: error: x: unknown key "x"; expected one of [year department total_score funds goals indicators]`,
			count: 2, // and no 三级指标
		},
		{
			name: "numbers of a million digits",
			data: func() string {
				return formHead + "[[indicators.groups.items]]\nname = \"x\"\ntarget = \"≥" + strings.Repeat("7", 1_000_000) + "\"\nactual = \"" + strings.Repeat("3", 1_000_000) + "\"\nweight = 90\nscore = 90\n"
			},
			count: 0, // too many digits for a 定量 target: no rule, no warning
		},
		{
			name:  "a key of 3 MB",
			data:  func() string { return formHead + strings.Repeat("weight", 500_000) + " = 1\n" },
			want:  "f.toml:20:3000004: error: indicators[0].groups[0].weightweightweight",
			count: 2, // and no 三级指标
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.data())
			start := time.Now()
			_, problems := Check("f.toml", data, form2020)
			d := time.Since(start)
			t.Logf("%.1f MB, %d problems, %v", float64(len(data))/(1<<20), len(problems), d)
			if d > hugeLimit {
				t.Errorf("Check took %v", d)
			}
			if len(problems) != c.count {
				t.Errorf("%d problems; want %d", len(problems), c.count)
			}
			if c.want != "" {
				found := false
				for _, p := range problems {
					if strings.HasPrefix(p.String(), c.want) || strings.HasPrefix(p.Message, c.want) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("no problem %q among %d, the first: %.300s", c.want, len(problems), first(problems, 3))
				}
			}
		})
	}
}

func first(ps Problems, n int) Problems { return ps[:min(n, len(ps))] }

// indicatorsN is a form of n 一级指标 of 0 points each.
func indicatorsN(n int) string {
	var b strings.Builder
	b.WriteString(strings.Split(formHead, "[[indicators]]")[0])
	for i := range n {
		fmt.Fprintf(&b, "[[indicators]]\nname = \"指标%d\"\nweight = 0\n[[indicators.groups]]\nname = \"g\"\nweight = 0\n"+
			"[[indicators.groups.items]]\nname = \"i\"\ntarget = \"完成\"\nactual = \"完成\"\nweight = 0\nscore = 0\n", i)
	}
	return b.String()
}
