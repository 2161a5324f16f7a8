package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"jixiao"
	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/cmd/jixiao/internal/batch"
	"jixiao/render"
	pngout "jixiao/render/png"
	"jixiao/render/summary"
)

var renderCommand = &command{
	name: "render", args: "FILE|DIR...", summary: "check forms and write them as PDF and XLSX",
	help: renderHelp,
	run:  runRender,
}

type renderOptions struct {
	outDir      string
	formats     []string
	template    string
	date        time.Time
	dpi         float64
	lang        language.Tag // of the summary's problem texts
	draft       bool         // write a marked draft of a form with errors
	jobs        int
	quiet       bool
	verbose     bool
	changed     bool
	summaryOnly bool
}

// batchMemoryLimit is the heap a batch aims to stay under.
const batchMemoryLimit = 160 << 20

// exitInterrupted is the shell's convention for a run stopped by SIGINT.
const exitInterrupted = 130

func runRender(c *cli, cmd *command, args []string) int {
	opt := renderOptions{dpi: 96, jobs: runtime.NumCPU(), lang: c.lang}
	var formats, date string
	inputs, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&opt.outDir, "o", "", "write outputs into `DIR` (created if needed) instead of beside each input")
		fs.StringVar(&formats, "format", "pdf,xlsx", "comma-separated output `FORMATS`: pdf, xlsx, png")
		fs.StringVar(&opt.template, "template", "", "lay out with this template `FILE` (see 'jixiao template')")
		fs.StringVar(&date, "date", "", "record a creation `DATE` in the PDF and XLSX: YYYY-MM-DD, RFC 3339, or now")
		fs.Float64Var(&opt.dpi, "dpi", opt.dpi, "resolution of --format png, in `DPI` (dots per inch)")
		fs.IntVar(&opt.jobs, "j", opt.jobs, "render `N` forms at a time")
		fs.BoolVar(&opt.quiet, "q", false, "print no progress")
		fs.BoolVar(&opt.verbose, "v", false, "list every file written")
		fs.BoolVar(&opt.changed, "changed", false, "skip forms whose outputs were made from the same form, template and version")
		fs.BoolVar(&opt.summaryOnly, "summary-only", false, "check every form and write only the summary (汇总表)")
		fs.BoolVar(&opt.draft, "draft", false, "write a form with errors as a draft, NAME.draft.pdf, every page marked 草稿 — N 处问题 and the cells with problems outlined")
	})
	if done {
		return code
	}
	if len(inputs) == 0 {
		return c.usageError(cmd, "no files to render")
	}
	var err error
	if opt.formats, err = parseFormats(formats); err != nil {
		return c.usageError(cmd, "%s", errText(err))
	}
	if opt.date, err = parseDate(date); err != nil {
		return c.usageError(cmd, "%s", errText(err))
	}
	if opt.jobs < 1 {
		return c.usageError(cmd, "-j %d: expected 1 or more", opt.jobs)
	}
	if opt.dpi < pngout.MinDPI || opt.dpi > pngout.MaxDPI {
		return c.usageError(cmd, "--dpi %g: expected %d to %d", opt.dpi, pngout.MinDPI, pngout.MaxDPI)
	}
	if fi, err := os.Stat(opt.outDir); opt.outDir != "" && err == nil && !fi.IsDir() {
		return c.usageError(cmd, "-o %s: not a folder; -o names the folder the outputs go into", opt.outDir)
	}
	r, err := newRenderer(opt.template)
	if err != nil {
		c.printf(c.stderr, "jixiao render: %s\n", errText(err))
		return exitUsage
	}
	set := inputFiles(inputs, false, opt.outDir)
	if len(set.files) == 0 {
		for _, p := range set.problems {
			c.problem(c.stderr, p)
		}
		return exitProblems
	}
	if err := outputClash(r, set, opt); err != nil {
		return c.usageError(cmd, "%s", errText(err))
	}
	if opt.outDir != "" {
		if err := os.MkdirAll(opt.outDir, 0o755); err != nil {
			c.printf(c.stderr, "jixiao render: -o: %s\n", errText(err))
			return exitProblems
		}
	}
	return c.renderAll(r, set, opt)
}

