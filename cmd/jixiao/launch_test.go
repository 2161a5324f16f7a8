package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDecideLaunch(t *testing.T) {
	paths := map[string]bool{"form.toml": true, "forms": true, "render": true}
	isPath := func(p string) bool { return paths[p] }
	for _, c := range []struct {
		args         []string
		fromExplorer bool
		want         launch
	}{
		// From a shell, the command line runs as typed, even bare paths.
		{nil, false, launch{}},
		{[]string{"form.toml"}, false, launch{args: []string{"form.toml"}}},
		{[]string{"check", "form.toml"}, false, launch{args: []string{"check", "form.toml"}}},
		// Double-clicked: explain, then wait.
		{nil, true, launch{explain: true, wait: true}},
		// Dropped: render what was dropped, then wait.
		{[]string{"form.toml"}, true, launch{args: []string{"render", "form.toml"}, wait: true}},
		{[]string{"form.toml", "forms"}, true, launch{args: []string{"render", "form.toml", "forms"}, wait: true}},
		// A path that does not exist is no drop: run it as typed (its
		// error is shown), then wait.
		{[]string{"form.toml", "gone.toml"}, true, launch{args: []string{"form.toml", "gone.toml"}, wait: true}},
		// A command word wins over a file of that name.
		{[]string{"render"}, true, launch{args: []string{"render"}, wait: true}},
		{[]string{"check", "form.toml"}, true, launch{args: []string{"check", "form.toml"}, wait: true}},
	} {
		got := decideLaunch(c.args, c.fromExplorer, isPath)
		if got.explain != c.want.explain || got.wait != c.want.wait || !slices.Equal(got.args, c.want.args) {
			t.Errorf("decideLaunch(%q, %v) = %+v, want %+v", c.args, c.fromExplorer, got, c.want)
		}
	}
}

// launchRun runs launchMain in-process with stdin holding one Enter, on a
// Chinese system, as the office PCs it is for.
func launchRun(t *testing.T, fromExplorer bool, args ...string) (code int, stdout, stderr string, stdin *strings.Reader) {
	t.Helper()
	var out, errs bytes.Buffer
	stdin = strings.NewReader("\n")
	c := &cli{stdout: &out, stderr: &errs, stdin: stdin, env: envOf(map[string]string{"LANG": "zh_CN.UTF-8"})}
	code = c.launchMain(args, fromExplorer)
	return code, out.String(), errs.String(), stdin
}

func TestDoubleClickExplainsAndWaits(t *testing.T) {
	code, out, _, stdin := launchRun(t, true)
	if code != exitOK || !strings.Contains(out, "拖到 jixiao.exe") || !strings.HasSuffix(out, "按回车键关闭窗口。") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	if stdin.Len() != 0 {
		t.Error("did not wait for Enter")
	}
	// From a shell, no arguments is a usage error, and nothing waits.
	code, out, errs, stdin := launchRun(t, false)
	if code != exitUsage || out != "" || !strings.Contains(errs, "用法：") || stdin.Len() != 1 {
		t.Errorf("from a shell: exit %d, stdout %q, stdin left %d", code, out, stdin.Len())
	}
}

func TestDropRendersBesideAndWaits(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "表单.toml")
	if err := os.WriteFile(form, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs, stdin := launchRun(t, true, form)
	if code != exitOK || !strings.HasSuffix(out, "完成。按回车键关闭窗口。") || stdin.Len() != 0 {
		t.Errorf("exit %d, stdin left %d, stdout:\n%s\nstderr:\n%s", code, stdin.Len(), out, errs)
	}
	for _, ext := range []string{".pdf", ".xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, "表单"+ext)); err != nil {
			t.Errorf("no %s beside the dropped form: %v", ext, err)
		}
	}
}

func TestDropOfABadFormShowsItsProblems(t *testing.T) {
	form := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(form, []byte("year = \"twenty\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs, stdin := launchRun(t, true, form)
	if code != exitProblems || !strings.Contains(errs, "bad.toml") || !strings.HasSuffix(out, "有问题，见上面的说明。按回车键关闭窗口。") || stdin.Len() != 0 {
		t.Errorf("exit %d, stdin left %d, stdout:\n%s\nstderr:\n%s", code, stdin.Len(), out, errs)
	}
}
