package jixiao

import (
	"fmt"
	"strings"
	"testing"

	"jixiao/templates"
)

// The second built-in form, 项目支出绩效自评表, checked by its own spec: its
// fields, its column-by-column sums and its rules.

const projectFile = "samples/langfang-2019-project.toml"

var formProject = func() *Form {
	data, err := templates.FS.ReadFile(templates.Project2020)
	if err != nil {
		panic(err)
	}
	f, err := ParseForm(templates.Project2020, data)
	if err != nil {
		panic(err)
	}
	return f
}()

func projectLines(t *testing.T, src string) []string {
	t.Helper()
	_, problems := Check("f.toml", []byte(src), formProject)
	var out []string
	for _, p := range problems {
		out = append(out, p.String())
	}
	return out
}

func TestProjectSample(t *testing.T) {
	s, problems := Check(projectFile, []byte(readFile(t, projectFile)), formProject)
	// The real form declares 9 for 43.2 against 37.24, which the rule
	// makes 8.62: a warning, as for any form.
	want := "samples/langfang-2019-project.toml:46:13: warning: indicators[0].groups[0].items[0].score (得分): 9, but the 等于指标 rule gives 8.62 (实际完成值 37.24 against 年度指标值 43.2)"
	if len(problems) != 1 || problems[0].String() != want {
		t.Fatalf("problems: %v\nwant: %s", problems, want)
	}
	if s.RateShown != 8600 || s.ExecScore != 900 || s.Total != 9800 || s.Grade != "优" {
		t.Errorf("rate %s, exec %s, total %s, grade %s; want 86, 9, 98, 优", s.RateShown, s.ExecScore, s.Total, s.Grade)
	}
	if s.Department() != "办公宿舍楼、食堂及餐厅暖通改造经费" || s.Year() != 2019 {
		t.Errorf("department %q, year %d", s.Department(), s.Year())
	}
}

func TestProjectRules(t *testing.T) {
	src := readFile(t, projectFile)
	for _, c := range []struct {
		name  string
		edits []string
		want  []string
	}{
		{"a part does not add up", []string{"[funds.current]                # 其中：当年财政拨款\ninitial_budget = 43.2\nannual_budget = 43.2\nexecuted = 37.24",
			"[funds.current]\ninitial_budget = 43.2\nannual_budget = 43.2\nexecuted = 30"}, []string{
			"f.toml:15:12: error: funds.total.executed (全年执行数): parts add up to 30 (30), not 全年执行数 37.24; they differ by 7.24",
		}},
		{"parts over two tables", []string{"[funds.carryover]              # 上年结转资金: none", "[funds.carryover]\nannual_budget = 1"}, []string{
			"f.toml:14:17: error: funds.total.annual_budget (全年预算数): parts add up to 44.2 (43.2 + 1), not 全年预算数 43.2; they differ by -1",
		}},
		{"missing project name", []string{"project = \"办公宿舍楼、食堂及餐厅暖通改造经费\"\n", ""}, []string{
			`f.toml:1:1: error: project (项目名称): missing; expected a string, e.g. project = "办公宿舍楼、食堂及餐厅暖通改造经费"`,
		}},
		{"执行率 is worth 10", []string{"weight = 10\nexecution_rate", "weight = 20\nexecution_rate"}, []string{
			"f.toml:10:15: error: total_score (总分): 98, but 预算执行得分 17 + the 三级指标 得分 89 = 106",
			"f.toml:16:10: error: funds.total.weight (分值): 20; the form fixes the 分值 of 预算执行率 at 10",
			"f.toml:16:10: error: funds.total.weight (分值): 预算执行率 分值 and 一级指标 分值 add up to 110 (20 + 50 + 30 + 10); the form's total is 100",
			"f.toml:18:9: error: funds.total.score (得分): 9, but 分值 20 × 执行率 86.2037…% = 17.2407…, printed as 17",
		}},
		{"一级 weights free", []string{"name = \"产出指标\"\nweight = 50", "name = \"产出指标\"\nweight = 40", "name = \"效益指标\"\nweight = 30", "name = \"效益指标\"\nweight = 40"}, []string{
			"f.toml:35:10: error: indicators[0].weight (分值): 40 is not the sum of its 二级指标 分值 (10 + 20 + 10 + 10 = 50)",
			"f.toml:91:10: error: indicators[1].weight (分值): 40 is not the sum of its 二级指标 分值 (10 + 10 + 0 + 10 = 30)",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := projectLines(t, edit(t, src, c.edits...))
			var errs []string
			for _, l := range got {
				if !strings.Contains(l, ": warning:") {
					errs = append(errs, l)
				}
			}
			if len(errs) != len(c.want) {
				t.Fatalf("problems:\n%v\nwant:\n%v", errs, c.want)
			}
			for i := range errs {
				if errs[i] != c.want[i] {
					t.Errorf("problem %d:\n got %s\nwant %s", i, errs[i], c.want[i])
				}
			}
		})
	}
}

