package preview

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"time"

	"golang.org/x/text/language"

	"jixiao"
)

var (
	//go:embed page.html
	pageHTML string
	//go:embed page.js
	pageJS string

	pageTemplate = template.Must(template.New("page").Parse(pageHTML))

	// The page runs its own script and nothing else: the policy names the
	// script by its hash, so no injected text could ever run.
	pagePolicy = "default-src 'none'; img-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
		"script-src 'sha256-" + hash(pageJS) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// view is a snapshot as the page shows it, and as /problems sends it.
type view struct {
	Version  int           `json:"version"`
	Good     int           `json:"good"` // the version of the images; 0 when none
	Pages    int           `json:"pages"`
	Stale    bool          `json:"stale"` // the latest build failed: the images are older
	Draft    bool          `json:"draft"` // the images are of a draft, marked 草稿
	Built    string        `json:"built"`
	Took     int64         `json:"ms"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Problems []problemView `json:"problems"`
	// StatusText is the line above the pages, in the reader's language;
	// the page shows it as it is.
	StatusText string `json:"status"`

	lang language.Tag
}

type problemView struct {
	Severity jixiao.Severity `json:"severity"`
	Line     int             `json:"line"`
	Text     string          `json:"text"` // as 'jixiao check' prints it: FILE:LINE:COL: ...
}

func newView(s Snapshot, lang language.Tag) view {
	v := view{Version: s.Version, Stale: s.Stale(), Took: s.Took.Milliseconds(),
		Errors: s.Problems.Errors(), Warnings: s.Problems.Warnings(), Problems: []problemView{}, lang: lang}
	if !s.Built.IsZero() {
		v.Built = s.Built.Format(time.TimeOnly)
	}
	if s.Good != nil {
		v.Good, v.Pages, v.Draft = s.Good.Version, len(s.Good.Pages), s.Good.Draft
	}
	for _, p := range s.Problems {
		v.Problems = append(v.Problems, problemView{Severity: p.Severity, Line: p.Pos.Line, Text: p.Line(lang)})
	}
	v.StatusText = v.Status()
	return v
}

// Status is the line above the pages, in the reader's language.
func (v view) Status() string {
	tr := func(format string, args ...any) string { return jixiao.Sprintf(v.lang, format, args...) }
	s := tr("version %d, built %s in %d ms: %s, %s", v.Version, v.Built, v.Took,
		plural(v.lang, v.Errors, "%d error", "%d errors"), plural(v.lang, v.Warnings, "%d warning", "%d warnings"))
	switch {
	case v.Good == 0:
		s += tr("; nothing to show until the errors are fixed")
	case v.Draft:
		s += tr("; showing a draft (marked 草稿) until the errors are fixed")
	case v.Stale:
		s += tr("; showing version %d, the last good one", v.Good)
	}
	return s
}

// PageNumbers counts 1..Pages, for the template.
func (v view) PageNumbers() []int {
	n := make([]int, v.Pages)
	for i := range n {
		n[i] = i + 1
	}
	return n
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	snap, _ := s.p.state.Current()
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, struct {
		Name string
		View view
		JS   template.JS
	}{s.p.cfg.Name, newView(snap, s.p.cfg.Lang), template.JS(pageJS)})
	if err != nil {
		http.Error(w, "page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", pagePolicy)
	_, _ = w.Write(b.Bytes())
}
