package main

import (
	"flag"
	"os"

	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/render"
)

var initCommand = &command{
	name: "init", args: "[FILE]", summary: "write a blank form to fill in",
	help: initHelp,
	run: func(c *cli, cmd *command, args []string) int {
		var name, from string
		files, force, code, done := parseWriteFlags(c, cmd, args, func(fs *flag.FlagSet) {
			fs.StringVar(&name, "form", "", "the built-in form `NAME` to write (default: 附件2 of 2020)")
			fs.StringVar(&from, "from", "", "start from last year's form `FILE`: keep the department, indicators, targets and weights; clear amounts, actual values, scores and deviations; the next year")
		})
		if done {
			return code
		}
		if from != "" {
			if name != "" {
				return c.usageError(cmd, "--from takes the form its file names; leave out --form")
			}
			return c.initFrom(cmd, from, files, force)
		}
		tpl, _, ok := render.BuiltinForm(name)
		if !ok {
			return c.usageError(cmd, msgNotBuiltin, name)
		}
		return c.writeForm(cmd, files, tpl, gen.Blank(tpl), force)
	},
}

// writeForm writes a form to fill in to the one FILE argument, or stdout.
// Into a file it writes, first, the #:schema line, and the schema it
// names beside the file: an officer who edits TOML in VS Code gets
// completion and checking with nothing more to do, and the schema matches
// the program that wrote the form. On stdout the form goes without the
// line, which would name a file that is not there.
func (c *cli) writeForm(cmd *command, files []string, tpl *render.Template, form string, force bool) int {
	if len(files) != 1 {
		return writeOut(c, cmd, files, []byte(form), force)
	}
	if code := writeOut(c, cmd, files, []byte(schemaLine(tpl)+form), force); code != exitOK {
		return code
	}
	if err := writeSchemaBeside(files[0], tpl); err != nil {
		c.printf(c.stderr, "jixiao %s: %s\n", cmd.name, errText(err))
		return exitProblems
	}
	return exitOK
}

// initFrom writes next year's form from last year's file. Its problems
// (a missing score, sums that do not add up) do not matter, as what
// carries over is names, targets and weights; a file that cannot be read
// as far as its indicators does.
func (c *cli) initFrom(cmd *command, from string, files []string, force bool) int {
	r, err := newRenderer("")
	if err != nil {
		c.printf(c.stderr, "jixiao %s: %s\n", cmd.name, errText(err))
		return exitProblems
	}
	// Last year's form as a data file, or as a spreadsheet or Word form.
	data, _, problems := r.readInput(c.context(), c.stdin, from)
	if data == nil {
		for _, p := range problems {
			c.problem(c.stderr, p)
		}
		return exitProblems
	}
	tpl, s, problems := newForms(nil).check(from, data)
	if tpl == nil || s == nil {
		for _, p := range problems {
			c.problem(c.stderr, p)
		}
		return exitProblems
	}
	return c.writeForm(cmd, files, tpl, gen.Next(tpl, s.Report), force)
}

var templateCommand = &command{
	name: "template", args: "[NAME] [FILE]", summary: "list the built-in forms, or write one to edit",
	help: templateHelp,
	run: func(c *cli, cmd *command, args []string) int {
		var list bool
		files, force, code, done := parseWriteFlags(c, cmd, args, func(fs *flag.FlagSet) {
			fs.BoolVar(&list, "list", false, "list the built-in forms")
		})
		if done {
			return code
		}
		if list {
			if len(files) > 0 {
				return c.usageError(cmd, "--list takes no arguments")
			}
			for i, t := range render.BuiltinForms() {
				mark := ""
				if i == 0 {
					mark = c.tr("  (default)")
				}
				c.printf(c.stdout, "%s\t%s%s\n", t.Form, t.Name, mark)
			}
			return exitOK
		}
		_, file, files, ok := leadingForm(files)
		if !ok {
			return c.usageError(cmd, msgNotBuiltinArg, files[0])
		}
		return writeOut(c, cmd, files, builtinFile(file), force)
	},
}

// parseWriteFlags parses the flags of init and template: FILE, or -o FILE,
// or stdout, and --force; more flags come from more.
func parseWriteFlags(c *cli, cmd *command, args []string, more func(*flag.FlagSet)) (files []string, force bool, code int, done bool) {
	var out string
	files, code, done = parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "write to `FILE` (the same as giving FILE)")
		fs.BoolVar(&force, "force", false, "overwrite FILE if it exists")
		more(fs)
	})
	if out != "" {
		files = append(files, out)
	}
	return files, force, code, done
}

// writeOut writes data to the one FILE argument, or stdout.
func writeOut(c *cli, cmd *command, files []string, data []byte, force bool) int {
	switch len(files) {
	case 0:
		_, _ = c.stdout.Write(data)
		return exitOK
	case 1:
	default:
		return c.usageError(cmd, "expected one FILE, got %d", len(files))
	}
	path := files[0]
	if _, err := os.Stat(path); err == nil && !force {
		c.printf(c.stderr, "jixiao %s: %s exists; use --force to overwrite it\n", cmd.name, path)
		return exitProblems
	}
	if err := atomicfile.Write(path, data); err != nil {
		c.printf(c.stderr, "jixiao %s: %s\n", cmd.name, errText(err))
		return exitProblems
	}
	c.printf(c.stdout, "wrote %s\n", path)
	return exitOK
}

// initHelp is the help of the command; its Chinese is in messages_zh.go.
const initHelp = `Writes an empty, commented form with every key of the format and the
official indicators (产出, 效益, 满意度 with their 二级 groups), one 三级
indicator in each to copy for the others. What check computes (执行率,
预算执行得分, 总分) is left out. Without FILE it prints the form on stdout.
An existing file is kept unless --force is given. --form NAME writes
another built-in form ('jixiao template --list' lists them).

--from LAST-YEAR.toml (or .xlsx, .docx) starts from last year's form instead: the same
department, indicators, targets and weights, the year after; amounts,
actual values, scores and deviations are left to fill in.

Examples:
  jixiao init my-form.toml
  jixiao init -o my-form.toml --force
  jixiao init --form 项目支出-2020 my-project.toml
  jixiao init --from 2020.toml 2021.toml`

// templateHelp is the help of the command; its Chinese is in messages_zh.go.
const templateHelp = `With --list, lists the built-in forms: the NAME a data file gives in
form = "NAME", and the form's title; the first is the default.

Otherwise writes the built-in form NAME (the default without NAME) — its
fields, sums, scoring rules and grid, paper, fonts, styles and column
widths — to FILE (or stdout). Edit the copy, then use it with
'jixiao render --template FILE' or watch it with
'jixiao preview --template FILE'.

Examples:
  jixiao template --list
  jixiao template my-template.toml
  jixiao template -o my-template.toml
  jixiao template 项目支出-2020 project-template.toml
  jixiao render my-form.toml --template my-template.toml`