// renderAll renders the files several at a time, then reports problems and
// writes the summary.
func (c *cli) renderAll(r *renderer, set inputSet, opt renderOptions) int {
	files := set.files
	if len(files) > 1 {
		// Each document allocates a few MB that die at once: collecting
		// less often saves a fifth of a batch's time, and a soft memory
		// limit keeps the heap from drifting up over a long batch.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
	}
	ctx := c.context()
	bar := newProgress(c.stderr, c.isTerminal, opt.quiet, len(files))
	bar.lang = c.lang
	results := make([]fileResult, 0, len(files))
	batch.Run(ctx, files, opt.jobs, func(in input) fileResult { return r.renderFile(ctx, in, opt) }, func(res fileResult) {
		results = append(results, res)
		bar.step()
	})
	bar.finish()
	sortResults(results, files)
	for _, p := range set.problems {
		c.problem(c.stderr, p)
	}
	failed, written, upToDate, drafts := 0, 0, 0, 0
	for _, res := range results {
		if res.draft {
			drafts++
		}
		for _, p := range res.problems {
			c.problem(c.stderr, p)
		}
		if res.problems.Errors() > 0 {
			failed++
		}
		if res.upToDate {
			upToDate++
		}
		written += len(res.written)
		if opt.verbose || len(files) == 1 {
			for _, w := range res.written {
				c.printf(c.stdout, "wrote %s\n", w)
			}
		}
	}
	if ctx.Err() != nil {
		c.printf(c.stderr, "jixiao render: interrupted after %d of %d forms; every file written is complete\n", len(results), len(files))
		return exitInterrupted
	}
	if len(files) > 1 || opt.summaryOnly {
		entries := make([]summary.Entry, len(results))
		for i, res := range results {
			entries[i] = res.entry
		}
		for _, p := range summary.Duplicates(entries) {
			c.problem(c.stderr, p)
		}
		tpl := summaryForm(r, results)
		path := summaryPath(tpl, set, opt)
		if err := writeSummary(tpl, path, entries, set.problems, opt); err != nil {
			c.printf(c.stderr, "jixiao render: %s\n", errText(err))
			return exitProblems
		}
		if opt.summaryOnly {
			c.printf(c.stdout, "%d forms checked, %d with errors; summary %s\n", len(files), failed, path)
		} else {
			c.printf(c.stdout, "%d forms: %d rendered (%d files), %d up to date, %d refused; summary %s\n",
				len(files), len(files)-failed-upToDate, written, upToDate, failed, path)
		}
	}
	if failed > 0 {
		if drafts > 0 {
			c.printf(c.stderr, "jixiao render: %d of %d forms have errors; %d written as drafts (NAME.draft.pdf)\n", failed, len(files), drafts)
		} else {
			c.printf(c.stderr, "jixiao render: %d of %d forms not rendered\n", failed, len(files))
		}
		return exitProblems
	}
	if len(set.problems) > 0 {
		c.printf(c.stderr, "jixiao render: %s not read\n", c.plural(len(set.problems), "%d file or folder", "%d files or folders"))
		return exitProblems
	}
	return exitOK
}

