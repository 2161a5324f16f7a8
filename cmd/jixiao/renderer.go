package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"jixiao"
	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/render"
	"jixiao/render/pdf"
	pngout "jixiao/render/png"
	"jixiao/render/summary"
	"jixiao/render/xlsx"
)

// renderer holds what every file of a run shares: the forms and their
// fonts, each loaded once. It is safe for concurrent use.
type renderer struct {
	engine         *render.Engine // --template FILE's, or the default form's; the 汇总表 follows it
	forms          *forms         // each file's form; nil: every file has engine's
	templateDigest string         // what the template is, for the stamps of --changed
}

func newRenderer(templatePath string) (*renderer, error) {
	tpl, err := loadTemplate(templatePath)
	if err != nil {
		return nil, err
	}
	var override *render.Template
	if templatePath != "" {
		override = tpl
	}
	fs := newForms(override)
	e, err := fs.engine(tpl)
	if err != nil {
		return nil, err
	}
	digest, err := templateDigest(templatePath, tpl)
	if err != nil {
		return nil, fmt.Errorf("reading the template: %w", err)
	}
	return &renderer{engine: e, forms: fs, templateDigest: digest}, nil
}

// check checks and scores one form and, when it has no errors, lays it
// out without drawing it: a character the fonts lack, a number too wide
// for its column, a form the template cannot paginate are found as render
// would find them, so what passes here, render accepts. Laying out costs
// about a millisecond.
func (r *renderer) check(name string, data []byte) (*jixiao.Scored, jixiao.Problems) {
	_, _, s, problems := r.layout(name, data)
	return s, problems
}

// layout checks and lays out one form with the engine of the form it
// names. The document is nil when the form has errors, the glyphs it uses
// included; the engine is nil when the file could not be read as far as
// its form.
func (r *renderer) layout(name string, data []byte) (*render.Engine, *render.Document, *jixiao.Scored, jixiao.Problems) {
	tpl, s, problems := r.checkForm(name, data)
	if tpl == nil {
		return nil, nil, s, problems
	}
	e := r.engine
	if r.forms != nil {
		var err error
		if e, err = r.forms.engine(tpl); err != nil {
			return nil, nil, s, append(problems, problemOf(name, "template", err))
		}
	}
	if problems.Errors() > 0 {
		return e, nil, s, problems
	}
	doc, glyphs := e.Layout(s, name)
	return e, doc, s, append(problems, glyphs...)
}

// checkForm checks one form by the form it names, and returns that form.
func (r *renderer) checkForm(name string, data []byte) (*render.Template, *jixiao.Scored, jixiao.Problems) {
	if r.forms == nil {
		s, problems := jixiao.Check(name, data, r.engine.Template.Domain())
		return r.engine.Template, s, problems
	}
	return r.forms.check(name, data)
}

// fileResult is what became of one input.
type fileResult struct {
	form     *render.Template // the form it was checked with; nil when unreadable
	in       input
	written  []string
	upToDate bool // skipped by --changed
	draft    bool // written as a marked draft (--draft)
	problems jixiao.Problems
	entry    summary.Entry
}

// renderFile checks one form and writes its outputs. It reads and keeps
// nothing beyond the one document, so a batch's memory does not grow with
// the number of files.
func (r *renderer) renderFile(ctx context.Context, in input, opt renderOptions) fileResult {
	res := fileResult{in: in}
	data, im, problems := r.readInput(ctx, nil, in.path)
	if problems != nil {
		res.problems = problems
		res.entry = newEntry(in, nil, res.problems)
		return res
	}
	base := in.outputBase(opt.outDir)
	stamp := r.stamp(data, opt)
	if opt.summaryOnly || opt.changed && upToDate(base, stamp, opt.formats) {
		e, _, s, problems := r.layout(in.path, data)
		if e != nil {
			res.form = e.Template
		}
		problems = im.locate(problems)
		res.problems, res.entry, res.upToDate = problems, newEntry(in, s, problems), !opt.summaryOnly
		return res
	}
	e, doc, s, problems := r.layout(in.path, data)
	if e != nil {
		res.form = e.Template
	}
	problems = im.locate(problems)
	res.problems, res.entry = problems, newEntry(in, s, problems)
	formats := opt.formats
	if doc == nil && opt.draft && e != nil && s != nil {
		if doc = draftLayout(e, s, in.path, problems); doc != nil {
			// A draft goes beside the good outputs, never over them, and
			// only as the marked PDF and images: an XLSX cannot carry the
			// mark on every printed page.
			base += ".draft"
			res.draft = true
			formats = slices.DeleteFunc(slices.Clone(formats), func(f string) bool { return f == "xlsx" })
		}
	}
	if doc == nil {
		return res
	}
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		res.problems = append(res.problems, outputProblem(in.path, err))
		return res
	}
	if err := removeStamp(base); err != nil {
		res.problems = append(res.problems, outputProblem(in.path, err))
		return res
	}
	for _, format := range formats {
		if out := outputs(base, format, 1)[0]; format != "png" && sameFile(out, in.path) {
			res.problems = append(res.problems, jixiao.NewProblem(in.path, jixiao.Pos{}, jixiao.Warning, "own-input", jixiao.T(msgOwnInput, out)))
			continue
		}
		written, err := writeFormat(base, format, doc, opt)
		res.written = append(res.written, written...)
		if err != nil {
			res.problems = append(res.problems, outputProblem(in.path, err))
		}
	}
	// A stamp beside outputs in their own folder (-o), or when asked for
	// (--changed); not beside a form rendered in place, where it would
	// only clutter the officer's folder.
	if res.problems.Errors() == 0 && (opt.changed || opt.outDir != "") {
		if err := writeStamp(base, stamp); err != nil {
			res.problems = append(res.problems, outputProblem(in.path, err))
		}
	}
	res.entry = newEntry(in, s, res.problems)
	return res
}

