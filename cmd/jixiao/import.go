package main

import (
	"flag"
	"os"

	"jixiao"
	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/render"
)

var importCommand = &command{
	name: "import", args: "FILE.xlsx|FILE.docx", summary: "read a filled form from a spreadsheet or Word document into a data file",
	help: importHelp,
	run:  runImport,
}

func runImport(c *cli, cmd *command, args []string) int {
	var out, formName, templatePath string
	var partial, force bool
	files, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "write the data file to `FILE` instead of stdout")
		fs.StringVar(&formName, "form", "", "read the file as the built-in form `NAME` only (default: whichever its labels show)")
		fs.StringVar(&templatePath, "template", "", "read the file as the form of this template `FILE`")
		fs.BoolVar(&partial, "partial", false, "write the data file even when some values cannot be read, leaving them out")
		fs.BoolVar(&force, "force", false, "overwrite -o FILE if it exists")
	})
	if done {
		return code
	}
	if len(files) != 1 {
		return c.usageError(cmd, msgImportArgs, len(files))
	}
	path := files[0]
	if !isOffice(path) {
		return c.usageError(cmd, msgImportNotOffice, path)
	}
	if formName != "" && templatePath != "" {
		return c.usageError(cmd, msgFormOrTemplate)
	}
	forms := render.BuiltinForms()
	switch {
	case formName != "":
		tpl, _, ok := render.BuiltinForm(formName)
		if !ok {
			return c.usageError(cmd, msgNotBuiltin, formName)
		}
		forms = []*render.Template{tpl}
	case templatePath != "":
		tpl, err := loadTemplate(templatePath)
		if err != nil {
			c.printf(c.stderr, "jixiao import: %s\n", errText(err))
			return exitUsage
		}
		forms = []*render.Template{tpl}
	}
	if out != "" && !force {
		if _, err := os.Stat(out); err == nil {
			c.printf(c.stderr, "jixiao import: %s\n", jixiao.T(msgExists, out))
			return exitProblems
		}
	}
	res, problems := importForm(c.context(), path, forms)
	for _, p := range problems {
		c.problem(c.stderr, p)
	}
	if res == nil || len(problems) > 0 && !partial {
		if res != nil {
			c.printf(c.stderr, "jixiao import: %s\n", jixiao.T(msgImportStopped, path, c.plural(len(problems), "%d value", "%d values")))
		}
		return exitProblems
	}
	data := res.TOML(path)
	if out == "" {
		_, _ = c.stdout.Write(data)
	} else {
		if err := atomicfile.Write(out, data); err != nil {
			c.printf(c.stderr, "jixiao import: %s\n", errText(err))
			return exitProblems
		}
		c.printf(c.stdout, "wrote %s\n", out)
	}
	if len(problems) > 0 {
		return exitProblems
	}
	return exitOK
}

// importHelp is the help of the command; its Chinese is in messages_zh.go.
const importHelp = `Reads a filled form — an XLSX workbook (jixiao's own, after editing in
Excel, WPS or LibreOffice, or the official blank form filled by hand) or a
DOCX document holding the form as a Word table — and writes the data file
(TOML) it stands for, on stdout or to -o FILE, each value commented with
the cell it was read from (# 年初预算数 — 附件2!D5).

The form is found by its title and labels, each value by the labels and
patterns around it (其中：一般公共预算：6341.72, 产出指标（50分）), not by
fixed cells: indicator rows added, slot rows left blank, rows deleted and
tables cut by page breaks all read. 执行率, 得分 and 总分 computed by a
sheet's formulas are left to the program; typed in, they are declared.

What cannot be read is said, at its cell (局.xlsx:附件2!C12: error: …),
and nothing is written, unless --partial writes the rest with the values
left out marked in comments. Exit status 1 when anything could not be read.

check, render and preview read .xlsx and .docx forms the same way.

Examples:
  jixiao import 局.xlsx -o 局.toml
  jixiao import 2019-项目.docx --form 项目支出-2020
  jixiao import 局.xlsx --partial -o 局.toml`
