package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/render"
	"jixiao/templates"
)

const projectSample = "../../samples/langfang-2019-project.toml"

// TestDataNamesItsForm: a file's form = "…" picks the built-in form it is
// checked and rendered with; a file without it is a 附件2; --template
// overrides both.
func TestDataNamesItsForm(t *testing.T) {
	code, out, errs := run(t, "check", projectSample, sample)
	if code != 0 || !strings.Contains(out, "办公宿舍楼、食堂及餐厅暖通改造经费 2019年度") || !strings.Contains(out, "益阳市工业和信息化局 2020年度") ||
		!strings.Contains(errs, "warning: indicators[0].groups[0].items[0].score (得分): 9, but the 等于指标 rule gives 8.62") {
		t.Errorf("check both forms: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	// The 项目 form's file read as a 附件2 has none of its keys.
	code, _, errs = run(t, "check", "--template", "../../templates/"+templates.Form2020, projectSample)
	if code != 1 || !strings.Contains(errs, `unknown key "project"`) {
		t.Errorf("check --template 附件2 on the 项目 form: exit %d, stderr %s", code, errs)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("# a form\nform = \"部门整体支出-湖北-2021\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = run(t, "check", bad)
	want := bad + `:2:8: error: form (表样): "部门整体支出-湖北-2021" is not a built-in form; expected "部门整体支出-湖南-2020" or "项目支出-2020"`
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("unknown form: exit %d, stderr %s\nwant %s", code, errs, want)
	}
	code, _, errs = run(t, "render", "--format", "pdf", "-o", dir, projectSample, bad)
	if code != 1 || !strings.Contains(errs, "is not a built-in form") {
		t.Errorf("render with an unknown form: exit %d, stderr %s", code, errs)
	}
	var pdfs []string
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, "langfang-2019-project.pdf") {
			pdfs = append(pdfs, path)
		}
		return nil
	})
	if len(pdfs) != 1 {
		t.Errorf("the 项目 form was not rendered beside the bad file: %v", pdfs)
	}
}

func TestTemplateList(t *testing.T) {
	code, out, errs := run(t, "template", "--list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || errs != "" || len(lines) != 2 || !strings.HasPrefix(lines[0], "部门整体支出-湖南-2020\t") ||
		!strings.HasSuffix(lines[0], "(default)") || !strings.HasPrefix(lines[1], "项目支出-2020\t") {
		t.Errorf("template --list: exit %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	want, err := templates.FS.ReadFile(templates.Project2020)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "project.toml")
	if code, _, errs := run(t, "template", "项目支出-2020", path); code != 0 {
		t.Fatalf("template NAME FILE: exit %d, %s", code, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != string(want) {
		t.Error("template NAME FILE wrote something else")
	}
	if code, out, _ := run(t, "template", "项目支出-2020"); code != 0 || out != string(want) {
		t.Errorf("template NAME: exit %d, %d bytes", code, len(out))
	}
	if code, _, errs := run(t, "template", "nope", path); code != 2 || !strings.Contains(errs, "not a built-in form") {
		t.Errorf("template with an unknown NAME: exit %d, stderr %q", code, errs)
	}
}

// TestInitEveryForm: init --form NAME writes a blank form with every key of
// that form's spec, which check reads as that form: nothing unknown, no
// syntax error, nothing missing, only what is left to fill in.
func TestInitEveryForm(t *testing.T) {
	for _, tpl := range render.BuiltinForms() {
		t.Run(tpl.Form, func(t *testing.T) {
			code, form, errs := run(t, "init", "--form", tpl.Form)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			for _, f := range tpl.Domain().AllFields() {
				name := f.Key[strings.LastIndexByte(f.Key, '.')+1:]
				pattern := `(?m)^\s*(# )?` + regexp.QuoteMeta(name) + `\s*=`
				switch f.Kind {
				case jixiao.KindTable:
					pattern = `(?m)^\s*\[` + regexp.QuoteMeta(f.Key) + `\]`
				case jixiao.KindTables:
					pattern = `(?m)^\s*\[\[` + regexp.QuoteMeta(f.Key) + `\]\]`
				}
				if !regexp.MustCompile(pattern).MatchString(form) {
					t.Errorf("the blank form has no %s (%s)", f.Key, f.Label)
				}
			}
			path := filepath.Join(t.TempDir(), "blank.toml")
			if err := os.WriteFile(path, []byte(form), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, errs = run(t, "check", path)
			if !strings.Contains(errs, "error") {
				t.Error("a blank form checks clean")
			}
			for _, bad := range []string{"missing", "unknown key", "TOML syntax", "not a built-in form"} {
				if strings.Contains(errs, bad) {
					t.Errorf("the blank form has %q problems:\n%s", bad, errs)
				}
			}
		})
	}
}

// TestCheckJSONFields: check --json gives each file's header fields by the
// keys of its own form, figures as exact numbers.
func TestCheckJSONFields(t *testing.T) {
	code, out, _ := run(t, "check", "--json", projectSample, sample)
	var got struct {
		Files []struct {
			Score struct {
				Fields map[string]any `json:"fields"`
			} `json:"score"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || len(got.Files) != 2 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	project, yiyang := got.Files[0].Score.Fields, got.Files[1].Score.Fields
	for key, want := range map[string]any{"form": "项目支出-2020", "year": 2019.0, "project": "办公宿舍楼、食堂及餐厅暖通改造经费",
		"funds.total.executed": 37.24, "funds.current.annual_budget": 43.2, "funds.total.execution_rate": 86.0} {
		if project[key] != want {
			t.Errorf("项目 %s = %v, want %v", key, project[key], want)
		}
	}
	if _, ok := project["funds.carryover.executed"]; ok {
		t.Error("an amount the file left out is in the JSON")
	}
	for key, want := range map[string]any{"department": "益阳市工业和信息化局", "funds.income.other": 90.4, "funds.income.government_fund": 735.0} {
		if yiyang[key] != want {
			t.Errorf("附件2 %s = %v, want %v", key, yiyang[key], want)
		}
	}
	if !strings.Contains(out, `"funds.income.other": 90.4`) {
		t.Error("figures are not written as exact numbers")
	}
}

// TestProjectBatchSummary: a batch of 项目 forms gets a 汇总表 headed by the
// 项目 form's own labels.
func TestProjectBatchSummary(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	if code, _, errs := run(t, "generate", "3", "--form", "项目支出-2020", "-o", dir); code != 0 {
		t.Fatalf("generate: %s", errs)
	}
	if code, _, errs := run(t, "render", "--summary-only", "-o", out, dir); code != 0 {
		t.Fatalf("render: %s", errs)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "汇总表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) < 2 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	if title := rows[0][0]; !strings.HasSuffix(title, "项目支出绩效自评汇总表") {
		t.Errorf("title %q", title)
	}
	head := strings.Join(rows[1], "|")
	if !strings.Contains(head, "项目名称|年度|全年预算数（万元）|全年执行数（万元）|执行率") {
		t.Errorf("headings %s", head)
	}
}

// TestPreviewNamedForm: the preview of a file that names the 项目 form lays
// it out on that form's grid, without --template.
func TestPreviewNamedForm(t *testing.T) {
	b := &previewBuilder{data: projectSample}
	got := b.build()
	if got.Doc == nil || got.Problems.Errors() > 0 {
		t.Fatalf("preview: doc %v, problems %v", got.Doc != nil, got.Problems)
	}
	if n := len(got.Doc.Table.Columns); n != 10 || got.Doc.Look.Sheet != "附1" {
		t.Errorf("preview laid out %d columns for the sheet %q", n, got.Doc.Look.Sheet)
	}
}
