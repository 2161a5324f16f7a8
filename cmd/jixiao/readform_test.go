package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
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

// TestSpecialFilesRefused: a device or a FIFO is refused at once, not
// read for ever.
func TestSpecialFilesRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "form.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		for _, cmd := range []string{"check", "render"} {
			within(t, 5*time.Second, cmd+" "+path, func() {
				code, _, stderr := run(t, cmd, path, "-o", t.TempDir())
				if cmd == "check" {
					code, _, stderr = run(t, cmd, path)
				}
				if code != exitProblems || !strings.Contains(stderr, "not a regular file") {
					t.Errorf("%s %s: exit %d, stderr %q", cmd, path, code, stderr)
				}
			})
		}
	}
}

// TestSpecialTemplateRefused: --template names a device or a FIFO: a
// usage error at once.
func TestSpecialTemplateRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "my.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		within(t, 5*time.Second, "--template "+path, func() {
			code, _, stderr := run(t, "check", "--template", path, sample)
			if code != exitUsage || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("--template %s: exit %d, stderr %q", path, code, stderr)
			}
		})
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

// TestSignalEndsBlockedRead runs the program on a stdin that never ends
// and checks that SIGTERM ends it at once, and that a second SIGINT ends
// a program that does not stop by itself.
func TestSignalEndsBlockedRead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "check", "-")
	stdin, err := cmd.StdinPipe() // never written, never closed
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, "check - after SIGTERM", func() { _ = cmd.Wait() })
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Errorf("exit %d, want %d; stderr %q", code, exitInterrupted, stderr.String())
	}
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
