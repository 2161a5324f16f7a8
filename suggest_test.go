package jixiao

import (
	"strings"
	"testing"
	"time"
)

func TestSuggest(t *testing.T) {
	top := []string{"year", "department", "total_score", "funds", "goals", "indicators"}
	item := []string{"name", "target", "actual", "weight", "score", "deviation", "kind", "band"}
	for _, c := range []struct {
		key        string
		candidates []string
		want       string
	}{
		{"yaer", top, "year"},            // swapped letters
		{"yea", top, "year"},             // one left out
		{"years", top, "year"},           // one added
		{"depatment", top, "department"}, // one left out of a long word
		{"departmnet", top, "department"},
		{"dept", top, ""},
		{"total", top, ""},
		{"indicator", top, "indicators"},
		{"Indicators", top, "indicators"},
		{"socre", item, "score"},
		{"deviaton", item, "deviation"},
		{"weigth", item, "weight"},
		{"remark", item, ""},
		{"名称", item, ""},
		{"", item, ""},
		{"x", nil, ""},
		{strings.Repeat("k", 1000), item, ""},
	} {
		if got := suggest(c.key, c.candidates); got != c.want {
			t.Errorf("suggest(%q) = %q; want %q", c.key, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"year", "year", 0},
		{"yaer", "year", 1}, {"ab", "ba", 1}, {"abc", "ca", 3}, {"kitten", "sitting", 3},
		{"预算部门", "预算部分", 1}, {"年度", "度年", 1},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", c.b, c.a, got, c.want)
		}
	}
}

// TestSuggestLongKey: a key of megabytes is no typo, and costs no time.
func TestSuggestLongKey(t *testing.T) {
	key := strings.Repeat("weight", 500_000)
	start := time.Now()
	if got := suggest(key, []string{"name", "weight"}); got != "" {
		t.Errorf("suggest = %q", got)
	}
	if d := time.Since(start); d > 100*time.Millisecond*raceSlowdown {
		t.Errorf("suggest took %v", d)
	}
}
