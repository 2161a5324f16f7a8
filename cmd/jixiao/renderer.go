package main

import (
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
	engine       *render.Engine // --template FILE's, or the default form's; the 汇总表 follows it
	forms        *forms         // each file's form; nil: every file has engine's
	templateTime time.Time      // the template file's modification time; zero for the built-in one
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
	r := &renderer{engine: e, forms: fs}
	if templatePath != "" {
		if fi, err := os.Stat(templatePath); err == nil {
			r.templateTime = fi.ModTime()
		}
	}
	return r, nil
}

// check checks one form by the form it names, and returns that form.
func (r *renderer) check(name string, data []byte) (*render.Template, *jixiao.Scored, jixiao.Problems) {
	if r.forms == nil {
		s, problems := jixiao.Check(name, data, r.engine.Template.Domain())
		return r.engine.Template, s, problems
	}
	return r.forms.check(name, data)
}

// layout checks and lays out one form with the engine of its form. The
// document is nil when the form has errors, the glyphs it uses included;
// the engine is nil when the file could not be read as far as its form.
func (r *renderer) layout(name string, data []byte) (*render.Engine, *render.Document, *jixiao.Scored, jixiao.Problems) {
	tpl, s, problems := r.check(name, data)
	if tpl == nil {
		return nil, nil, s, problems
	}
	e := r.engine
	if r.forms != nil {
		var err error
		if e, err = r.forms.engine(tpl); err != nil {
			return nil, nil, s, append(problems, jixiao.Problem{File: name, Severity: jixiao.Error, Message: err.Error()})
		}
	}
	if problems.Errors() > 0 {
		return e, nil, s, problems
	}
	doc, glyphs := e.Layout(s, name)
	return e, doc, s, append(problems, glyphs...)
}

// fileResult is what became of one input.
type fileResult struct {
	form     *render.Template // the form it was checked with; nil when unreadable
	in       input
	written  []string
	upToDate bool // skipped by --changed
	problems jixiao.Problems
	entry    summary.Entry
}

// renderFile checks one form and writes its outputs. It reads and keeps
// nothing beyond the one document, so a batch's memory does not grow with
// the number of files.
func (r *renderer) renderFile(in input, opt renderOptions) fileResult {
	res := fileResult{in: in}
	data, err := os.ReadFile(in.path)
	if err != nil {
		res.problems = jixiao.Problems{{File: in.path, Severity: jixiao.Error, Message: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}}
		res.entry = summary.NewEntry(in.name(), nil, res.problems)
		return res
	}
	if opt.summaryOnly {
		form, s, problems := r.check(in.path, data)
		res.form, res.problems, res.entry = form, problems, summary.NewEntry(in.name(), s, problems)
		return res
	}
	base := in.outputBase(opt.outDir)
	if opt.changed && r.upToDate(in.path, base, opt.formats) {
		form, s, problems := r.check(in.path, data)
		res.form, res.problems, res.entry, res.upToDate = form, problems, summary.NewEntry(in.name(), s, problems), true
		return res
	}
	e, doc, s, problems := r.layout(in.path, data)
	if e != nil {
		res.form = e.Template
	}
	res.problems, res.entry = problems, summary.NewEntry(in.name(), s, problems)
	if doc == nil {
		return res
	}
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		res.problems = append(res.problems, outputProblem(in.path, err))
		return res
	}
	for _, format := range opt.formats {
		written, err := writeFormat(e, base, format, doc, opt)
		res.written = append(res.written, written...)
		if err != nil {
			res.problems = append(res.problems, outputProblem(in.path, err))
		}
	}
	res.entry.Errors = res.problems.Errors()
	return res
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

func writeFormat(e *render.Engine, base, format string, doc *render.Document, opt renderOptions) ([]string, error) {
	switch format {
	case "pdf", "xlsx":
		path := outputs(base, format, 0)[0]
		err := atomicfile.WriteFunc(path, func(w io.Writer) error { return encode(w, format, e, doc, opt.date) })
		if err != nil {
			return nil, err
		}
		return []string{path}, nil
	case "png":
		images, err := pngout.Render(e, doc, opt.dpi)
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
func encode(w io.Writer, format string, e *render.Engine, doc *render.Document, date time.Time) error {
	creator, subject := "jixiao "+version(), e.Template.Name
	switch format {
	case "pdf":
		return pdf.Write(w, e, doc, pdf.Info{Creator: creator, Subject: subject, Date: date})
	case "xlsx":
		return xlsx.Write(w, e, doc, xlsx.Info{Creator: creator, Subject: subject, Date: date})
	}
	return fmt.Errorf("unknown format %q", format)
}

// upToDate tells whether every output of a form is newer than the form and
// the template, for --changed.
func (r *renderer) upToDate(path, base string, formats []string) bool {
	in, err := os.Stat(path)
	if err != nil {
		return false
	}
	since := in.ModTime()
	if r.templateTime.After(since) {
		since = r.templateTime
	}
	for _, f := range formats {
		out, err := os.Stat(outputs(base, f, 1)[0])
		if err != nil || !out.ModTime().After(since) {
			return false
		}
	}
	return true
}

func outputProblem(path string, err error) jixiao.Problem {
	return jixiao.Problem{File: path, Severity: jixiao.Error, Message: err.Error()}
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
			return nil, fmt.Errorf("--format: unknown format %q; expected %s", f, strings.Join(knownFormats, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--format: no format given")
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
	return time.Time{}, fmt.Errorf("--date %q: expected YYYY-MM-DD, an RFC 3339 time, or now", s)
}
