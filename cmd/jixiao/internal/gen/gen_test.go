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
	rules := render.DefaultTemplate().Rules
	longest := 0
	names := map[string]bool{}
	for n := range 200 {
		src := Form(1, n)
		s, problems := jixiao.Check(Name(1, n)+".toml", []byte(src), rules)
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
		longest = max(longest, len([]rune(s.Goals.Expected)), len([]rune(s.Goals.Achieved)))
		names[s.Department] = true
		if want := fmt.Sprintf("%04d-%s", n, s.Department); Name(1, n) != want {
			t.Errorf("form %d is named %s but holds %s", n, Name(1, n), s.Department)
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
