package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"jixiao"
)

var checkCommand = &command{
	name: "check", args: "FILE|DIR...", summary: "check and score forms; print problems and scores",
	help: checkHelp,
	run:  runCheck,
}

func runCheck(c *cli, cmd *command, args []string) int {
	var asJSON bool
	var templatePath string
	files, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print problems and scores as JSON on stdout")
		fs.StringVar(&templatePath, "template", "", "check every file against this template `FILE`, its form, scoring rules and fonts, instead of the built-in form it names")
	})
	if done {
		return code
	}
	if len(files) == 0 {
		return c.usageError(cmd, "no files to check")
	}
	r, err := newRenderer(templatePath)
	if err != nil {
		c.printf(c.stderr, "jixiao check: %s\n", errText(err))
		return exitUsage
	}
	set := inputFiles(files, true, "")
	for _, p := range set.problems {
		c.problem(c.stderr, p)
	}
	ctx := c.context()
	var results []checkResult
	failed := 0
	for _, in := range set.files {
		res := r.checkFile(ctx, c.stdin, in.path)
		if ctx.Err() != nil {
			break // Ctrl-C: the file in hand was not checked
		}
		if res.Problems.Errors() > 0 {
			failed++
		}
		results = append(results, res)
		if !asJSON {
			for _, p := range res.Problems {
				c.problem(c.stderr, p)
			}
			c.printSummary(c.stdout, res)
		}
	}
	if ctx.Err() != nil {
		c.printf(c.stderr, "jixiao check: interrupted after %d of %d files\n", len(results), len(set.files))
		return exitInterrupted
	}
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		// A folder or argument that could not be read is listed as a file
		// with its one problem, so that tools see it.
		var unread []checkResult
		for _, p := range set.problems {
			unread = append(unread, checkResult{File: p.File, Problems: jixiao.Problems{p}})
		}
		if err := enc.Encode(map[string]any{"files": jsonResults(append(unread, results...))}); err != nil {
			c.printf(c.stderr, "jixiao check: %s\n", errText(err))
			return exitProblems
		}
	} else if len(results) > 1 {
		c.printf(c.stdout, "%d files: %d without errors, %d with errors\n", len(results), len(results)-failed, failed)
	}
	if failed > 0 || len(set.problems) > 0 {
		return exitProblems
	}
	return exitOK
}

type checkResult struct {
	File     string
	Scored   *jixiao.Scored // nil when the file could not be read
	Problems jixiao.Problems
}

// checkFile reads and checks one form ("-" is stdin), as render would:
// the glyphs of the template's fonts included.
func (r *renderer) checkFile(ctx context.Context, stdin io.Reader, path string) checkResult {
	name := path
	if path == "-" {
		name = stdinName
	}
	data, im, problems := r.readInput(ctx, stdin, path)
	if problems != nil {
		return checkResult{File: name, Problems: problems}
	}
	s, problems := r.check(name, data)
	return checkResult{File: name, Scored: s, Problems: im.locate(problems)}
}

// printSummary writes the score summary of one file.
func (c *cli) printSummary(w io.Writer, res checkResult) {
	s := res.Scored
	status := ""
	if e, wn := res.Problems.Errors(), res.Problems.Warnings(); e+wn > 0 {
		status = c.tr("  (%s, %s)", c.plural(e, "%d error", "%d errors"), c.plural(wn, "%d warning", "%d warnings"))
	}
	if s == nil {
		c.printf(w, "%s: not scored%s\n", res.File, status)
		return
	}
	r := s.Report
	c.printf(w, "%s: %s %d年度%s\n", res.File, r.Department(), r.Year(), status)
	if s.Rate == nil {
		fmt.Fprintf(w, "  执行率 —  预算执行得分 —\n")
	} else {
		fmt.Fprintf(w, "  执行率 %s%%  预算执行得分 %s/%s\n", s.RateShown.Format(s.Rules.RateDecimals),
			s.ExecScore.Format(s.Rules.ScoreDecimals), execWeight(r).Value)
	}
	var parts []string
	for i, ind := range r.Indicators {
		parts = append(parts, fmt.Sprintf("%s %s/%s", ind.Name, s.Indicators[i].Score, ind.Weight.Value))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(parts, "  "))
	}
	fmt.Fprintf(w, "  总分 %s  等级 %s\n", s.Total.Format(s.Rules.ScoreDecimals), s.Grade)
}

