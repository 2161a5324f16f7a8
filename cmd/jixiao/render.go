package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"jixiao"
	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/render"
	"jixiao/render/pdf"
	"jixiao/render/xlsx"
)

var renderCommand = &command{
	name: "render", args: "FILE|DIR...", summary: "check forms and write them as PDF and XLSX",
	help: `Checks each form (a folder stands for every *.toml under it) and writes
it as the official 附件2 table: OUTDIR/NAME.pdf, with the fonts embedded,
and OUTDIR/NAME.xlsx, the same table for editing in Excel or WPS, its
scores as formulas (--format pdf or --format xlsx writes just one).
A form with errors is refused with its problems, and nothing is written
for it; the others are still written. Each file is written to a temporary
name and renamed, so no half-written file is ever left.

Without -o, each output goes beside its input. A PDF or XLSX carries no
creation date unless --date is given, so the same input gives the same bytes.

Examples:
  jixiao render samples/ -o out/
  jixiao render my-form.toml --template my-template.toml`,
	run: runRender,
}

// formats the render command can write.
var knownFormats = []string{"pdf", "xlsx"}

type renderOptions struct {
	outDir   string
	formats  []string
	template string
	date     time.Time
}

func runRender(c *cli, cmd *command, args []string) int {
	var opt renderOptions
	var formats, date string
	inputs, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&opt.outDir, "o", "", "write outputs into `DIR` (created if needed) instead of beside each input")
		fs.StringVar(&formats, "format", "pdf,xlsx", "comma-separated output `FORMATS`: pdf, xlsx")
		fs.StringVar(&opt.template, "template", "", "lay out with this template `FILE` (see 'jixiao template')")
		fs.StringVar(&date, "date", "", "record a creation `DATE` in the PDF and XLSX: YYYY-MM-DD, RFC 3339, or now")
	})
	if done {
		return code
	}
	if len(inputs) == 0 {
		return c.usageError(cmd, "no files to render")
	}
	var err error
	if opt.formats, err = parseFormats(formats); err != nil {
		return c.usageError(cmd, "%v", err)
	}
	if opt.date, err = parseDate(date); err != nil {
		return c.usageError(cmd, "%v", err)
	}
	r, err := newRenderer(opt.template)
	if err != nil {
		fmt.Fprintf(c.stderr, "jixiao render: %v\n", err)
		return exitUsage
	}
	files, err := inputFiles(inputs)
	if err != nil {
		fmt.Fprintf(c.stderr, "jixiao render: %v\n", err)
		return exitProblems
	}
	failed := 0
	for _, f := range files {
		written, problems := r.renderFile(f.path, f.outputBase(opt.outDir), opt)
		for _, p := range problems {
			fmt.Fprintln(c.stderr, p)
		}
		for _, w := range written {
			fmt.Fprintf(c.stdout, "wrote %s\n", w)
		}
		if problems.Errors() > 0 {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(c.stderr, "jixiao render: %d of %d files not rendered\n", failed, len(files))
		return exitProblems
	}
	return exitOK
}

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

// renderer holds what every file of a run shares: the template and its
// fonts, loaded once.
type renderer struct {
	engine *render.Engine
}

func newRenderer(templatePath string) (*renderer, error) {
	tpl, err := loadTemplate(templatePath)
	if err != nil {
		return nil, err
	}
	e, err := render.NewEngine(tpl)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", tpl.Name, err)
	}
	return &renderer{engine: e}, nil
}

// layout reads, checks and lays out one form. The document is nil when the
// form has errors.
func (r *renderer) layout(name string, data []byte) (*render.Document, *jixiao.Scored, jixiao.Problems) {
	s, problems := jixiao.Check(name, data, r.engine.Template.Rules)
	if problems.Errors() > 0 {
		return nil, s, problems
	}
	doc, glyphs := r.engine.Layout(s, name)
	return doc, s, append(problems, glyphs...)
}

// renderFile writes the outputs of one form; base is the output path
// without its extension.
func (r *renderer) renderFile(path, base string, opt renderOptions) (written []string, problems jixiao.Problems) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, jixiao.Problems{{File: path, Severity: jixiao.Error, Message: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}}
	}
	doc, _, problems := r.layout(path, data)
	if doc == nil {
		return nil, problems
	}
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return nil, append(problems, outputProblem(path, err))
	}
	for _, format := range opt.formats {
		out := base + "." + format
		err := atomicfile.WriteFunc(out, func(w io.Writer) error { return r.write(w, format, doc, opt) })
		if err != nil {
			problems = append(problems, outputProblem(path, err))
			continue
		}
		written = append(written, out)
	}
	return written, problems
}

func (r *renderer) write(w io.Writer, format string, doc *render.Document, opt renderOptions) error {
	switch format {
	case "pdf":
		return pdf.Write(w, r.engine, doc, pdf.Info{Creator: "jixiao " + version(), Subject: r.engine.Template.Name, Date: opt.date})
	case "xlsx":
		return xlsx.Write(w, r.engine, doc, xlsx.Info{Creator: "jixiao " + version(), Subject: r.engine.Template.Name, Date: opt.date})
	}
	return fmt.Errorf("unknown format %q", format)
}

func outputProblem(path string, err error) jixiao.Problem {
	return jixiao.Problem{File: path, Severity: jixiao.Error, Message: err.Error()}
}
