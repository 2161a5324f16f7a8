package jixiao

import (
	"testing"

	"github.com/BurntSushi/toml"

	"jixiao/templates"
)

// TestTemplateRules keeps rules2020 equal to the [rules] of the built-in
// template, so that these tests check what `jixiao check` does.
func TestTemplateRules(t *testing.T) {
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	var tpl struct {
		Rules Rules `toml:"rules"`
	}
	if _, err := toml.Decode(string(data), &tpl); err != nil {
		t.Fatal(err)
	}
	if err := tpl.Rules.Check(); err != nil {
		t.Fatalf("template rules: %v", err)
	}
	got, want := tpl.Rules, rules2020
	if got.TotalPoints != want.TotalPoints || got.RateDecimals != want.RateDecimals ||
		got.ScoreDecimals != want.ScoreDecimals || got.Rounding != want.Rounding || got.Bands != want.Bands || len(got.Grades) != len(want.Grades) {
		t.Fatalf("template rules %+v; tests use %+v", got, want)
	}
	for i := range got.Grades {
		if got.Grades[i] != want.Grades[i] {
			t.Fatalf("template grade %d is %+v; tests use %+v", i, got.Grades[i], want.Grades[i])
		}
	}
}

func TestSampleChecksClean(t *testing.T) {
	for _, path := range []string{"samples/yiyang-2020.toml", yiyangFile, minimalFile} {
		t.Run(path, func(t *testing.T) {
			data := []byte(readFile(t, path))
			s, problems := Check(path, data, form2020)
			if len(problems) > 0 {
				t.Fatalf("problems in %s:\n%v", path, problems)
			}
			if s == nil {
				t.Fatal("not scored")
			}
		})
	}
}

// TestSampleScores checks the seed's figures: 执行率 90%, 预算执行得分 9,
// 产出 49, 效益 30, 满意度 10, 总分 98, 优.
func TestSampleScores(t *testing.T) {
	data := []byte(readFile(t, "samples/yiyang-2020.toml"))
	s, _ := Check("yiyang-2020.toml", data, form2020)
	if s.Rate == nil || s.Rate.Cmp(bigRat(645748, 716712)) != 0 {
		t.Errorf("Rate = %v; want 6457.48/7167.12", s.Rate)
	}
	check := func(what string, got Fixed, want string) {
		t.Helper()
		if got.String() != want {
			t.Errorf("%s = %s; want %s", what, got, want)
		}
	}
	check("RateShown", s.RateShown, "90")
	check("ExecScore", s.ExecScore, "9")
	check("Total", s.Total, "98")
	wantInd := []string{"49", "30", "10"}
	for i, is := range s.Indicators {
		check(s.Report.Indicators[i].Name, is.Score, wantInd[i])
	}
	wantGroups := [][]string{{"10", "20", "9", "10"}, {"10", "10", "10"}, {"5", "5"}}
	for i, is := range s.Indicators {
		for j, gs := range is.Groups {
			check(s.Report.Indicators[i].Groups[j].Name, gs.Score, wantGroups[i][j])
		}
	}
	if s.Grade != "优" {
		t.Errorf("Grade = %q; want 优", s.Grade)
	}
	if n := s.Deductions(); n != 1 {
		t.Errorf("Deductions = %d; want 1", n)
	}
	// Figures keep the file's spelling.
	in := func(key string) Figure { return s.Report.Value("funds.income." + key) }
	for _, c := range []struct{ got, want string }{
		{in("general_budget").Text, "6341.72"}, {in("government_fund").Text, "735"}, {in("other").Text, "90.40"},
		{s.Report.Value("funds.execution_rate").Text, "90%"},
	} {
		if c.got != c.want {
			t.Errorf("text %q; want %q", c.got, c.want)
		}
	}
	if in("special_account").Set {
		t.Error("special_account is commented out, but Set")
	}
}

// TestValidateMatchesCheck: Validate on a decoded report finds what Check
// adds to Decode's problems.
func TestValidateMatchesCheck(t *testing.T) {
	src := edit(t, readFile(t, minimalFile), "total_score = 100", "total_score = 99", "year = 2020", "year = 1999")
	r, decodeProblems := Decode("f.toml", []byte(src), form2020)
	if len(decodeProblems) != 0 {
		t.Fatalf("decode problems: %v", decodeProblems)
	}
	got := Validate("f.toml", r)
	got.Sort()
	_, want := Check("f.toml", []byte(src), form2020)
	if len(got) != 2 || len(want) != 2 || got[0].String() != want[0].String() || got[1].String() != want[1].String() {
		t.Errorf("Validate: %v\nCheck: %v", got, want)
	}
}

func TestCheckUnreadable(t *testing.T) {
	s, problems := Check("f.toml", []byte("a = "), form2020)
	if s != nil {
		t.Error("a file that is not TOML was scored")
	}
	if len(problems) != 1 || problems.Errors() != 1 {
		t.Errorf("problems = %v", problems)
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.toml", Pos: Pos{3, 7}, Severity: Error, Path: "year", Label: "年度", Message: "m"}, "a.toml:3:7: error: year (年度): m"},
		{Problem{File: "a.toml", Pos: Pos{3, 7}, Severity: Warning, Path: "x", Message: "m"}, "a.toml:3:7: warning: x: m"},
		{Problem{File: "a.toml", Severity: Error, Message: "m"}, "a.toml:1:1: error: m"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() = %q; want %q", got, c.want)
		}
	}
	ps := Problems{{Pos: Pos{2, 1}, Severity: Warning}, {Pos: Pos{1, 5}, Severity: Error}, {Pos: Pos{1, 2}, Severity: Error, Message: "a"}, {Pos: Pos{1, 2}, Severity: Error, Message: "b"}}
	ps.Sort()
	if ps[0].Message != "a" || ps[1].Message != "b" || ps[2].Pos.Col != 5 || ps[3].Pos.Line != 2 {
		t.Errorf("Sort: %v", ps)
	}
	if ps.Errors() != 3 || ps.Warnings() != 1 {
		t.Errorf("Errors, Warnings = %d, %d", ps.Errors(), ps.Warnings())
	}
}
