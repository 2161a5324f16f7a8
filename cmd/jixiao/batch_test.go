package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/templates"
)

// writeForms writes n generated forms into dir/sub and breaks the ones
// listed: one with a syntax error, one whose 得分 exceeds its 分值, one
// unreadable as UTF-8.
func writeForms(t testing.TB, dir string, n int, broken map[int]string) []string {
	t.Helper()
	var paths []string
	for i := range n {
		sub := filepath.Join(dir, []string{"市直", "区县"}[i%2])
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		src := gen.Form(7, i)
		switch broken[i] {
		case "syntax":
			src = strings.Replace(src, "weight = 10", "weight = = 10", 1)
		case "score":
			// A 9 before the first item's 得分 makes it more than any 分值.
			src = strings.Replace(src, "\n    score = ", "\n    score = 9", 1)
		case "binary":
			src = "\xff\xfe" + src
		}
		path := filepath.Join(sub, gen.Name(7, i)+".toml")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func TestBatchWithBrokenFiles(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	broken := map[int]string{5: "syntax", 17: "score", 33: "binary"}
	writeForms(t, dir, 50, broken)
	var stdout, stderr bytes.Buffer
	c := &cli{stdout: &stdout, stderr: &stderr}
	code := c.main([]string{"render", dir, "-o", out, "-j", "4"})
	if code != exitProblems {
		t.Fatalf("exit %d, want 1\n%s", code, stderr.String())
	}
	var pdfs, xlsxs int
	filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		switch {
		case strings.Contains(d.Name(), ".tmp-"):
			t.Errorf("temporary file left: %s", path)
		case strings.HasSuffix(path, ".pdf"):
			pdfs++
		case strings.HasSuffix(path, ".xlsx") && d.Name() != "汇总表.xlsx":
			xlsxs++
		}
		return nil
	})
	if pdfs != 47 || xlsxs != 47 {
		t.Errorf("%d PDFs and %d XLSX written, want 47 each", pdfs, xlsxs)
	}
	if _, err := os.Stat(filepath.Join(out, "市直", gen.Name(7, 0)+".pdf")); err != nil {
		t.Errorf("subfolders are not mirrored: %v", err)
	}
	for i := range broken {
		if !strings.Contains(stderr.String(), gen.Name(7, i)+".toml:") {
			t.Errorf("broken form %d is not reported:\n%s", i, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "3 of 50 forms not rendered") {
		t.Errorf("stderr lacks the count of refused forms:\n%s", stderr.String())
	}
	departments, scored := summaryDepartments(t, filepath.Join(out, "汇总表.xlsx")), 0
	if len(departments) != 50 {
		t.Fatalf("summary has %d department rows, want 50", len(departments))
	}
	for _, r := range departments {
		if r[0] != "—" {
			scored++
		}
	}
	if scored != 47 {
		t.Errorf("%d departments scored in the summary, want 47", scored)
	}
}

// summaryDepartments reads the department rows of every ranking sheet
// of a summary: each sheet's rows between its headings and its 合计 and
// 平均.
func summaryDepartments(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	for _, sheet := range f.GetSheetList() {
		if sheet == "问题清单" {
			continue
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 4 {
			t.Fatalf("sheet %s has %d rows", sheet, len(rows))
		}
		out = append(out, rows[2:len(rows)-2]...)
	}
	return out
}

func TestChangedSkipsUpToDateForms(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	paths := writeForms(t, dir, 3, nil)
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		if code := (&cli{stdout: &stdout, stderr: &stderr}).main(args); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stdout.String()
	}
	run("render", dir, "-o", out)
	// A form touched but unchanged is up to date: the stamp holds its hash.
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(paths[0], future, future); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, paths[1], append(src, "\n# edited\n"...))
	got := run("render", dir, "-o", out, "--changed")
	if !strings.Contains(got, "3 forms: 1 rendered (2 files), 2 up to date, 0 refused") {
		t.Errorf("--changed after an edit: %s", got)
	}
	// Another template, even one older than the outputs, renders all again.
	tpl := filepath.Join(t.TempDir(), "my.toml")
	writeFile(t, tpl, bytes.Replace(builtinFile(templates.Form2020), []byte("margin_top = 20"), []byte("margin_top = 22"), 1))
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(tpl, past, past); err != nil {
		t.Fatal(err)
	}
	if got := run("render", dir, "-o", out, "--changed", "--template", tpl); !strings.Contains(got, "3 forms: 3 rendered (6 files), 0 up to date") {
		t.Errorf("--changed with another template: %s", got)
	}
	if got := run("render", dir, "-o", out, "--changed", "--template", tpl); !strings.Contains(got, "3 forms: 0 rendered (0 files), 3 up to date") {
		t.Errorf("--changed with the same template again: %s", got)
	}
	// Back to the built-in template: rendered again, as it differs too.
	if got := run("render", dir, "-o", out, "--changed"); !strings.Contains(got, "3 forms: 3 rendered (6 files), 0 up to date") {
		t.Errorf("--changed back to the built-in template: %s", got)
	}
}

// TestInterruptLeavesNoPartialFiles runs the real program, sends it SIGINT
// as soon as its first output appears, and checks that it stops with 130,
// that no temporary file is left, and that every output is complete.
func TestInterruptLeavesNoPartialFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir, out := t.TempDir(), t.TempDir()
	writeForms(t, dir, 300, nil)
	cmd := exec.Command(bin, "render", dir, "-o", out, "-j", "1", "-q")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(filesUnder(out)) == 0 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Fatalf("exit %d (%v), want %d\n%s", code, err, exitInterrupted, stderr.String())
	}
	files := filesUnder(out)
	if len(files) == 0 || len(files) >= 600 {
		t.Fatalf("%d outputs after the interrupt; want some, not all", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.Contains(f, ".tmp-"):
			t.Errorf("temporary file left: %s", f)
		case strings.HasSuffix(f, ".pdf") && !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")):
			t.Errorf("incomplete PDF: %s", f)
		case strings.HasSuffix(f, ".xlsx"):
			x, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Errorf("incomplete XLSX %s: %v", f, err)
				continue
			}
			x.Close()
		}
	}
	if _, err := os.Stat(filepath.Join(out, "汇总表.xlsx")); err == nil {
		t.Error("an interrupted run wrote a summary of part of the forms")
	}
}

