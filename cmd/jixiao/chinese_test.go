package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"jixiao/render"
)

// asciiWord is what the test counts as an English word: two letters or
// more (a lone letter is an exponent or a column).
var asciiWord = regexp.MustCompile(`[A-Za-z][A-Za-z_]+`)

// chineseAllowed are the ASCII words a Chinese message may hold: the
// program's and the format's names, and what an officer types as it is.
var chineseAllowed = []string{"jixiao", "init", "TOML", "UTF", "MB"}

// TestCheckSpeaksChinese runs `jixiao check` on every bad file on a
// Chinese system: what it prints holds no English word but the file's own
// keys and values, its name, and the names in chineseAllowed.
func TestCheckSpeaksChinese(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/bad/*.toml")
	if len(files) < 30 {
		t.Fatalf("%d bad files", len(files))
	}
	keys := map[string]bool{} // the form's keys, as messages name what to type
	for _, f := range render.DefaultTemplate().Domain().AllFields() {
		for _, k := range strings.Split(f.Key, ".") {
			keys[k] = true
		}
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var out, errs strings.Builder
		c := &cli{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), env: envOf(map[string]string{"LANG": "zh_CN.UTF-8"})}
		if code := c.main([]string{"check", path}); code != exitProblems {
			t.Errorf("%s: exit %d", path, code)
		}
		printed := out.String() + errs.String()
		words := hexCode.ReplaceAllString(strings.ReplaceAll(printed, path, ""), "")
		for _, w := range asciiWord.FindAllString(words, -1) {
			if !strings.Contains(string(data), w) && !slices.Contains(chineseAllowed, w) && !keys[w] {
				t.Errorf("%s: English word %q in:\n%s", filepath.Base(path), w, printed)
				break
			}
		}
	}
}

// hexCode is a character's or a byte's code: U+200B, 0xEC.
var hexCode = regexp.MustCompile(`(U\+|0x)[0-9A-Fa-f]+`)
