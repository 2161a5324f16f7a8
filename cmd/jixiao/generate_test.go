package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/render"
)

// TestGenerateNamesFilesAfterTheirDepartment: each file is named after
// the department it holds.
func TestGenerateNamesFilesAfterTheirDepartment(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "generate", "10", "-o", dir, "--seed", "3"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	if len(files) != 10 {
		t.Fatalf("%d files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, problems := jixiao.Decode(f, data, render.DefaultTemplate().Domain())
		if len(problems) > 0 {
			t.Fatalf("%s: %v", f, problems)
		}
		if name := filepath.Base(f); !strings.HasSuffix(name, "-"+r.Department()+".toml") {
			t.Errorf("%s holds %s", name, r.Department())
		}
	}
}

// TestGenerateStopsOnInterrupt: Ctrl-C stops a long generate at once.
func TestGenerateStopsOnInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errs bytes.Buffer
	c := &cli{ctx: ctx, stdout: &out, stderr: &errs}
	dir := t.TempDir()
	if code := c.main([]string{"generate", "1000000", "-o", dir}); code != exitInterrupted || !strings.Contains(errs.String(), "interrupted after 0 of 1000000") {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}
