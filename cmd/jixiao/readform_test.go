package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/templates"
)

// within runs f and fails the test when it takes longer than d.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}

// TestReadFormReadsAtMostTheLimit: a big file is read only to one byte
// past the limit, and the check refuses it.
func TestReadFormReadsAtMostTheLimit(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# comment\n"), jixiao.MaxFileSize/10+1000), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := readForm(context.Background(), nil, big)
	if err != nil || len(data) != jixiao.MaxFileSize+1 {
		t.Fatalf("read %d bytes, %v; want %d", len(data), err, jixiao.MaxFileSize+1)
	}
	code, _, stderr := run(t, "check", big)
	if code != exitProblems || !strings.Contains(stderr, "MB") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestCheckStdin: "-" checks the form on stdin.
func TestCheckStdin(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	c := &cli{stdout: &out, stderr: &errs, stdin: bytes.NewReader(src)}
	if code := c.main([]string{"check", "-"}); code != exitOK || !strings.HasPrefix(out.String(), "stdin: 益阳市工业和信息化局 2020年度") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errs.String())
	}
}

// TestCheckInterruptedWhileReading: Ctrl-C ends a read of stdin that
// would block for ever.
func TestCheckInterruptedWhileReading(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs bytes.Buffer
	c := &cli{ctx: ctx, stdout: &out, stderr: &errs, stdin: r}
	time.AfterFunc(50*time.Millisecond, cancel)
	within(t, 5*time.Second, "check -", func() {
		if code := c.main([]string{"check", "-"}); code != exitInterrupted {
			t.Errorf("exit %d, stderr %q", code, errs.String())
		}
	})
}

// TestGlyphsCheckedLikeRender: a character no font of the template has
// fails check, and keeps the form out of the ranking of --summary-only,
// as it fails render.
func TestGlyphsCheckedLikeRender(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "emoji.toml")
	writeFile(t, bad, bytes.Replace(src, []byte(`department = "益阳市工业和信息化局"`), []byte(`department = "益阳市工业和信息化局😀"`), 1))
	writeFile(t, filepath.Join(dir, "good.toml"), src)
	code, _, stderr := run(t, "check", bad)
	if code != exitProblems || !strings.Contains(stderr, "U+1F600") {
		t.Errorf("check: exit %d, stderr %q", code, stderr)
	}
	code, _, renderErr := run(t, "render", bad, "-o", t.TempDir())
	if code != exitProblems || renderErr != stderr+"jixiao render: 1 of 1 forms not rendered\n" {
		t.Errorf("render: exit %d, stderr %q; want check's problems:\n%q", code, renderErr, stderr)
	}
	out := t.TempDir()
	if code, _, stderr := run(t, "render", dir, "--summary-only", "-o", out); code != exitProblems {
		t.Errorf("--summary-only: exit %d, stderr %q", code, stderr)
	}
	rows := summaryDepartments(t, filepath.Join(out, "汇总表.xlsx"))
	for _, r := range rows {
		isBad := slices.ContainsFunc(r, func(s string) bool { return strings.HasSuffix(s, "emoji.toml") })
		if ranked := r[0] != "—"; ranked == isBad {
			t.Errorf("summary row %q: only the form with 😀 goes unranked", r)
		}
	}
	if len(rows) != 2 {
		t.Errorf("%d summary rows, want 2", len(rows))
	}
}

// TestLayoutWarningsCheckedLikeRender: check lays the form out as render
// does, so a number too wide for its column is said before rendering.
func TestLayoutWarningsCheckedLikeRender(t *testing.T) {
	tpl, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	narrow := filepath.Join(dir, "narrow.toml")
	writeFile(t, narrow, bytes.Replace(tpl, []byte("columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]"), []byte("columns = [17, 19, 20, 33, 21, 21, 10, 6, 25]"), 1))
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "form.toml")
	writeFile(t, form, bytes.Replace(src, []byte("weight = 4\n    score = 4\n"), []byte("weight = 4\n    score = 3.75\n    deviation = \"略\"\n"), 1))
	_, _, checkErr := run(t, "check", form, "--template", narrow)
	if !strings.Contains(checkErr, "too wide for its column") {
		t.Fatalf("check says nothing of the number too wide:\n%s", checkErr)
	}
	_, _, renderErr := run(t, "render", form, "--template", narrow, "-o", t.TempDir())
	if !strings.HasPrefix(renderErr, checkErr) {
		t.Errorf("render warns:\n%s\ncheck warned:\n%s", renderErr, checkErr)
	}
}
