package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao/cmd/jixiao/internal/gen"
)

// TestSameNamesInSeveralFolders: forms of the same name in several
// arguments each keep their outputs, mirrored under -o, and the summary
// tells them apart.
func TestSameNamesInSeveralFolders(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "y2021", "档案馆.toml"), []byte(gen.Form(7, 0)))
	writeFile(t, filepath.Join(dir, "y2022", "档案馆.toml"), []byte(gen.Form(7, 1)))
	writeFile(t, filepath.Join(dir, "a", "form.toml"), []byte(gen.Form(7, 2)))
	writeFile(t, filepath.Join(dir, "b", "form.toml"), []byte(gen.Form(7, 3)))
	t.Chdir(dir)
	code, stdout, stderr := run(t, "render", "y2021/", "y2022", "a/form.toml", "b/form.toml", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "4 forms: 4 rendered (8 files), 0 up to date, 0 refused") {
		t.Errorf("stdout %q", stdout)
	}
	var pdfs []string
	for _, f := range filesUnder(out) {
		if strings.HasSuffix(f, ".pdf") {
			rel, _ := filepath.Rel(out, f)
			pdfs = append(pdfs, filepath.ToSlash(rel))
		}
	}
	slices.Sort(pdfs)
	if want := []string{"a/form.pdf", "b/form.pdf", "y2021/档案馆.pdf", "y2022/档案馆.pdf"}; !slices.Equal(pdfs, want) {
		t.Errorf("PDFs %q, want %q", pdfs, want)
	}
	var files []string
	for _, r := range summaryDepartments(t, filepath.Join(out, "汇总表.xlsx")) {
		for _, c := range r {
			if strings.HasSuffix(c, ".toml") {
				files = append(files, c)
			}
		}
	}
	for _, want := range []string{"y2021/档案馆.toml", "y2022/档案馆.toml", "a/form.toml", "b/form.toml"} {
		if !slices.Contains(files, filepath.FromSlash(want)) {
			t.Errorf("the summary's 源文件 %q lack %s", files, want)
		}
	}
}

// TestOutputClashRefused: outputs that would still overwrite each other
// are refused before anything is written.
func TestOutputClashRefused(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string
		clash string
	}{
		{"case", []string{"Form.toml", "form.TOML"}, "would both write"},
		{"summary", []string{"汇总表.toml", "other.toml"}, "the summary and"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
			for i, f := range c.files {
				writeFile(t, filepath.Join(dir, f), []byte(gen.Form(7, i)))
			}
			code, _, stderr := run(t, "render", dir, "-o", out)
			if code != exitUsage || !strings.Contains(stderr, c.clash) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.clash)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was created: %q", out, filesUnder(out))
			}
		})
	}
}

// TestOutputIsAFile: -o naming a file is one usage error, not one error
// per form.
func TestOutputIsAFile(t *testing.T) {
	dir := t.TempDir()
	writeForms(t, dir, 3, nil)
	file := filepath.Join(t.TempDir(), "out.pdf")
	writeFile(t, file, []byte("not a folder"))
	code, stdout, stderr := run(t, "render", dir, "-o", file)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "not a folder") || strings.Count(stderr, "\n") != 2 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestUnreadableSubfolder: a folder that cannot be read is one problem;
// the other forms are rendered. Hidden files and lock files are skipped.
func TestUnreadableSubfolder(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	writeForms(t, dir, 4, nil)
	locked := filepath.Join(dir, "锁定")
	writeFile(t, filepath.Join(locked, "x.toml"), []byte(gen.Form(7, 9)))
	for _, junk := range []string{".#档案馆.toml", "~$档案馆.toml", ".hidden/y.toml"} {
		writeFile(t, filepath.Join(dir, "市直", junk), []byte("not a form"))
	}
	readDir = func(name string) ([]os.DirEntry, error) {
		if name == locked {
			return nil, &os.PathError{Op: "open", Path: name, Err: errors.New("permission denied")}
		}
		return os.ReadDir(name)
	}
	t.Cleanup(func() { readDir = os.ReadDir })
	code, stdout, stderr := run(t, "render", dir, "-o", out)
	if code != exitProblems {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "4 forms: 4 rendered (8 files)") {
		t.Errorf("stdout %q", stdout)
	}
	if want := locked + ":1:1: error: cannot read this folder: permission denied\n"; !strings.Contains(stderr, want) || strings.Count(stderr, "error:") != 1 {
		t.Errorf("stderr %q; want one problem: %q", stderr, want)
	}
	code, stdout, _ = run(t, "check", dir)
	if code != exitProblems || !strings.Contains(stdout, "4 files: 4 without errors") {
		t.Errorf("check: exit %d, stdout %q", code, stdout)
	}
}

// TestCheckJSONListsUnreadArguments: --json lists an argument that could
// not be read, with its problem, among the files.
func TestCheckJSONListsUnreadArguments(t *testing.T) {
	code, stdout, _ := run(t, "check", "--json", "no-such-folder", sample)
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if code != exitProblems || len(out.Files) != 2 || out.Files[0].File != "no-such-folder" || out.Files[0].Errors != 1 ||
		!strings.Contains(out.Files[0].Problems[0].Message, "no such file") || out.Files[1].Score == nil {
		t.Errorf("exit %d: %+v", code, out)
	}
}
