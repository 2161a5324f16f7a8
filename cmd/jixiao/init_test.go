package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"jixiao"
	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/render"
	"jixiao/templates"
)

// TestInitForm: the blank form holds every key of the format (commented-out
// keys count), and checks with only the errors of a form not filled in.
func TestInitForm(t *testing.T) {
	code, form, errs := run(t, "init")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, f := range render.DefaultTemplate().Domain().AllFields() {
		name := f.Key[strings.LastIndexByte(f.Key, '.')+1:]
		if isComputed(f) {
			// check computes it: the form leaves it out, and says so.
			if hasKey(t, form, f.Key) {
				t.Errorf("the blank form fills in %s (%s), which check computes", f.Key, f.Label)
			}
			continue
		}
		var re *regexp.Regexp
		switch f.Kind {
		case jixiao.KindTable:
			re = regexp.MustCompile(`(?m)^\s*\[` + regexp.QuoteMeta(f.Key) + `\]`)
		case jixiao.KindTables:
			re = regexp.MustCompile(`(?m)^\s*\[\[` + regexp.QuoteMeta(f.Key) + `\]\]`)
		default:
			re = regexp.MustCompile(`(?m)^\s*(# )?` + regexp.QuoteMeta(name) + `\s*=`)
		}
		if !re.MatchString(form) {
			t.Errorf("the blank form has no %s (%s)", f.Key, f.Label)
		}
	}
	if !strings.Contains(form, "执行率、预算执行得分和总分由 jixiao check 计算") {
		t.Error("the blank form does not say that check computes 执行率, 预算执行得分 and 总分")
	}
	// The official skeleton: 产出 / 效益 / 满意度 with their 二级 groups.
	for _, name := range []string{"产出指标", "数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "经济效益指标",
		"社会效益指标", "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标"} {
		if !strings.Contains(form, `name = "`+name+`"`) {
			t.Errorf("the blank form has no %s", name)
		}
	}
	// What a blank form leaves to fill in: the header's, the 二级 分值 that
	// must add up to each 一级's, and each 三级's texts.
	blank := map[string]bool{"year": true, "department": true, "funds.annual_budget": true, "goals.expected": true, "goals.achieved": true}
	for i, groups := range []int{4, 4, 1} {
		blank[fmt.Sprintf("indicators[%d].weight", i)] = true
		for j := range groups {
			for _, k := range []string{"name", "target", "actual"} {
				blank[fmt.Sprintf("indicators[%d].groups[%d].items[0].%s", i, j, k)] = true
			}
		}
	}
	// With its commented-out keys written in, the form still has no key the
	// format does not know.
	uncommented := regexp.MustCompile(`(?m)^(\s*)# (\w+ = )`).ReplaceAllString(form, "$1$2")
	if uncommented == form {
		t.Fatal("the blank form has no commented-out keys")
	}
	for name, src := range map[string]string{"as written": form, "uncommented": uncommented} {
		_, problems := jixiao.Check("blank.toml", []byte(src), render.DefaultTemplate().Domain())
		if len(problems) == 0 {
			t.Errorf("%s: a blank form checks clean", name)
		}
		for _, p := range problems {
			if p.Severity != jixiao.Error || !blank[p.Path] || strings.Contains(p.Message, "missing") ||
				strings.Contains(p.Message, "unknown key") || strings.Contains(p.Message, "TOML syntax") {
				t.Errorf("%s: unexpected problem in the blank form: %v", name, p)
			}
		}
	}
}

// isComputed tells the fields check computes.
func isComputed(f jixiao.Field) bool {
	return f.Role == jixiao.RoleRate || f.Role == jixiao.RoleExecScore || f.Role == jixiao.RoleTotal
}

