package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/render"
)

// badFiles makes files that are no form we can read, each with what its
// one error must say.
func badFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	zipOf := func(files map[string][]byte) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range files {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(data)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	out := map[string]string{}
	out[write("text.xlsx", []byte("年初预算数,全年预算数\n1,2\n"))] = "not an XLSX or DOCX file"
	out[write("other.docx", zipOf(map[string][]byte{"readme.txt": []byte("hello")}))] = "not an XLSX workbook or DOCX document"
	// A workbook saved with a password is an encrypted compound file.
	sample := readFile(t, "../../render/tablefile/testdata/yiyang-2020.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked.xlsx")
	if err := f.SaveAs(locked, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	out[locked] = "protected by a password"
	f.Close()
	// The sample with every label of the forms cleared: values alone.
	if f, err = excelize.OpenReader(bytes.NewReader(sample)); err != nil {
		t.Fatal(err)
	}
	for _, tpl := range render.BuiltinForms() {
		clearLabels(t, f, tpl)
	}
	noLabels := filepath.Join(dir, "no-labels.xlsx")
	if err := f.SaveAs(noLabels); err != nil {
		t.Fatal(err)
	}
	out[noLabels] = "not a form jixiao knows: tried 部门整体支出-湖南-2020"
	f.Close()
	// 100,000 rows.
	big := excelize.NewFile()
	sw, err := big.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 100_000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{r, "年初预算数"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	rows := filepath.Join(dir, "rows.xlsx")
	if err := big.SaveAs(rows); err != nil {
		t.Fatal(err)
	}
	out[rows] = "too many rows"
	// A zip bomb: a sheet of 400 MB of spaces, a few hundred kB packed.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/workbook.xml")
	_, _ = w.Write([]byte(`<workbook/>`))
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 400 {
		_, _ = w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out[write("bomb.xlsx", bomb.Bytes())] = "too large"
	return out
}

// clearLabels empties every cell of the sheet that shows a fixed text of
// the form.
func clearLabels(t *testing.T, f *excelize.File, tpl *render.Template) {
	t.Helper()
	labels := map[string]bool{}
	for _, row := range tpl.Rows {
		for _, c := range row.Cells {
			labels[strings.Join(strings.Fields(c.Text), "")] = true
		}
	}
	for _, c := range tpl.Indicators.Header {
		labels[strings.Join(strings.Fields(c.Text), "")] = true
	}
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			text := strings.Join(strings.Fields(v), "")
			if labels[text] || strings.Contains(text, "绩效自评表") || strings.Contains(text, "：") {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				_ = f.SetCellStr(sheet, cell, "")
			}
		}
	}
}

// TestImportBadFiles: each file that is no form gets one clear error,
// from import and from check, and exit status 1.
func TestImportBadFiles(t *testing.T) {
	dir := t.TempDir()
	for path, want := range badFiles(t, dir) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			for _, cmd := range []string{"import", "check"} {
				code, _, errs := run(t, cmd, path)
				lines := strings.Split(strings.TrimSpace(errs), "\n")
				if code != 1 || len(lines) != 1 || !strings.Contains(errs, path+":") || !strings.Contains(errs, "error: ") || !strings.Contains(errs, want) {
					t.Errorf("%s %s: exit %d, stderr:\n%s\nwant one error saying %q", cmd, filepath.Base(path), code, errs, want)
				}
			}
			// In Chinese the error says what to do, with no English word
			// but the file's name.
			_, _, errs := run(t, "check", path, "--lang", "zh")
			if rest := strings.ReplaceAll(errs, path, ""); asciiWord.MatchString(strings.NewReplacer("XLSX", "", "DOCX", "", "xlsx", "", "docx", "", "xls", "", "doc", "", "toml", "", "Excel", "", "WPS", "", "Word", "", "jixiao", "").Replace(rest)) {
				t.Errorf("check %s in Chinese:\n%s", filepath.Base(path), errs)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "text.toml")); err == nil {
		t.Error("import wrote a file for a bad one")
	}
}

// TestImportWritesNothingOnProblems: a value that cannot be read stops
// the import, at its cell; --partial writes the rest and marks it.
func TestImportWritesNothingOnProblems(t *testing.T) {
	dir := t.TempDir()
	f, err := excelize.OpenFile("../../render/tablefile/testdata/yiyang-2020.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellStr("附件2", "G15", "三分")
	_ = f.SetCellStr("附件2", "B7", "其中：一般公共预算：约六千")
	path := filepath.Join(dir, "局.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "局.toml")
	code, _, errs := run(t, "import", path, "-o", out)
	for _, want := range []string{
		path + `:附件2!B7: error: funds.income.general_budget (一般公共预算): "约六千" is not a number`,
		path + `:附件2!G15: error: indicators[0].groups[0].items[1].weight (分值): "三分" is not a number of points`,
		"nothing written",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(out); code != 1 || err == nil {
		t.Fatalf("exit %d; a file was written: %v", code, err == nil)
	}
	code, _, _ = run(t, "import", path, "-o", out, "--partial")
	data := readFile(t, out)
	if code != 1 || !strings.Contains(string(data), "# general_budget = ") || strings.Contains(string(data), "\ngeneral_budget") ||
		!strings.Contains(string(data), "could not be read: \"三分\" is not a number of points") {
		t.Errorf("--partial: exit %d\n%s", code, data)
	}
	// On a Chinese system the same problems read in Chinese, at their cells.
	_, _, errs = run(t, "import", path, "-o", filepath.Join(dir, "中文.toml"), "--lang", "zh")
	for _, want := range []string{`附件2!B7`, `"约六千" 不是数字，请只填写数字`, `附件2!G15`, `"三分" 不是分数，请只填写数字`} {
		if !strings.Contains(errs, want) {
			t.Errorf("in Chinese, stderr lacks %q:\n%s", want, errs)
		}
	}
	// The data file --partial wrote is a form: check finds what is missing.
	if code, _, errs := run(t, "check", out); code != 1 || !strings.Contains(errs, "weight (分值): missing") {
		t.Errorf("check of the partial import: exit %d\n%s", code, errs)
	}
}

// TestCheckLocatesCells: the problems check finds in a spreadsheet form
// name its cells, with the labels a data file's problems have.
func TestCheckLocatesCells(t *testing.T) {
	dir := t.TempDir()
	f, err := excelize.OpenFile("../../render/tablefile/testdata/yiyang-2020.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue("附件2", "H14", 7)
	_ = f.SetCellValue("附件2", "E5", 7000)
	path := filepath.Join(dir, "局.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, errs := run(t, "check", path)
	for _, want := range []string{
		path + ":附件2!H14: error: indicators[0].groups[0].items[0].score (得分): 7 is more than its 分值 3",
		path + ":附件2!B7: error: funds.income (按收入性质分): parts add up to 7167.12",
	} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errs)
		}
	}
	code, out, _ := run(t, "check", "--json", path)
	if code != 1 || !strings.Contains(out, `"cell": "附件2!H14"`) {
		t.Errorf("--json: exit %d\n%s", code, out)
	}
}
