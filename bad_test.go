package jixiao

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
			var got bytes.Buffer
			for _, p := range problems {
				got.WriteString(p.String() + "\n")
			}
			golden := strings.TrimSuffix(path, ".toml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("problems:\n%s\nwant (%s):\n%s", got.Bytes(), golden, want)
			}
		})
	}
}

// TestGoldenFilesHaveInputs catches a golden file left behind by a renamed
// or deleted bad file.
func TestGoldenFilesHaveInputs(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/bad/*.golden")
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".toml"); err != nil {
			t.Errorf("%s has no .toml", g)
		}
	}
}
