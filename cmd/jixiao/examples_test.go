package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"jixiao/templates"
)

// example is a command line found in the documentation.
type example struct {
	source string // where it was found
	line   string // e.g. "jixiao render samples/ -o out/"
}

// exampleLines finds the command lines in a text: lines that start with
// "jixiao " once indented, or after a shell's "go run ./cmd/jixiao",
// with what follows two spaces or a "#" dropped; or, with spans, the
// text between backquotes that starts with "jixiao ".
func exampleLines(source, text string, spans bool) []example {
	var out []example
	add := func(line string) {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, "  "); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" && !placeholder(line) {
			out = append(out, example{source, line})
		}
	}
	if spans {
		for _, m := range regexp.MustCompile("`(jixiao [^`]*)`").FindAllStringSubmatch(text, -1) {
			add(m[1])
		}
		return out
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		l = strings.Replace(l, "go run ./cmd/jixiao ", "jixiao ", 1)
		if strings.HasPrefix(l, "jixiao ") {
			add(l)
		}
	}
	return out
}

// placeholder tells a synopsis from an example: it names its arguments in
// capitals (FILE, DIR, N) or brackets what is optional.
func placeholder(line string) bool {
	for _, w := range strings.Fields(line) {
		if strings.ContainsAny(w, "[|") || strings.Contains(w, "...") || regexp.MustCompile(`^[A-Z]+$`).MatchString(w) {
			return true
		}
	}
	return false
}

// markdownCode is the text of the code blocks and code spans of a
// Markdown file.
func markdownCode(md string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "```") {
			in = !in
			continue
		}
		if in {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// allExamples gathers the examples of the usage, of every command's help,
// of the README and of the templates' comments.
func allExamples(t *testing.T) []example {
	var all []example
	var usage bytes.Buffer
	(&cli{}).usage(&usage)
	all = append(all, exampleLines("jixiao --help", usage.String(), false)...)
	for _, cmd := range commands {
		_, help, _ := run(t, "help", cmd.name)
		all = append(all, exampleLines("jixiao help "+cmd.name, help, false)...)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, exampleLines("README.md code blocks", markdownCode(string(readme)), false)...)
	all = append(all, exampleLines("README.md code spans", string(readme), true)...)
	names, err := templates.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, _ := templates.FS.ReadFile(n.Name())
		var comments strings.Builder
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "#") {
				comments.WriteString(strings.TrimLeft(l, "# ") + "\n")
			}
		}
		// A comment's command may wrap onto the next line.
		text := strings.ReplaceAll(comments.String(), "\n", " ")
		all = append(all, exampleLines("templates/"+n.Name(), text, true)...)
	}
	return all
}

// exampleFolder makes what the examples name: the sample as my-form.toml
// and form.toml, under samples/ and forms/, and the built-in template as
// my-template.toml and my.toml.
func exampleFolder(t *testing.T) string {
	dir := t.TempDir()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"samples/yiyang-2020.toml", "forms/yiyang-2020.toml", "forms/区县/yiyang-2020.toml", "my-form.toml", "form.toml"} {
		writeFile(t, filepath.Join(dir, f), src)
	}
	for _, f := range []string{"my-template.toml", "my.toml"} {
		writeFile(t, filepath.Join(dir, f), builtinFile(templates.Form2020))
	}
	return dir
}

// TestExamplesRun runs every example command line of the documentation,
// each in a folder of its own, and fails those that are usage errors.
// /tmp/ in an example is the test's folder; a preview is stopped once
// it serves its page.
func TestExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every example")
	}
	opened := 0
	openBrowser = func(string) { opened++ }
	t.Cleanup(func() { openBrowser = defaultOpenBrowser })
	examples := allExamples(t)
	found := map[string]int{}
	for _, ex := range examples {
		found[ex.source]++
	}
	for _, source := range []string{"jixiao --help", "jixiao help check", "jixiao help render", "jixiao help preview", "jixiao help generate",
		"jixiao help init", "jixiao help template", "README.md code blocks", "README.md code spans", "templates/fujian2-2020.toml"} {
		if found[source] == 0 {
			t.Errorf("no example found in %s", source)
		}
	}
	withOpen := 0
	for _, ex := range examples {
		if strings.Contains(ex.line, "--open") {
			withOpen++
		}
		t.Run(ex.source+": "+ex.line, func(t *testing.T) {
			dir := exampleFolder(t)
			t.Chdir(dir)
			for _, part := range strings.Split(ex.line, "&&") {
				line := strings.ReplaceAll(strings.TrimSpace(part), "/tmp/", dir+"/")
				args := strings.Fields(line)[1:]
				code, stderr := runExample(t, args)
				if code == exitUsage {
					t.Errorf("%s: exit 2\n%s", line, stderr)
				}
			}
		})
	}
	if opened != withOpen {
		t.Errorf("%d examples with --open opened the browser %d times", withOpen, opened)
	}
}

// runExample runs one command line in-process; a preview is interrupted
// once it prints its address, or after 20 s.
func runExample(t *testing.T, args []string) (int, string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := newSyncBuffer(), newSyncBuffer()
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr, stdin: strings.NewReader("")}
	exit := make(chan int, 1)
	go func() { exit <- c.main(args) }()
	if len(args) > 0 && args[0] == "preview" {
		deadline := time.Now().Add(20 * time.Second)
		for !strings.Contains(stdout.String(), "http://") && time.Now().Before(deadline) {
			select {
			case code := <-exit:
				return code, stderr.String()
			case <-time.After(10 * time.Millisecond):
			}
		}
		cancel()
	}
	return <-exit, stderr.String()
}