// outputClash finds, before anything is written, two forms whose outputs
// would overwrite each other, or a form's XLSX the summary would replace.
// Names are compared ignoring case, as Windows and macOS folders do.
func outputClash(r *renderer, set inputSet, opt renderOptions) error {
	owner := map[string]string{}
	claim := func(path, by string) error {
		key := strings.ToLower(filepath.Clean(path))
		if other, ok := owner[key]; ok {
			return fmt.Errorf("%s and %s would both write %s; rename one, or render them into different -o folders", other, by, path)
		}
		owner[key] = by
		return nil
	}
	if len(set.files) > 1 || opt.summaryOnly {
		if err := claim(summaryPath(r.engine.Template, set, opt), "the summary"); err != nil {
			return err
		}
	}
	if opt.summaryOnly {
		return nil
	}
	for _, in := range set.files {
		base := in.outputBase(opt.outDir)
		for _, f := range opt.formats {
			if err := claim(outputs(base, f, 1)[0], in.path); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *cli) context() context.Context {
	if c.ctx != nil {
		return c.ctx
	}
	return context.Background()
}

// sortResults puts results back in input order: problems are easier to
// read, and the output is the same whatever finished first.
func sortResults(results []fileResult, files []input) {
	order := make(map[string]int, len(files))
	for i, f := range files {
		order[f.path] = i
	}
	slices.SortFunc(results, func(a, b fileResult) int { return order[a.in.path] - order[b.in.path] })
}

// summaryPath is OUTDIR/汇总表.xlsx, or without -o the folder holding
// every argument.
func summaryPath(tpl *render.Template, set inputSet, opt renderOptions) string {
	dir := opt.outDir
	if dir == "" {
		dir = set.root
	}
	return filepath.Join(dir, tpl.Summary+".xlsx")
}

// summaryForm is the form whose labels head the 汇总表: the one every form
// of the batch fills in, else --template's or the default.
func summaryForm(r *renderer, results []fileResult) *render.Template {
	var one *render.Template
	for _, res := range results {
		switch {
		case res.form == nil:
		case one == nil:
			one = res.form
		case res.form != one:
			return r.engine.Template
		}
	}
	if one == nil {
		return r.engine.Template
	}
	return one
}

func writeSummary(tpl *render.Template, path string, entries []summary.Entry, other jixiao.Problems, opt renderOptions) error {
	so := summary.Options{Sheet: tpl.Summary, Title: tpl.Labels.SummaryTitle, Heads: summary.HeadsOf(tpl.Domain()), RateDecimals: tpl.Rules.RateDecimals,
		Creator: "jixiao " + version(), Date: opt.date, Other: other, Lang: opt.lang}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return atomicfile.WriteFunc(path, func(w io.Writer) error { return summary.Write(w, entries, so) })
}

// renderHelp is the help of the command; its Chinese is in messages_zh.go.
const renderHelp = `Checks each form — a data file (.toml), or a filled spreadsheet (.xlsx)
or Word form (.docx), read as 'jixiao import' reads it; a folder stands for
every such file under it, hidden files, editors' lock files and render's own
outputs aside — and writes it as the official table:
NAME.pdf, with the fonts embedded, and NAME.xlsx, the same table for
editing in Excel or WPS with its scores as formulas. --format png writes
page images NAME-1.png, NAME-2.png, ... instead or as well.

With -o, the outputs mirror the inputs' paths below the folder holding
every argument: 'render y2021/ y2022/ -o out' writes out/y2021/... and
out/y2022/.... Outputs that would still overwrite each other (names that
differ only in case, a form named like the summary) are refused before
anything is written.

A form with errors is refused, and nothing is written for it; every other
form is still written, and the problems are listed at the end, as is a
folder that cannot be read. Each file is written to a temporary name and
renamed, so no half-written file is ever left, even when the run is
interrupted (Ctrl-C): finished files stay. --draft writes a form with
errors anyway, when it can be laid out, as NAME.draft.pdf: every page
marked 草稿 — N 处问题 in its top margin, the cells with problems outlined
in red; the exit status is still 1, and no XLSX is written for it.

With more than one form, the run also writes OUTDIR/汇总表.xlsx (the name
comes from the template): for each year, a sheet with one row per
department, ranked by 总分 (equal 总分, equal rank), a department given
twice flagged; and a sheet 问题清单 listing every problem of every form.

--changed skips a form whose outputs were made from the same form, the
same template and fonts and the same jixiao version. With -o or --changed,
render records these in a hidden file .NAME.jixiao beside the outputs; a
form without one is rendered.

Without -o, outputs go beside their inputs; a form read from NAME.xlsx
keeps its file, and gets its XLSX only with -o. Outputs carry no creation date
unless --date is given, so the same input gives the same bytes.

Exit status: 0 all rendered, 1 a form was refused, 2 usage error,
130 interrupted.

Examples:
  jixiao render samples/ -o out/
  jixiao render 局.xlsx
  jixiao render forms/ -o out/ -j 8 --changed
  jixiao render my-form.toml --template my-template.toml --format pdf`
