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
		}
	}
}
