package render

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao/fonts"
	"jixiao/templates"
)

func builtinTemplateText(t *testing.T) string {
	t.Helper()
	data, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edited parses the built-in template with replacements applied, as a
// file in dir.
func edited(t *testing.T, dir string, pairs ...string) (*Template, error) {
	t.Helper()
	text := builtinTemplateText(t)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("template has no %q", pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	path := filepath.Join(dir, "my.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return ParseTemplate(path, []byte(text))
}

func TestPageNumberStyleIsATemplateChoice(t *testing.T) {
	tpl, err := edited(t, t.TempDir(), `page_number = "— {page} —"`, `page_number = "第 {page} 页 共 {pages} 页"`)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	doc := layout(t, e, sample(t))
	for i, p := range doc.Pages {
		last := p.Texts[len(p.Texts)-1]
		if want := "第 " + string(rune('1'+i)) + " 页 共 2 页"; last.Text != want {
			t.Errorf("page %d number %q, want %q", i+1, last.Text, want)
		}
	}
}

// TestOfficeFont lays the form out with a TrueType file the template
// names, as an office with a licensed 仿宋_GB2312 would.
func TestOfficeFont(t *testing.T) {
	dir := t.TempDir()
	face, err := fonts.Builtin(fonts.Sans)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "office.ttf"), face.Data(), 0o644); err != nil {
		t.Fatal(err)
	}
	tpl, err := edited(t, dir, `serif = "serif"`, `serif = "office.ttf"`)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Face(StyleBody).Name(); got != "NotoSansSC-Regular" {
		t.Errorf("body face = %s, want the office file's font", got)
	}
	checkGeometry(t, e, layout(t, e, sample(t)))

	if got, want := tpl.FontFiles(), []string{filepath.Join(dir, "office.ttf")}; !slices.Equal(got, want) {
		t.Errorf("FontFiles() = %q, want %q", got, want)
	}
}

func TestTemplateErrors(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [17, 19, 20, 33, 21, 21, 10, 10]", "my.toml:94:11: table.columns: 8 columns; 附件2 has 9"},
		{"columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [30, 19, 20, 33, 21, 21, 10, 10, 25]", "wider than the text width"},
		{"[styles.body]", "[styles.bodyy]", "styles.body: missing"},
		{`leading = 1.25`, `leadin = 1.25`, `my.toml:97:10: unknown key "table.leadin"`},
		{`font = "sans"`, `font = "comic"`, `"comic" is not in [fonts]`},
		{"total_points = 100", "total_points = 0", "rules: total_points is 0"},
		{`serif = "serif"`, `serif = "nowhere.ttf"`, "fonts.serif: fonts: load:"},
		{`name = "附件2`, `name = 附件2`, "my.toml:8:8: expected value"},
		// The spec: rows must tile the grid; cells show what the form has.
		{`{ field = "department", span = 8, style = "body" }`, `{ field = "department", span = 7, style = "body" }`, "rows[0]: its cells cover 8 of the 9 columns"},
		{`{ field = "goals.expected", span = 4, style = "body" }`, `{ field = "goals.expectd", span = 4, style = "body" }`, `rows[9].cells[0].field: "goals.expectd" is not a field of the form`},
		{`其他资金：{funds.income.other}`, `其他资金：{funds.income.others}`, "{funds.income.others} is not a field of the form"},
		{`role = 'budget'`, `role = 'budjet'`, `role: "budjet"; expected one of`},
		{`{ text = "年度总体目标", rows = 2, style = "header" }`, `{ text = "年度总体目标", rows = 3, style = "header" }`, "rows[10]: a cell above is merged down into the indicator block"},
		{`{ field = "deviation", style = "body" },`, ``, "indicators.items: the label, levels and items cover 8 of the 9 columns"},
		{"[indicators]\nlabel", "[indicatorz]\nlabel", `unknown key "indicatorz"`},
		{`parts = ["funds.spending.basic", "funds.spending.project"]`, `parts = ["funds.spending.basic", "goals.expected"]`, "sums[1]: goals.expected is not a declared field of type amount"},
		// Names Excel refuses are found when the template loads, not after
		// the PDFs of a batch are written.
		{`sheet = "附件2"`, `sheet = "附件2/2020"`, `my.toml:9:9: sheet: "附件2/2020" has a character Excel refuses`},
		{`sheet = "附件2"`, `sheet = "[附件2]"`, `sheet: "[附件2]" has a character Excel refuses`},
		{`sheet = "附件2"`, `sheet = "附件2：部门整体支出绩效自评表（2020年度，益阳市工业和信息化局）"`, "longer than Excel's 31 characters"},
		{`sheet = "附件2"`, `sheet = "'附件2'"`, "starts or ends with '"},
		{`sheet = "附件2"`, `sheet = "   "`, "is blank"},
		{`summary = "汇总表"`, `summary = "汇总表?"`, `my.toml:10:11: summary: "汇总表?" has a character Excel refuses`},
		{`summary = "汇总表"`, `summary = ""`, `summary: "" is blank`},
		{`summary = "汇总表"`, `summary = "汇总|表"`, "a character a file name cannot have"},
	} {
		tpl, err := edited(t, t.TempDir(), c.old, c.new)
		if err == nil {
			_, err = NewEngine(tpl) // font files load here
		}
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s → %s: err = %v, want it to say %q", c.old, c.new, err, c.want)
		} else if testing.Verbose() {
			t.Log(err)
		}
	}
}

// TestBuiltinForms: every built-in form parses, has a name of its own, and
// the default comes first.
func TestBuiltinForms(t *testing.T) {
	forms := BuiltinForms()
	if len(forms) != len(templates.Forms) || forms[0].Form != DefaultTemplate().Form {
		t.Fatalf("%d forms, the first %q", len(forms), forms[0].Form)
	}
	seen := map[string]bool{}
	for _, f := range forms {
		if f.Form == "" || seen[f.Form] {
			t.Errorf("form name %q is empty or taken", f.Form)
		}
		seen[f.Form] = true
		if got, _, ok := BuiltinForm(f.Form); !ok || got.Form != f.Form {
			t.Errorf("BuiltinForm(%q) = %v, %v", f.Form, got, ok)
		}
	}
	if _, _, ok := BuiltinForm("部门整体支出-湖北-2021"); ok {
		t.Error("an unknown name found a form")
	}
}
