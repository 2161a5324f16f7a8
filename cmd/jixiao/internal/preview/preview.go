// Package preview serves a live preview of a form: a local web page showing
// its pages as images and the problems 'jixiao check' finds, rebuilt and
// pushed to the page (Server-Sent Events) whenever the data file, the
// template or a font it names changes on disk.
//
// The files: preview.go rebuilds; run.go ties the parts together;
// watch.go watches the files; debounce.go turns a burst of events into one
// rebuild; images.go draws the pages that changed; state.go keeps the
// versions and the last good output; output.go makes the downloads;
// server.go and page.go (page.html, page.js) serve the page.
package preview

import (
	"fmt"
	"io"
	"sync"
	"time"

	"jixiao"
	"jixiao/render"
)

// Build is what reading, checking and laying out the files gave.
type Build struct {
	Doc      *render.Document // nil when there are errors; it carries its fonts and styles
	Problems jixiao.Problems
	// Watch lists the files whose change calls for a rebuild: the data,
	// the template, its font files. Nil keeps the list of the last build,
	// as a template that does not parse names no fonts.
	Watch []string
}

// Config says what to preview and how.
type Config struct {
	Build func() Build // reads the files afresh at each call
	Name  string       // the form's name: the page's title, the downloads' base name
	DPI   float64      // resolution of the page images
	// Encode writes a document as "pdf" or "xlsx", as 'jixiao render' does.
	Encode func(w io.Writer, format string, doc *render.Document) error
	Log    io.Writer // one status line per rebuild; nil for none

	Addr  string        // for Run: host:port to listen on; port 0 picks a free one
	Watch []string      // for Run: the files to watch from the start; builds may add more
	Quiet time.Duration // for Run: the debounce; zero means DefaultQuiet
	// Ready is called once the page is served, with its addresses: the
	// one to open first, then, on every interface, the machine's others.
	Ready func(urls []string)
}

// DefaultQuiet is how long the files must stay untouched before a rebuild:
// long enough to gather one save's events, short enough not to be felt.
const DefaultQuiet = 50 * time.Millisecond

// Preview rebuilds a form and holds its versions.
type Preview struct {
	cfg   Config
	state *State

	mu     sync.Mutex // one rebuild at a time
	watch  []string   // the files the last build asked to watch
	images imageCache
}

// New returns a preview that has built nothing yet: call Rebuild.
func New(cfg Config) *Preview {
	return &Preview{cfg: cfg, state: NewState()}
}

// State is the preview's versions.
func (p *Preview) State() *State { return p.state }

// Rebuild reads the files, checks, lays out and draws the form, publishes
// the result as the next version, and prints a status line.
func (p *Preview) Rebuild() Snapshot {
	p.mu.Lock()
	defer p.mu.Unlock()
	start := time.Now()
	b := p.cfg.Build()
	if b.Watch != nil {
		p.watch = b.Watch
	}
	res := build{at: start, problems: b.Problems}
	if b.Doc != nil && b.Problems.Errors() == 0 {
		laid := time.Now()
		pages, drawn, err := p.images.render(b.Doc, p.cfg.DPI)
		if err != nil {
			res.problems = append(res.problems, jixiao.Problem{File: p.cfg.Name, Severity: jixiao.Error,
				Message: fmt.Sprintf("drawing the pages: %v", err)})
		} else {
			res.out = &Output{Pages: pages, Drawn: drawn, Layout: laid.Sub(start), Images: time.Since(laid),
				doc: b.Doc, encode: p.cfg.Encode}
		}
	}
	res.took = time.Since(start)
	snap := p.state.publish(res)
	p.status(snap)
	return snap
}

// watched is the list of files the last build asked to watch.
func (p *Preview) watched() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.watch
}

// status prints one line: how long the rebuild took, and what it found.
func (p *Preview) status(s Snapshot) {
	if p.cfg.Log == nil {
		return
	}
	detail := ""
	if !s.Stale() {
		detail = fmt.Sprintf(" (layout %d ms, images %d ms, %d of %d pages redrawn)",
			s.Good.Layout.Milliseconds(), s.Good.Images.Milliseconds(), s.Good.Drawn, len(s.Good.Pages))
	}
	line := fmt.Sprintf("%s rebuilt in %d ms%s: %s, %s", s.Built.Format(time.TimeOnly), s.Took.Milliseconds(), detail,
		plural(s.Problems.Errors(), "error"), plural(s.Problems.Warnings(), "warning"))
	switch {
	case s.Good == nil:
		line += "; nothing to show yet"
	case s.Stale():
		line += fmt.Sprintf("; showing version %d, the last good one", s.Good.Version)
	}
	fmt.Fprintln(p.cfg.Log, line)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