// TestFormRules: what a form's [rules] fix beyond the total — the 分值 of
// named 一级指标, and the formula for negative indicators.
func TestFormRules(t *testing.T) {
	f := *form2020
	f.Rules.LevelWeights = map[string]int{"产出指标": 80}
	if err := f.Prepare(); err != nil {
		t.Fatal(err)
	}
	_, problems := Check("f.toml", []byte(readFile(t, minimalFile)), &f)
	want := "f.toml:24:10: error: indicators[0].weight (分值): 90; the form fixes the 分值 of 产出指标 at 80"
	if len(problems) != 1 || problems[0].String() != want {
		t.Errorf("level_weights: %v\nwant %s", problems, want)
	}
	// 实际完成值 120 against ≤100, 分值 10: linear 8, ratio 10 × 100 ÷ 120 = 8.33.
	it := Item{Target: "≤100", Actual: "120", Weight: NewFigure(1000)}
	if got := scoreItem(it, NegativeLinear).Computed; got != 800 {
		t.Errorf("linear: %s, want 8", got)
	}
	if got := scoreItem(it, NegativeRatio).Computed; got != 833 {
		t.Errorf("ratio: %s, want 8.33", got)
	}
	if got := scoreItem(Item{Target: "≤100", Actual: "90", Weight: NewFigure(1000)}, NegativeRatio).Computed; got != 1000 {
		t.Errorf("ratio under the target: %s, want 10", got)
	}
	bad := *form2020
	bad.Rules.Negative = "steep"
	if err := bad.Prepare(); err == nil || !strings.Contains(err.Error(), `negative is "steep"`) {
		t.Errorf("negative = steep: %v", err)
	}
}

// TestCheckNamed: the file's form = "…" picks its form; a name the finder
// does not know is one error at that key, and the file is not scored.
func TestCheckNamed(t *testing.T) {
	find := func(name string) (*Form, error) {
		switch name {
		case "":
			return form2020, nil
		case "项目支出-2020":
			return formProject, nil
		}
		return nil, fmt.Errorf("%q is not a form here", name)
	}
	if s, problems := CheckNamed(projectFile, []byte(readFile(t, projectFile)), find); s == nil || s.Report.Form != formProject || problems.Errors() != 0 {
		t.Errorf("the 项目 sample: %v", problems)
	}
	if s, problems := CheckNamed("m.toml", []byte(readFile(t, minimalFile)), find); s == nil || s.Report.Form != form2020 || len(problems) != 0 {
		t.Errorf("a file naming no form: %v", problems)
	}
	s, problems := CheckNamed("f.toml", []byte("year = 2020\nform = \"乙表\"\n"), find)
	want := `f.toml:2:8: error: form (表样): "乙表" is not a form here`
	if s != nil || len(problems) != 1 || problems[0].String() != want {
		t.Errorf("an unknown form: scored %v, %v\nwant %s", s != nil, problems, want)
	}
}