// outputs lists every file under dir, hidden temporary files included.
func filesUnder(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// BenchmarkBatch renders generated departments — PDF, XLSX and the
// summary — as `jixiao render DIR -o OUT` does, with -j the number of
// CPUs. BATCH_FORMS sets how many (default 100); the goal is 1,000 in at
// most 8 s on 2 cores:
//
//	BATCH_FORMS=1000 go test ./cmd/jixiao -run '^$' -bench Batch -benchtime 1x
func BenchmarkBatch(b *testing.B) {
	n := 100
	if s := os.Getenv("BATCH_FORMS"); s != "" {
		fmt.Sscan(s, &n)
	}
	dir := b.TempDir()
	writeForms(b, dir, n, nil)
	b.ResetTimer()
	for b.Loop() {
		out := b.TempDir()
		var stdout, stderr bytes.Buffer
		if code := (&cli{stdout: &stdout, stderr: &stderr}).main([]string{"render", dir, "-o", out, "-q"}); code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "forms/s")
}

// TestDuplicateDepartmentWarned: two forms of one department and year
// are both ranked, with a warning naming them.
func TestDuplicateDepartmentWarned(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.toml"), src)
	writeFile(t, filepath.Join(dir, "b.toml"), src)
	code, _, stderr := run(t, "render", dir, "-o", out, "--summary-only", "-q")
	want := filepath.Join(dir, "b.toml") + ":1:1: warning: same department and year as a.toml (益阳市工业和信息化局, 2020): the summary ranks both\n"
	if code != exitOK || stderr != want {
		t.Errorf("exit %d, stderr %q\nwant %q", code, stderr, want)
	}
}

// TestStampsOnlyInOutputFolders: a form rendered in place gets no hidden
// stamp beside it; with -o or --changed it does.
func TestStampsOnlyInOutputFolders(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir, out := t.TempDir(), t.TempDir()
	form := filepath.Join(dir, "form.toml")
	writeFile(t, form, src)
	for _, c := range []struct {
		args  []string
		stamp string
		want  bool
	}{
		{[]string{"render", form}, filepath.Join(dir, ".form.jixiao"), false},
		{[]string{"render", form, "-o", out}, filepath.Join(out, ".form.jixiao"), true},
		{[]string{"render", form, "--changed"}, filepath.Join(dir, ".form.jixiao"), true},
	} {
		if code, _, stderr := run(t, c.args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		if _, err := os.Stat(c.stamp); (err == nil) != c.want {
			t.Errorf("%v: stamp %s exists: %v, want %v", c.args, c.stamp, err == nil, c.want)
		}
	}
}
