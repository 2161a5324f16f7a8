package form

import (
	"slices"
	"testing"
)

func TestExpand(t *testing.T) {
	values := map[string]string{"name": "产出指标", "weight": "50", "empty": "", "funds.income.other": "90.40"}
	get := func(k string) string { return values[k] }
	for _, c := range []struct{ pattern, want string }{
		{"{name}[（{weight}分）]", "产出指标（50分）"},
		{"{name}[（{empty}分）]", "产出指标"},
		{"其他资金：{funds.income.other}", "其他资金：90.40"},
		{"指标{n}：{name}", "指标：产出指标"}, // unknown keys print nothing
		{"no placeholders", "no placeholders"},
		{"an [unclosed {name}", "an [unclosed 产出指标"},
		{"a {brace", "a {brace"},
	} {
		if got := expand(c.pattern, get); got != c.want {
			t.Errorf("expand(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
	if got := placeholders("其中：{a}[（{b}）]{c}"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("placeholders = %q", got)
	}
}
