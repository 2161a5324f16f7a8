package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// run runs the command line in-process and returns its exit status and
// what it wrote.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	c := &cli{stdout: &out, stderr: &errs, stdin: strings.NewReader("")}
	code = c.main(args)
	return code, out.String(), errs.String()
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		code, out, errs := run(t, args...)
		if code != 0 || !strings.HasPrefix(out, "jixiao ") || strings.Count(out, "\n") != 1 || errs != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args     []string
		code     int
		onStderr bool
	}{
		{[]string{"--help"}, 0, false},
		{[]string{"-h"}, 0, false},
		{[]string{"help"}, 0, false},
		{nil, 2, true},
	} {
		code, out, errs := run(t, c.args...)
		text := out
		if c.onStderr {
			text = errs
		}
		if code != c.code || !strings.Contains(text, "Commands:") {
			t.Errorf("%v: exit %d; stdout %q; stderr %q", c.args, code, out, errs)
			continue
		}
		for _, cmd := range []string{"check", "init", "template", "version", "help"} {
			if !strings.Contains(text, "\n  "+cmd+" ") {
				t.Errorf("%v: the usage does not list %s", c.args, cmd)
			}
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	code, out, errs := run(t, "chek", "x.toml")
	if code != 2 || out != "" || !strings.Contains(errs, `unknown command "chek"`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = run(t, "help", "chek")
	if code != 2 || !strings.Contains(errs, `unknown command "chek"`) {
		t.Errorf("help chek: exit %d, stderr %q", code, errs)
	}
}

// TestCommandHelp: `help CMD` and `CMD --help` print the same usage, on
// stdout, and exit 0.
func TestCommandHelp(t *testing.T) {
	for _, c := range []struct{ cmd, synopsis, flag string }{
		{"check", "Usage: jixiao check [flags] FILE|DIR...", "--json"},
		{"init", "Usage: jixiao init [flags] [FILE]", "--force"},
		{"template", "Usage: jixiao template [flags] [NAME] [FILE]", "--force"},
		{"version", "Usage: jixiao version [flags] ", "--help"},
	} {
		t.Run(c.cmd, func(t *testing.T) {
			code1, out1, errs1 := run(t, "help", c.cmd)
			code2, out2, errs2 := run(t, c.cmd, "--help")
			code3, out3, _ := run(t, c.cmd, "-h")
			if code1 != 0 || code2 != 0 || code3 != 0 || errs1 != "" || errs2 != "" {
				t.Fatalf("exit %d, %d, %d; stderr %q, %q", code1, code2, code3, errs1, errs2)
			}
			if out1 != out2 || out2 != out3 {
				t.Errorf("help %s and %s --help differ:\n%s\n---\n%s", c.cmd, c.cmd, out1, out2)
			}
			if !strings.HasPrefix(out1, c.synopsis) || !strings.Contains(out1, c.flag) {
				t.Errorf("help %s:\n%s", c.cmd, out1)
			}
		})
	}
}

// TestHelpFlagDashes: help writes one-letter flags with one dash and
// words with two, as the examples do; both spellings still parse.
func TestHelpFlagDashes(t *testing.T) {
	flagLine := regexp.MustCompile(`^  (-{1,2})([a-z-]+)\b`)
	for _, cmd := range commands {
		_, help, _ := run(t, "help", cmd.name)
		for _, l := range strings.Split(help, "\n") {
			m := flagLine.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			if want := map[bool]string{true: "-", false: "--"}[len(m[2]) == 1]; m[1] != want {
				t.Errorf("help %s: %q; want %s%s", cmd.name, l, want, m[2])
			}
		}
	}
	for _, q := range []string{"-q", "--q"} {
		if code, _, errs := run(t, "render", "--summary-only", q, "-o", t.TempDir(), "../../samples/"); code != exitOK {
			t.Errorf("render %s: exit %d, %s", q, code, errs)
		}
	}
}