// draftLayout lays out a form that has errors, marked as a draft on every
// page; nil when it cannot be laid out (a character no font has, or data
// too broken to place). Layout is written for checked forms: a form with
// errors may hold what it never meets, so a failure here only means no
// draft.
func draftLayout(e *render.Engine, s *jixiao.Scored, name string, problems jixiao.Problems) (doc *render.Document) {
	defer func() {
		if recover() != nil {
			doc = nil
		}
	}()
	doc, glyphs := e.Layout(s, name)
	if doc == nil || glyphs.Errors() > 0 {
		return nil
	}
	e.MarkDraft(doc, problems)
	return doc
}

// newEntry is the summary's line of a form.
func newEntry(in input, s *jixiao.Scored, problems jixiao.Problems) summary.Entry {
	e := summary.NewEntry(in.name(), s, problems)
	e.Path = in.path
	return e
}

// outputs are the files a format writes for base.
func outputs(base, format string, pages int) []string {
	if format != "png" {
		return []string{base + "." + format}
	}
	var out []string
	for i := 1; i <= pages; i++ {
		out = append(out, base+"-"+strconv.Itoa(i)+".png")
	}
	return out
}

func writeFormat(base, format string, doc *render.Document, opt renderOptions) ([]string, error) {
	switch format {
	case "pdf", "xlsx":
		path := outputs(base, format, 0)[0]
		err := atomicfile.WriteFunc(path, func(w io.Writer) error { return encode(w, format, doc, opt.date) })
		if err != nil {
			return nil, err
		}
		return []string{path}, nil
	case "png":
		images, err := pngout.Render(doc, opt.dpi)
		if err != nil {
			return nil, err
		}
		var written []string
		for i, path := range outputs(base, format, len(images)) {
			if err := atomicfile.Write(path, images[i]); err != nil {
				return written, err
			}
			written = append(written, path)
		}
		return written, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// encode writes doc in a one-file format, with the document information
// every output of jixiao carries; a zero date records none.
func encode(w io.Writer, format string, doc *render.Document, date time.Time) error {
	creator, subject := "jixiao "+version(), doc.Look.Name
	switch format {
	case "pdf":
		return pdf.Write(w, doc, pdf.Info{Creator: creator, Subject: subject, Date: date})
	case "xlsx":
		return xlsx.Write(w, doc, xlsx.Info{Creator: creator, Subject: subject, Date: date})
	}
	return fmt.Errorf("unknown format %q", format)
}

func outputProblem(path string, err error) jixiao.Problem {
	return problemOf(path, "cannot-write", err)
}

// knownFormats are the outputs render can write.
var knownFormats = []string{"pdf", "xlsx", "png"}

func parseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "":
			continue
		case !slices.Contains(knownFormats, f):
			return nil, jixiao.Errorf("usage", "--format: unknown format %q; expected %s", f, strings.Join(knownFormats, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, jixiao.Errorf("usage", "--format: no format given")
	}
	return out, nil
}

func parseDate(s string) (time.Time, error) {
	switch s {
	case "":
		return time.Time{}, nil
	case "now":
		return time.Now(), nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, jixiao.Errorf("usage", "--date %q: expected YYYY-MM-DD, an RFC 3339 time, or now", s)
}
