package jixiao

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// TestBadFiles checks every testdata/bad/X.toml against X.golden: the
// problems `jixiao check` prints for it, one per line. Run
// `go test -run TestBadFiles -update` to rewrite the golden files, then
// read the diff.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Errorf("%d bad files; want at least 30", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, problems := Check(name, data, form2020)
			if d := time.Since(start); d > time.Second*raceSlowdown {
				t.Errorf("Check took %v", d)
			}
			if len(problems) == 0 {
				t.Fatal("no problems in a bad file")
			}
			// X.golden in English, X.zh.golden in Chinese.
			for _, lang := range []struct {
				tag    language.Tag
				suffix string
			}{{English, ".golden"}, {Chinese, ".zh.golden"}} {
				var got bytes.Buffer
				for _, p := range problems {
					got.WriteString(p.Line(lang.tag) + "\n")
				}
				checkGolden(t, strings.TrimSuffix(path, ".toml")+lang.suffix, got.Bytes())
			}
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant (%s):\n%s", got, golden, want)
	}
}

// TestGoldenFilesHaveInputs catches a golden file left behind by a renamed
// or deleted bad file.
func TestGoldenFilesHaveInputs(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/bad/*.golden")
	for _, g := range goldens {
		base := strings.TrimSuffix(strings.TrimSuffix(g, ".golden"), ".zh")
		if _, err := os.Stat(base + ".toml"); err != nil {
			t.Errorf("%s has no .toml", g)
		}
	}
}
