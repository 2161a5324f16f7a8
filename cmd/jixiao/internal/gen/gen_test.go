package gen

import (
	"fmt"
	"strings"
	"testing"

	"jixiao"
	"jixiao/render"
)

// TestFormsAreValid checks that generated forms check clean, have 15 to 45
// indicators, and that the texts vary up to very long ones.
func TestFormsAreValid(t *testing.T) {
	form := render.DefaultTemplate().Domain()
	longest := 0
	names := map[string]bool{}
	for n := range 200 {
		src := Form(1, n)
		s, problems := jixiao.Check(Name(1, n)+".toml", []byte(src), form)
		if len(problems) > 0 {
			t.Fatalf("form %d has problems:\n%v\n%s", n, problems, src)
		}
		items := 0
		for _, ind := range s.Report.Indicators {
			for _, g := range ind.Groups {
				items += len(g.Items)
				for _, it := range g.Items {
					longest = max(longest, len([]rune(it.Deviation)))
				}
			}
		}
		if items < 15 || items > 45 {
			t.Errorf("form %d has %d indicators; want 15 to 45", n, items)
		}
		longest = max(longest, len([]rune(s.Report.Text("goals.expected"))), len([]rune(s.Report.Text("goals.achieved"))))
		names[s.Department()] = true
		if want := fmt.Sprintf("%04d-%s", n, s.Department()); Name(1, n) != want {
			t.Errorf("form %d is named %s but holds %s", n, Name(1, n), s.Department())
		}
	}
	if longest < 600 {
		t.Errorf("the longest text is %d characters; want some very long ones", longest)
	}
	if len(names) != 200 {
		t.Errorf("%d distinct departments in 200 forms; a batch should rank none twice", len(names))
	}
	if again := Form(1, 7); again != Form(1, 7) || again == Form(2, 7) {
		t.Error("forms are not a function of (seed, n)")
	}
	if !strings.HasPrefix(Name(1, 42), "0042-") {
		t.Errorf("Name(1, 42) = %q", Name(1, 42))
	}
}

// TestEveryFormMakesValidForms: made-up forms of each built-in form check
// clean by that form's spec, its sums included.
func TestEveryFormMakesValidForms(t *testing.T) {
	for _, tpl := range render.BuiltinForms() {
		for n := range 30 {
			src := FormOf(tpl, 3, n)
			named := func(name string) (*jixiao.Form, error) {
				if name != "" && name != tpl.Form {
					t.Fatalf("%s form %d names the form %q", tpl.Form, n, name)
				}
				return tpl.Domain(), nil
			}
			if _, problems := jixiao.CheckNamed("f.toml", []byte(src), named); len(problems) > 0 {
				t.Fatalf("%s form %d has problems:\n%v\n%s", tpl.Form, n, problems, src)
			}
		}
	}
}
