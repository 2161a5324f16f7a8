package preview

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"jixiao"
)

// TestErrorsKeepLastGood: a build with errors keeps the images of the last
// good one and lists its errors, each with its line; the next good build
// replaces both.
func TestErrorsKeepLastGood(t *testing.T) {
	path := sampleFile(t)
	var log strings.Builder
	p := New(Config{Build: fileBuild(t, path), Name: "form", DPI: 30, Log: &log})
	srv := httptest.NewServer(NewServer(p))
	defer srv.Close()
	client := srv.Client()

	first := p.Rebuild()
	if first.Version != 1 || first.Stale() || first.Problems.Errors() != 0 {
		t.Fatalf("first build: version %d, stale %v, problems %v", first.Version, first.Stale(), first.Problems)
	}
	_, _, good := get(t, client, srv.URL+"/page/1?v=1")
	if !bytes.HasPrefix(good, pngSignature) {
		t.Fatalf("page 1 is not a PNG: %.20q", good)
	}

	for _, bad := range []struct{ name, old, new, want string }{
		{"score over its weight", "score = 9 ", "score = 12", "form.toml:15:9: error: funds.score (得分)"},
		{"syntax", "year = 2020", "year = = 2020", "form.toml:5:8: error: TOML syntax"},
		{"missing glyph", `department = "益阳市工业和信息化局"`, `department = "益阳市😀局"`, "form.toml:6:14: error: department (预算部门): the font"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			editFile(t, path, bad.old, bad.new)
			defer editFile(t, path, bad.new, bad.old)
			snap := p.Rebuild()
			if !snap.Stale() || snap.Good.Version != 1 {
				t.Fatalf("version %d shows version %d, want the last good one, 1", snap.Version, snap.Good.Version)
			}
			for _, url := range []string{"/page/1?v=1", "/page/1"} {
				if _, _, img := get(t, client, srv.URL+url); !bytes.Equal(img, good) {
					t.Errorf("%s is not the last good image", url)
				}
			}
			_, _, body := get(t, client, srv.URL+"/problems")
			var v view
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatal(err)
			}
			if v.Version != snap.Version || v.Good != 1 || !v.Stale || v.Errors == 0 {
				t.Errorf("/problems: %s", body)
			}
			if len(v.Problems) == 0 || !strings.Contains(v.Problems[0].Text, bad.want) {
				t.Errorf("/problems lists %+v, want %q", v.Problems, bad.want)
			}
			_, _, page := get(t, client, srv.URL+"/")
			if !strings.Contains(string(page), bad.want) || !strings.Contains(string(page), `src="/page/1?v=1"`) {
				t.Errorf("the page does not show the error above the last good image:\n%s", page)
			}
			if !strings.Contains(log.String(), "1 error, 0 warnings; showing version 1, the last good one") {
				t.Errorf("status line:\n%s", log.String())
			}
		})
	}

	editFile(t, path, `department = "益阳市工业和信息化局"`, `department = "益阳市财政局"`)
	fixed := p.Rebuild()
	if fixed.Stale() || fixed.Good.Version != fixed.Version || len(fixed.Problems) != 0 {
		t.Fatalf("fixed: version %d shows %d; problems %v", fixed.Version, fixed.Good.Version, fixed.Problems)
	}
	_, _, img := get(t, client, srv.URL+"/page/1?v="+itoa(fixed.Version))
	if !bytes.HasPrefix(img, pngSignature) || bytes.Equal(img, good) {
		t.Error("the fixed version's page 1 is not a new image")
	}
	if _, _, img := get(t, client, srv.URL+"/page/2?v="+itoa(fixed.Version)); !bytes.HasPrefix(img, pngSignature) {
		t.Error("page 2 of the fixed version is not a PNG")
	}
	if fixed.Good.Drawn != 1 {
		t.Errorf("the department's name is on page 1 only, yet %d pages were redrawn", fixed.Good.Drawn)
	}
}

// TestDraftOnlyUntilGood: a draft is shown while there is no good version,
// a newer draft replaces it, a good version replaces it, and no draft ever
// replaces a good version.
func TestDraftOnlyUntilGood(t *testing.T) {
	s := NewState()
	errs := jixiao.Problems{{Severity: jixiao.Error}}
	if snap := s.publish(build{problems: errs, out: &Output{Draft: true}}); snap.Good == nil || !snap.Good.Draft || snap.Good.Version != 1 {
		t.Fatalf("first draft: %+v", snap.Good)
	}
	if snap := s.publish(build{problems: errs, out: &Output{Draft: true}}); snap.Good.Version != 2 {
		t.Errorf("newer draft: version %d shown", snap.Good.Version)
	}
	if snap := s.publish(build{out: &Output{}}); snap.Good.Draft || snap.Good.Version != 3 {
		t.Errorf("good: %+v", snap.Good)
	}
	if snap := s.publish(build{problems: errs, out: &Output{Draft: true}}); snap.Good.Draft || snap.Good.Version != 3 || !snap.Stale() {
		t.Errorf("a draft after a good version: %+v", snap.Good)
	}
}
