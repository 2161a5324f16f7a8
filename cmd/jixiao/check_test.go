package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../samples/yiyang-2020.toml"

func TestCheckSample(t *testing.T) {
	code, out, errs := run(t, "check", sample)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := sample + ": 益阳市工业和信息化局 2020年度\n" +
		"  执行率 90%  预算执行得分 9/10\n" +
		"  产出指标 49/50  效益指标 30/30  满意度指标 10/10\n" +
		"  总分 98  等级 优\n"
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

// TestCheckBadFiles runs `check` on every file of testdata/bad: its stderr
// is the golden file, and it exits 1 when the golden file holds an error.
func TestCheckBadFiles(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	if len(files) == 0 {
		t.Fatal("no bad files")
	}
	t.Chdir(dir) // so that messages name the files as the golden files do
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			golden, err := os.ReadFile(strings.TrimSuffix(name, ".toml") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			wantCode := 0
			if strings.Contains(string(golden), ": error: ") {
				wantCode = 1
			}
			code, out, errs := run(t, "check", name)
			if code != wantCode {
				t.Errorf("exit %d; want %d", code, wantCode)
			}
			if errs != string(golden) {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, golden)
			}
			if !strings.HasPrefix(out, name+": ") {
				t.Errorf("stdout %q", out)
			}
		})
	}
}

func TestCheckFolder(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a.toml"), good)
	writeFile(t, filepath.Join(dir, "b.toml"), []byte("year = 1999\n"))
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("not a form"))
	writeFile(t, filepath.Join(dir, ".hidden", "c.toml"), []byte("x"))
	code, out, errs := run(t, "check", dir)
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	if !strings.HasSuffix(out, "2 files: 1 without errors, 1 with errors\n") || !strings.Contains(out, "总分 98") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(errs, filepath.Join(dir, "b.toml")+":1:8: error: year (年度): 1999 is not a plausible year") || strings.Contains(errs, "a.toml") {
		t.Errorf("stderr:\n%s", errs)
	}
	empty := t.TempDir()
	if code, _, errs := run(t, "check", empty); code != 1 || !strings.Contains(errs, "no forms (.toml, .xlsx, .docx)") {
		t.Errorf("empty folder: exit %d, stderr %q", code, errs)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"check"}, 2, "jixiao check: no files to check"},
		{[]string{"check", "--nope", sample}, 2, "flag provided but not defined: -nope"},
		{[]string{"check", sample, "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"check", "--json=maybe", sample}, 2, "invalid boolean value"},
		{[]string{"check", "--template", "no-such-template.toml", sample}, 2, "no-such-template.toml"},
		{[]string{"check", "no-such-file.toml"}, 1, "no-such-file.toml:1:1: error: cannot read: no such file or directory"},
		{[]string{"check", "--", "--json"}, 1, "--json:1:1: error: cannot read: no such file or directory"},
	} {
		code, _, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.err)
		}
	}
}

type jsonOut struct {
	Files []struct {
		File     string `json:"file"`
		Errors   int    `json:"errors"`
		Warnings int    `json:"warnings"`
		Problems []struct {
			File     string `json:"file"`
			Pos      struct{ Line, Col int }
			Severity string `json:"severity"`
			Path     string `json:"path"`
			Label    string `json:"label"`
			Message  string `json:"message"`
		} `json:"problems"`
		Score *struct {
			Department string  `json:"department"`
			Year       int     `json:"year"`
			Rate       float64 `json:"execution_rate_percent"`
			ExecScore  float64 `json:"execution_score"`
			Total      float64 `json:"total"`
			Grade      string  `json:"grade"`
			Deductions int     `json:"deductions"`
			Rounding   string  `json:"rounding"`
			Exact      struct {
				Rate      json.Number `json:"execution_rate_percent"`
				ExecScore json.Number `json:"execution_score"`
				Total     json.Number `json:"total"`
			} `json:"exact"`
			Indicators []struct {
				Name   string  `json:"name"`
				Weight float64 `json:"weight"`
				Score  float64 `json:"score"`
			} `json:"indicators"`
		} `json:"score"`
	} `json:"files"`
}

// TestCheckJSON: --json, also after the file, prints the scores and
// problems as JSON on stdout and nothing on stderr.
func TestCheckJSON(t *testing.T) {
	for _, args := range [][]string{{"check", "--json", sample}, {"check", sample, "--json"}} {
		code, out, errs := run(t, args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
		}
		if !strings.Contains(out, `"problems": []`) {
			t.Errorf("no problems should be an empty array:\n%s", out)
		}
		var got jsonOut
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if len(got.Files) != 1 || got.Files[0].Score == nil {
			t.Fatalf("%v: %s", args, out)
		}
		f, s := got.Files[0], got.Files[0].Score
		if f.File != sample || f.Errors != 0 || f.Warnings != 0 || s.Rate != 90 || s.ExecScore != 9 || s.Total != 98 ||
			s.Grade != "优" || s.Department != "益阳市工业和信息化局" || s.Year != 2020 || s.Deductions != 1 {
			t.Errorf("%v: %+v %+v", args, f, s)
		}
		if len(s.Indicators) != 3 || s.Indicators[0].Name != "产出指标" || s.Indicators[0].Score != 49 || s.Indicators[0].Weight != 50 {
			t.Errorf("%v: indicators %+v", args, s.Indicators)
		}
		// The printed figures above; the exact ones to two decimals.
		if s.Rounding != "printed" || s.Exact.Rate != "90.1" || s.Exact.ExecScore != "9.01" || s.Exact.Total != "98.01" {
			t.Errorf("%v: rounding %q, exact %+v", args, s.Rounding, s.Exact)
		}
	}
}

func TestCheckJSONProblems(t *testing.T) {
	t.Chdir("../../testdata/bad")
	code, out, errs := run(t, "check", "--json", "weights.toml", "empty.toml")
	if code != 1 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got jsonOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 2 || got.Files[0].Errors != 6 || got.Files[1].Score != nil {
		t.Fatalf("%s", out)
	}
	p := got.Files[0].Problems[3]
	if p.File != "weights.toml" || p.Pos.Line != 41 || p.Pos.Col != 10 || p.Severity != "error" || p.Path != "indicators[0].weight" || p.Label != "分值" ||
		p.Message != "50 is not the sum of its 二级指标 分值 (12 + 20 + 10 + 10 = 52)" {
		t.Errorf("problem %+v", p)
	}
	if s := got.Files[0].Score; s == nil || s.ExecScore != 7 || s.Total != 96 {
		t.Errorf("score %+v", s)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
