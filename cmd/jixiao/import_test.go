package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/render"
)

const importData = "testdata/import"

// savedByLibreOffice lists the generated forms whose XLSX LibreOffice
// saved again (testdata/import/make-fixtures.sh), with their data files.
func savedByLibreOffice(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(importData, "gen-*-lo.xlsx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return files
}

func formOf(t testing.TB, name string) *render.Template {
	t.Helper()
	for _, tpl := range render.BuiltinForms() {
		if strings.Contains(name, "xiangmu") == (tpl.Form == "项目支出-2020") {
			return tpl
		}
	}
	t.Fatalf("no form for %s", name)
	return nil
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestImportSavedByLibreOffice: jixiao's XLSX saved again by another
// program — shared strings, styles, merges and formulas rewritten — imports
// to the data it was made from, and renders to the same PDF.
func TestImportSavedByLibreOffice(t *testing.T) {
	r, err := newRenderer("")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range savedByLibreOffice(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			orig := readFile(t, strings.TrimSuffix(file, "-lo.xlsx")+".toml")
			res := importBytes(t, file, readFile(t, file))
			back := res.TOML(file)
			if d := dataDiff(t, formOf(t, file), orig, back, res); d != "" {
				t.Fatalf("differs:\n%s", d)
			}
			_, want := renderBoth(t, r, file, orig)
			if _, got := renderBoth(t, r, file, back); !bytes.Equal(got, want) {
				t.Errorf("the PDF of the import differs from the original's")
			}
		})
	}
}

// TestImportFindsEdits edits the saved workbook as an officer would — a
// score, an indicator's text, an indicator row added — and finds each
// edit in the data file.
func TestImportFindsEdits(t *testing.T) {
	file := filepath.Join(importData, "gen-fujian2-0000-lo.xlsx")
	res := importBytes(t, file, readFile(t, file))
	sheet, scoreCell, _ := strings.Cut(res.Where["indicators[0].groups[0].items[0].score"], "!")
	_, nameCell, _ := strings.Cut(res.Where["indicators[1].groups[0].items[0].name"], "!")
	_, lastCell, _ := strings.Cut(res.Where["indicators[0].groups[0].items[1].name"], "!")
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(sheet, scoreCell, 0.5))
	must(f.SetCellValue(sheet, nameCell, "指标1：改过的指标"))
	// A row after the group's second indicator, typed in as text.
	_, row, err := excelize.CellNameToCoordinates(lastCell)
	must(err)
	must(f.InsertRows(sheet, row+1, 1))
	for col, v := range []string{"指标3：新增的指标", "≥95%", "99%", "2", "2"} {
		cell, _ := excelize.CoordinatesToCellName(4+col, row+1)
		must(f.SetCellStr(sheet, cell, v))
	}
	var buf bytes.Buffer
	must(f.Write(&buf))

	edited := importBytes(t, "edited.xlsx", buf.Bytes())
	r, problems := jixiao.Decode("edited", edited.TOML("edited.xlsx"), render.DefaultTemplate().Domain())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	before := res.Indicators[0].Groups[0].Items
	g := r.Indicators[0].Groups[0]
	if g.Items[0].Score.Text != "0.5" {
		t.Errorf("the score: %+v", g.Items[0].Score)
	}
	if got := r.Indicators[1].Groups[0].Items[0].Name; got != "改过的指标" {
		t.Errorf("the indicator's text: %q", got)
	}
	if len(g.Items) != len(before)+1 {
		t.Fatalf("%d indicators in the group, want %d", len(g.Items), len(before)+1)
	}
	added := g.Items[2]
	if added.Name != "新增的指标" || added.Target != "≥95%" || added.Actual != "99%" || added.Weight.Text != "2" || added.Score.Text != "2" {
		t.Errorf("the added indicator: %+v", added)
	}
	if g.Items[3].Name != before[2].Name {
		t.Errorf("the indicator after the added one: %q, want %q", g.Items[3].Name, before[2].Name)
	}
	if !strings.Contains(string(edited.TOML("edited.xlsx")), "score = 0.5                          # 得分 — "+sheet+"!"+scoreCell) {
		t.Errorf("the score's comment does not name its cell %s", scoreCell)
	}
}

