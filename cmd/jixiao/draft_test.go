package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao/render"
)

// TestRenderDraft: render --draft writes a form with errors as a PDF whose
// every page carries the mark, beside the good outputs and never over
// them, and exits 1; without --draft nothing is written.
func TestRenderDraft(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian: poppler-utils)")
	}
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/bad/score-over-weight.toml")
	if err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "局.toml")
	writeFile(t, form, data)

	if code, _, _ := run(t, "render", form); code != exitProblems {
		t.Fatalf("render: exit %d", code)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("render without --draft wrote %d files", len(entries)-1)
	}

	code, out, errs := run(t, "render", "--draft", form)
	draft := filepath.Join(dir, "局.draft.pdf")
	if code != exitProblems || !strings.Contains(out, draft) || !strings.Contains(errs, "5 is more than its 分值 3") {
		t.Fatalf("render --draft: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, never := range []string{"局.pdf", "局.xlsx", "局.draft.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, never)); err == nil {
			t.Errorf("render --draft wrote %s", never)
		}
	}
	pages := pdfPages(t, draft)
	if pages < 2 {
		t.Fatalf("%d pages", pages)
	}
	for p := 1; p <= pages; p++ {
		text := pdfText(t, draft, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
		if !strings.Contains(text, render.DraftMark(2)) {
			t.Errorf("page %d has no mark %q:\n%s", p, render.DraftMark(2), text)
		}
	}
	// A clean form with --draft is no draft: the usual outputs, no mark.
	clean := filepath.Join(dir, "clean.toml")
	sampleData, _ := os.ReadFile(sample)
	writeFile(t, clean, sampleData)
	if code, _, errs := run(t, "render", "--draft", clean); code != exitOK {
		t.Fatalf("render --draft of a clean form: exit %d, %s", code, errs)
	}
	if text := pdfText(t, filepath.Join(dir, "clean.pdf")); strings.Contains(text, "草稿") {
		t.Error("a clean form is marked as a draft")
	}
}

// TestPreviewShowsADraft: with no good version yet, the preview shows the
// form with errors as a marked draft, and offers no XLSX of it.
func TestPreviewShowsADraft(t *testing.T) {
	data, err := os.ReadFile("../../testdata/bad/score-over-weight.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "f.toml")
	writeFile(t, path, data)
	b := &previewBuilder{data: path}
	build := b.build()
	if !build.Draft || build.Doc == nil || build.Problems.Errors() != 2 {
		t.Fatalf("draft %v, doc %v, %d errors", build.Draft, build.Doc != nil, build.Problems.Errors())
	}
	for _, p := range build.Doc.Pages {
		if p.Draft == nil || p.Draft.Text != render.DraftMark(2) {
			t.Errorf("page %d is not marked", p.Number)
		}
	}
	outlined := 0
	for _, p := range build.Doc.Pages {
		outlined += len(p.Outlines)
	}
	if outlined != 2 { // 总分 and the 得分 over its 分值
		t.Errorf("%d cells outlined, want 2", outlined)
	}
}

func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	return strings.Count(pdfText(t, path), "\f")
}
