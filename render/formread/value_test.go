package formread

import (
	"testing"

	"jixiao"
)

func TestFigureText(t *testing.T) {
	for _, tc := range []struct {
		kind   jixiao.Kind
		text   string
		places int
		want   string // "" for an error
	}{
		{jixiao.KindAmount, "1758.1", 2, "1758.10"},
		{jixiao.KindAmount, "6341.7200000000003", 2, "6341.72"},
		{jixiao.KindAmount, "1,758.17", 0, "1758.17"},
		{jixiao.KindAmount, "１７５８．１７", 2, "1758.17"},
		{jixiao.KindAmount, "1758.173", 2, "1758.173"}, // kept: check says it has three decimals
		{jixiao.KindAmount, "-0", 2, "0.00"},
		{jixiao.KindAmount, "约1758", 2, ""},
		{jixiao.KindAmount, "1/2", 2, ""},
		{jixiao.KindPoints, "3", 0, "3"},
		{jixiao.KindPoints, "2.5分", 0, "2.5"},
		{jixiao.KindPoints, "满分", 0, ""},
		{jixiao.KindPercent, "0.900986728281373", 0, "90.0986728281%"}, // kept: check says it has too many decimals
		{jixiao.KindPercent, "0.9", 0, "90%"},
		{jixiao.KindPercent, "1.05", 0, "105%"},
		{jixiao.KindPercent, "90%", 0, "90%"},
		{jixiao.KindPercent, "86.5％", 0, "86.5%"},
		{jixiao.KindPercent, "90", 0, ""}, // 90 or 9000%? asked for, not guessed
		{jixiao.KindPercent, "九成", 0, ""},
		{jixiao.KindInt, "2020", 0, "2020"},
		{jixiao.KindInt, "2020.5", 0, ""},
	} {
		got, err := figureText(tc.kind, tc.text, tc.places)
		if tc.want == "" && err == nil || tc.want != "" && got != tc.want {
			t.Errorf("%s %q: %q, %v; want %q", tc.kind, tc.text, got, err, tc.want)
		}
	}
}

func TestMatcher(t *testing.T) {
	for _, tc := range []struct {
		pattern, text string
		want          map[string]string // nil: does not fit
	}{
		{"{name}[（{weight}分）]", "产出指标（50分）", map[string]string{"name": "产出指标", "weight": "50"}},
		{"{name}[（{weight}分）]", "经济效益\n指标（10\n分）", map[string]string{"name": "经济效益\n指标", "weight": "10"}},
		{"{name}[（{weight}分）]", "产出指标(50分)", map[string]string{"name": "产出指标", "weight": "50"}},
		{"{name}[（{weight}分）]", "产出指标", map[string]string{"name": "产出指标", "weight": ""}},
		{"指标{n}：{name}", "指标12: 工业投资增速", map[string]string{"n": "12", "name": "工业投资增速"}},
		{"指标{n}：{name}", "工业投资增速", nil},
		{"其中：一般公共预算：{x}", "其中:一般公共\n预算： 6341.72", map[string]string{"x": "6341.72"}},
		{"其中：一般公共预算：{x}", "一般公共预算：6341.72", nil},
		{"（{year}年度）", "(2019 年度)", map[string]string{"year": "2019"}},
	} {
		got, ok := newMatcher(tc.pattern).match(tc.text)
		if ok != (tc.want != nil) {
			t.Errorf("%q on %q: fits %v", tc.pattern, tc.text, ok)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%q on %q: %s = %q, want %q", tc.pattern, tc.text, k, got[k], v)
			}
		}
	}
}