// TestImportWordForms: both samples as Word tables made by a word
// processor (not by jixiao) check clean and score as the data files do.
func TestImportWordForms(t *testing.T) {
	for _, tc := range []struct{ docx, toml string }{
		{"../../render/tablefile/testdata/yiyang-2020.docx", sample},
		{filepath.Join(importData, "langfang-2019-project.docx"), projectSample},
	} {
		t.Run(filepath.Base(tc.docx), func(t *testing.T) {
			code, out, errs := run(t, "check", tc.docx)
			wantCode, want, wantErrs := run(t, "check", tc.toml)
			if code != wantCode || strings.Count(errs, "error") != strings.Count(wantErrs, "error") {
				t.Errorf("check %s: exit %d\n%s\nthe data file: exit %d\n%s", tc.docx, code, errs, wantCode, wantErrs)
			}
			_, got, _ := strings.Cut(out, "\n")
			_, want, _ = strings.Cut(want, "\n")
			if got != want {
				t.Errorf("scores:\n%s\nthe data file's:\n%s", got, want)
			}
		})
	}
}

// TestRenderFolderOfOfficeForms: a folder of data files, spreadsheets and
// Word forms renders with its 汇总表; rendering it again, into itself or
// into a folder inside it, reads the same forms, never render's own outputs.
func TestRenderFolderOfOfficeForms(t *testing.T) {
	for _, out := range []string{".", "out"} {
		t.Run("-o "+out, func(t *testing.T) {
			dir := t.TempDir()
			copyTo := func(src, name string) {
				if err := os.WriteFile(filepath.Join(dir, name), readFile(t, src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			copyTo(sample, "益阳.toml")
			copyTo(filepath.Join(importData, "gen-fujian2-0001-lo.xlsx"), "长沙.xlsx")
			copyTo("../../render/tablefile/testdata/yiyang-2020.docx", "岳阳.docx")
			copyTo(filepath.Join(importData, "gen-fujian2-0001-lo.xlsx"), "~$长沙.xlsx") // a lock file
			for run1 := range 2 {
				code, stdout, errs := run(t, "render", dir, "-o", filepath.Join(dir, out), "--format", "pdf,xlsx")
				if code != 0 || !strings.Contains(stdout, "3 forms: 3 rendered") {
					t.Fatalf("run %d: exit %d\n%s\n%s", run1+1, code, stdout, errs)
				}
				if out == "." && !strings.Contains(errs, "长沙.xlsx not written: it is the form being read") {
					t.Errorf("run %d: no word of the XLSX not written over its form:\n%s", run1+1, errs)
				}
			}
			if data := readFile(t, filepath.Join(dir, "长沙.xlsx")); !bytes.Equal(data, readFile(t, filepath.Join(importData, "gen-fujian2-0001-lo.xlsx"))) {
				t.Error("the form 长沙.xlsx was written over")
			}
			if _, err := os.Stat(filepath.Join(dir, out, "岳阳.pdf")); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPreviewOfficeForms: the preview of a Word form lays it out on its
// form's grid; its problems name their cells.
func TestPreviewOfficeForms(t *testing.T) {
	got := (&previewBuilder{data: filepath.Join(importData, "langfang-2019-project.docx")}).build()
	if got.Doc == nil || got.Problems.Errors() > 0 || got.Doc.Look.Sheet != "附1" {
		t.Fatalf("preview: doc %v, problems %v", got.Doc != nil, got.Problems)
	}
	if len(got.Problems) != 1 || got.Problems[0].Cell != "表1 第14行第8列" {
		t.Errorf("the sample's one warning (a 得分 of 9 the rule gives 8.62) at %v", got.Problems)
	}
}

// TestImportCommand: import writes the data file a Word form stands for,
// which checks as the sample does; it refuses to overwrite a file.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "益阳.toml")
	docx := "../../render/tablefile/testdata/yiyang-2020.docx"
	code, stdout, errs := run(t, "import", docx, "-o", out)
	if code != 0 || stdout != "wrote "+out+"\n" || errs != "" {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, errs)
	}
	data := string(readFile(t, out))
	for _, want := range []string{
		"year = 2020                              # 年度 — 表1 第2行第1列\n",
		"execution_rate = \"90%\"                   # 执行率 — 表1 第5行第8列\n",
		"other = 90.40                            # 其他资金 — 表1 第10行第2列\n",
	} {
		if !strings.Contains(data, want) {
			t.Errorf("the data file lacks %q:\n%s", want, data)
		}
	}
	if code, _, errs := run(t, "check", out); code != 0 || errs != "" {
		t.Errorf("check of the import: exit %d\n%s", code, errs)
	}
	if code, _, errs := run(t, "import", docx, "-o", out); code != 1 || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("import over a file: exit %d\n%s", code, errs)
	}
	if code, _, _ := run(t, "import", out); code != 2 {
		t.Errorf("import of a .toml: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "import", "--form", "项目支出-2020", docx); code != 1 || !strings.Contains(errs, "not a form jixiao knows: tried 项目支出-2020") {
		t.Errorf("import as the other form: exit %d\n%s", code, errs)
	}
}
