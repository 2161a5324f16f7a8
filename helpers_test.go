package jixiao

import (
	"jixiao/templates"

	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad")

// rules2020 is the [rules] table of templates/fujian2-2020.toml;
// TestTemplateRules keeps the two equal.
var rules2020 = Rules{
	TotalPoints:   100,
	RateDecimals:  0,
	ScoreDecimals: 0,
	Rounding:      RoundPrinted,
	Bands:         Bands{Achieved: 80, Partial: 60},
	Grades:        []Grade{{"优", 90}, {"良", 80}, {"中", 60}, {"差", 0}},
}

// form2020 is the form of templates/fujian2-2020.toml, whose [rules] are
// rules2020.
var form2020 = func() *Form {
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		panic(err)
	}
	f, err := ParseForm(templates.Form2020, data)
	if err != nil {
		panic(err)
	}
	return f
}()

// formWith is the 2020 form with other rules.
func formWith(rules Rules) *Form {
	f := *form2020
	f.Rules = rules
	if err := f.Prepare(); err != nil {
		panic(err)
	}
	return &f
}

// The forms the rule tests start from. testdata/yiyang-2020.toml is a copy
// of samples/yiyang-2020.toml, so that the expected line numbers stay put
// when the sample's comments change; testdata/minimal.toml is the smallest
// form that checks clean, one indicator of each level:
//
//	1 year            6 annual_budget   13 general_budget   23 indicators name
//	2 department      7 executed        16 basic            24 indicators weight
//	3 total_score     8 weight          19 expected         27 group name, 28 weight
//	5 [funds]         9 execution_rate  20 achieved         30 [[items]], 31 name,
//	                 10 score                               32 target, 33 actual,
//	                                                        34 weight, 35 score
const (
	yiyangFile  = "testdata/yiyang-2020.toml"
	minimalFile = "testdata/minimal.toml"
)

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit applies (old, new) replacements to src; each old must occur exactly
// once, so that a case says unambiguously what it changes.
func edit(t testing.TB, src string, pairs ...string) string {
	t.Helper()
	if len(pairs)%2 != 0 {
		t.Fatalf("edit: odd number of arguments")
	}
	for i := 0; i < len(pairs); i += 2 {
		if n := strings.Count(src, pairs[i]); n != 1 {
			t.Fatalf("edit: %q occurs %d times; want once", pairs[i], n)
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// lines returns every problem Check finds, as `jixiao check` prints them.
func lines(name string, data []byte) []string {
	_, problems := Check(name, data, form2020)
	out := make([]string, 0, len(problems))
	for _, p := range problems {
		out = append(out, p.String())
	}
	return out
}

// ruleCase is one table-driven case: a form made from base by edits (or
// given whole as src), and every problem line Check must print for it.
type ruleCase struct {
	name  string
	base  string   // a file of testdata; minimalFile when empty
	edits []string // (old, new) pairs applied to base
	src   string   // the whole file, when there are no edits and no base
	want  []string // the problem lines, in order; none for a clean form
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.src
			if len(c.edits) > 0 || c.base != "" {
				base := c.base
				if base == "" {
					base = minimalFile
				}
				src = edit(t, readFile(t, base), c.edits...)
			}
			got := lines("f.toml", []byte(src))
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