// TestInitFrom makes next year's form from the sample, fills it in as an
// officer would (the year's amounts, each indicator's actual value and
// score) and finds it clean.
func TestInitFrom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2021.toml")
	if code, _, errs := run(t, "init", "--from", sample, path); code != 0 || errs != "" {
		t.Fatalf("init --from: exit %d, stderr %q", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	next := string(data)
	for _, want := range []string{"year = 2021", `department = "益阳市工业和信息化局"`, `name = "规模工业增加值增速"`, `target = "≥全省平均水平"`, "weight = 50"} {
		if !strings.Contains(next, want) {
			t.Errorf("next year's form has no %s", want)
		}
	}
	for _, gone := range []string{`(?m)^total_score`, `(?m)^execution_rate`, `(?m)^\s*score =`, `6457\.48`, `actual = "[^"]`, `deviation = "[^"]`} {
		if regexp.MustCompile(gone).MatchString(next) {
			t.Errorf("next year's form carries over %s", gone)
		}
	}
	// Unfilled, it asks for what the officer must fill in, not more.
	_, problems := jixiao.Check("2021.toml", data, render.DefaultTemplate().Domain())
	for _, p := range problems {
		if isComputed(mustField(t, p.Path)) {
			t.Errorf("a problem about a computed figure: %v", p)
		}
	}
	// Filled in: the amounts, the results, and each 三级's actual value
	// and full score.
	fill := strings.NewReplacer(
		"initial_budget = 0 ", "initial_budget = 1758.17",
		"annual_budget = 0 ", "annual_budget = 7167.12",
		"executed = 0 ", "executed = 6457.48",
		"general_budget = 0 ", "general_budget = 7167.12",
		"basic = 0 ", "basic = 2136.77",
		"project = 0 ", "project = 4320.71",
		"achieved = \"\"\"\n\"\"\"", `achieved = "全面完成"`,
	)
	next = fill.Replace(next)
	itemWeight := regexp.MustCompile(`(?m)^(    )weight = (\S+)(.*)$`)
	next = itemWeight.ReplaceAllString(next, "${1}weight = $2$3\n${1}score = $2")
	target := regexp.MustCompile(`(?m)^(    target = )("[^"\n]*")(.*)\n(    actual = )""`)
	next = target.ReplaceAllString(next, "$1$2$3\n$4$2")
	_, problems = jixiao.Check("2021.toml", []byte(next), render.DefaultTemplate().Domain())
	if problems.Errors() > 0 {
		t.Errorf("filled in, next year's form has problems:\n%v\n%s", problems, next)
	}
}

// hasKey tells whether the TOML text src gives the header key (a.b.c).
func hasKey(t *testing.T, src, key string) bool {
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(key, ".")
	for _, p := range parts[:len(parts)-1] {
		if m, _ = m[p].(map[string]any); m == nil {
			return false
		}
	}
	_, ok := m[parts[len(parts)-1]]
	return ok
}

// mustField is the field of a problem's path, by its generic key.
func mustField(t *testing.T, path string) jixiao.Field {
	key := regexp.MustCompile(`\[\d+\]`).ReplaceAllString(path, "")
	f, _ := render.DefaultTemplate().Domain().Field(key)
	return f
}

// TestInitFile: init FILE writes the form, keeps an existing file unless
// --force (before or after FILE) is given.
func TestInitFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "form.toml")
	// Into a file, the form starts with the line that points TOML editors
	// at its schema, written beside it.
	blank := "#:schema ./jixiao.schema.json\n" + gen.Blank(render.DefaultTemplate())

	code, out, errs := run(t, "init", path)
	if code != 0 || out != "wrote "+path+"\n" || errs != "" {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != string(blank) {
		t.Fatal("init wrote something else than the blank form")
	}

	writeFile(t, path, []byte("filled in"))
	code, out, errs = run(t, "init", path)
	if code != 1 || out != "" || errs != "jixiao init: "+path+" exists; use --force to overwrite it\n" {
		t.Errorf("init over a file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != "filled in" {
		t.Fatal("init overwrote a file without --force")
	}

	for _, args := range [][]string{{"init", "--force", path}, {"init", path, "--force"}} {
		writeFile(t, path, []byte("filled in"))
		if code, _, errs := run(t, args...); code != 0 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if got, _ := os.ReadFile(path); string(got) != string(blank) {
			t.Errorf("%v did not overwrite", args)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("init left %d files in the folder; want the form and its schema", len(entries))
	}
	if schema, err := os.ReadFile(filepath.Join(dir, "jixiao.schema.json")); err != nil || string(schema) != string(schemaOf(render.DefaultTemplate())) {
		t.Errorf("no schema beside the form: %v", err)
	}

	if code, _, errs := run(t, "init", "a.toml", "b.toml"); code != 2 || !strings.Contains(errs, "expected one FILE, got 2") {
		t.Errorf("init with two files: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := run(t, "init", filepath.Join(dir, "no-such-folder", "f.toml")); code != 1 || errs == "" {
		t.Errorf("init into a missing folder: exit %d, stderr %q", code, errs)
	}
}

func TestTemplateCommand(t *testing.T) {
	want, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "template")
	if code != 0 || out != string(want) || errs != "" {
		t.Errorf("template: exit %d, stderr %q, %d bytes on stdout", code, errs, len(out))
	}
	path := filepath.Join(t.TempDir(), "my.toml")
	if code, _, _ := run(t, "template", path); code != 0 {
		t.Fatalf("template FILE: exit %d", code)
	}
	if got, _ := os.ReadFile(path); string(got) != string(want) {
		t.Error("template FILE wrote something else")
	}
	if code, _, errs := run(t, "template", path); code != 1 || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("template over a file: exit %d, stderr %q", code, errs)
	}
	// The written template is what check --template reads.
	if code, out, errs := run(t, "check", "--template", path, sample); code != 0 || !strings.Contains(out, "总分 98  等级 优") {
		t.Errorf("check --template: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestInitFromSpreadsheet: next year's form from last year's XLSX is the
// one from its data file.
func TestInitFromSpreadsheet(t *testing.T) {
	code, fromXLSX, errs := run(t, "init", "--from", "../../render/tablefile/testdata/yiyang-2020.xlsx")
	if code != 0 || errs != "" {
		t.Fatalf("init --from XLSX: exit %d, stderr %q", code, errs)
	}
	_, fromTOML, _ := run(t, "init", "--from", sample)
	if fromXLSX != fromTOML {
		t.Errorf("from the XLSX:\n%s\nfrom the TOML:\n%s", fromXLSX, fromTOML)
	}
}