// jsonFields are the header fields the file gave, by key, as its form
// declares them: figures as exact numbers, texts as strings.
func jsonFields(r *jixiao.Report) map[string]any {
	out := map[string]any{}
	for _, f := range r.Form.AllFields() {
		v, ok := r.Values[f.Key]
		if !ok || !v.Set {
			continue
		}
		switch {
		case f.Kind.IsFigure() || f.Kind == jixiao.KindInt:
			out[f.Key] = json.Number(v.Value.String())
		default:
			out[f.Key] = v.Text
		}
	}
	return out
}

// execWeight is the 分值 of 执行率 the report gives.
func execWeight(r *jixiao.Report) jixiao.Figure {
	w, _ := r.Role(jixiao.RoleExecWeight)
	return w
}

// plural counts in the language of messages: "1 error", "2 errors".
func (c *cli) plural(n int, one, many string) string {
	if n == 1 {
		return c.tr(one, n)
	}
	return c.tr(many, n)
}

// jsonResults shapes results for --json; figures are JSON numbers written
// exactly (json.Number), never through a float.
func jsonResults(results []checkResult) []map[string]any {
	out := make([]map[string]any, 0, len(results))
	for _, res := range results {
		problems := res.Problems
		if problems == nil {
			problems = jixiao.Problems{}
		}
		m := map[string]any{
			"file":     res.File,
			"errors":   res.Problems.Errors(),
			"warnings": res.Problems.Warnings(),
			"problems": problems,
		}
		if s := res.Scored; s != nil {
			m["score"] = jsonScore(s)
		}
		out = append(out, m)
	}
	return out
}

func jsonScore(s *jixiao.Scored) map[string]any {
	num := func(f jixiao.Fixed) json.Number { return json.Number(f.String()) }
	r := s.Report
	var inds []map[string]any
	for i, ind := range r.Indicators {
		inds = append(inds, map[string]any{"name": ind.Name, "weight": num(ind.Weight.Value), "score": num(s.Indicators[i].Score)})
	}
	m := map[string]any{
		"fields":     jsonFields(r),
		"department": r.Department(),
		"year":       r.Year(),
		"indicators": inds,
		"total":      num(s.Total),
		"grade":      s.Grade,
		"deductions": s.Deductions(),
	}
	// The figures above are as printed, by the rules' rounding; exact
	// holds the same to two decimals, rounded once.
	m["rounding"] = cmp.Or(s.Rules.Rounding, jixiao.RoundPrinted)
	exact := map[string]any{"total": num(s.Exact.Total)}
	if s.Rate != nil {
		m["execution_rate_percent"] = num(s.RateShown)
		m["execution_score"] = num(s.ExecScore)
		exact["execution_rate_percent"] = num(s.Exact.RatePercent)
		exact["execution_score"] = num(s.Exact.ExecScore)
	}
	m["exact"] = exact
	return m
}

// checkHelp is the help of the command; its Chinese is in messages_zh.go.
const checkHelp = `Reads each form — a data file (.toml), or a filled form as a spreadsheet
(.xlsx) or Word document (.docx), read as 'jixiao import' reads it; a
folder stands for every such file under it; - reads a .toml from stdin — validates it and scores it by the official rules, and checks
that the template's fonts can draw every character, as render does.
Problems go to stderr, one per line:

  FILE:LINE:COL: error|warning: PATH (中文标签): message

and a score summary per file to stdout (执行率, 预算执行得分, each 一级指标,
总分, 等级). Exit status 0 when no file has an error, 1 when any has, 2 for
a usage error. Warnings do not change the exit status.

Examples:
  jixiao check my-form.toml
  jixiao check forms/ --json`
