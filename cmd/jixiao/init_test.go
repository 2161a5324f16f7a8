package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jixiao"
	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/render"
	"jixiao/templates"
)

// TestInitForm: the blank form holds every key of the format (commented-out
// keys count), and checks with only the errors of a form not filled in.
func TestInitForm(t *testing.T) {
	code, form, errs := run(t, "init")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, f := range render.DefaultTemplate().Domain().AllFields() {
		name := f.Key[strings.LastIndexByte(f.Key, '.')+1:]
		var re *regexp.Regexp
		switch f.Kind {
		case jixiao.KindTable:
			re = regexp.MustCompile(`(?m)^\s*\[` + regexp.QuoteMeta(f.Key) + `\]`)
		case jixiao.KindTables:
			re = regexp.MustCompile(`(?m)^\s*\[\[` + regexp.QuoteMeta(f.Key) + `\]\]`)
		default:
			re = regexp.MustCompile(`(?m)^\s*(# )?` + regexp.QuoteMeta(name) + `\s*=`)
		}
		if !re.MatchString(form) {
			t.Errorf("the blank form has no %s (%s)", f.Key, f.Label)
		}
	}
	blank := map[string]bool{ // what a blank form leaves to fill in
		"year": true, "department": true, "funds.annual_budget": true, "funds.weight": true,
		"goals.expected": true, "goals.achieved": true,
		"indicators[0].groups[0].items[0].name": true, "indicators[0].groups[0].items[0].target": true,
		"indicators[0].groups[0].items[0].actual": true,
	}
	// With its commented-out keys written in, the form still has no key the
	// format does not know.
	uncommented := regexp.MustCompile(`(?m)^(\s*)# (\w+ = )`).ReplaceAllString(form, "$1$2")
	if uncommented == form {
		t.Fatal("the blank form has no commented-out keys")
	}
	for name, src := range map[string]string{"as written": form, "uncommented": uncommented} {
		_, problems := jixiao.Check("blank.toml", []byte(src), render.DefaultTemplate().Domain())
		if len(problems) == 0 {
			t.Errorf("%s: a blank form checks clean", name)
		}
		for _, p := range problems {
			if p.Severity != jixiao.Error || !blank[p.Path] || strings.Contains(p.Message, "missing") ||
				strings.Contains(p.Message, "unknown key") || strings.Contains(p.Message, "TOML syntax") {
				t.Errorf("%s: unexpected problem in the blank form: %v", name, p)
			}
		}
	}
}

// TestInitFile: init FILE writes the form, keeps an existing file unless
// --force (before or after FILE) is given.
func TestInitFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "form.toml")
	blank := gen.Blank(render.DefaultTemplate())

	code, out, errs := run(t, "init", path)
	if code != 0 || out != "wrote "+path+"\n" || errs != "" {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != string(blank) {
		t.Fatal("init wrote something else than the blank form")
	}

	writeFile(t, path, []byte("filled in"))
	code, out, errs = run(t, "init", path)
	if code != 1 || out != "" || errs != "jixiao init: "+path+" exists; use --force to overwrite it\n" {
		t.Errorf("init over a file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != "filled in" {
		t.Fatal("init overwrote a file without --force")
	}

	for _, args := range [][]string{{"init", "--force", path}, {"init", path, "--force"}} {
		writeFile(t, path, []byte("filled in"))
		if code, _, errs := run(t, args...); code != 0 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if got, _ := os.ReadFile(path); string(got) != string(blank) {
			t.Errorf("%v did not overwrite", args)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("init left %d files in the folder; want 1", len(entries))
	}

	if code, _, errs := run(t, "init", "a.toml", "b.toml"); code != 2 || !strings.Contains(errs, "expected one FILE, got 2") {
		t.Errorf("init with two files: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := run(t, "init", filepath.Join(dir, "no-such-folder", "f.toml")); code != 1 || errs == "" {
		t.Errorf("init into a missing folder: exit %d, stderr %q", code, errs)
	}
}

func TestTemplateCommand(t *testing.T) {
	want, err := templates.FS.ReadFile(templates.Form2020)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "template")
	if code != 0 || out != string(want) || errs != "" {
		t.Errorf("template: exit %d, stderr %q, %d bytes on stdout", code, errs, len(out))
	}
	path := filepath.Join(t.TempDir(), "my.toml")
	if code, _, _ := run(t, "template", path); code != 0 {
		t.Fatalf("template FILE: exit %d", code)
	}
	if got, _ := os.ReadFile(path); string(got) != string(want) {
		t.Error("template FILE wrote something else")
	}
	if code, _, errs := run(t, "template", path); code != 1 || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("template over a file: exit %d, stderr %q", code, errs)
	}
	// The written template is what check --template reads.
	if code, out, errs := run(t, "check", "--template", path, sample); code != 0 || !strings.Contains(out, "总分 98  等级 优") {
		t.Errorf("check --template: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
