package main

import (
	"flag"
	"fmt"
	"os"

	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/templates"
)

var initCommand = &command{
	name: "init", args: "[FILE]", summary: "write a blank form to fill in",
	help: `Writes an empty, commented form with every key of the format: one 一级,
二级 and 三级 indicator to copy for the others. Without FILE it prints the
form on stdout. An existing file is kept unless --force is given.

Examples:
  jixiao init my-form.toml
  jixiao init -o my-form.toml --force`,
	run: func(c *cli, cmd *command, args []string) int {
		return runWriteBuiltin(c, cmd, args, templates.Blank2020)
	},
}

var templateCommand = &command{
	name: "template", args: "[FILE]", summary: "write the built-in form template, to edit the layout",
	help: `Writes the built-in template of 附件2 — paper, margins, fonts, styles, column
widths, labels and scoring rules — to FILE (or stdout). Edit the copy, then
use it with 'jixiao render --template FILE' or watch it with
'jixiao preview --template FILE'.

Examples:
  jixiao template my-template.toml
  jixiao template -o my-template.toml
  jixiao render my-form.toml --template my-template.toml`,
	run: func(c *cli, cmd *command, args []string) int {
		return runWriteBuiltin(c, cmd, args, templates.Form2020)
	},
}

// runWriteBuiltin runs init or template: FILE, or -o FILE, or stdout.
func runWriteBuiltin(c *cli, cmd *command, args []string, name string) int {
	var force bool
	var out string
	files, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "write to `FILE` (the same as giving FILE)")
		fs.BoolVar(&force, "force", false, "overwrite FILE if it exists")
	})
	if done {
		return code
	}
	if out != "" {
		files = append([]string{out}, files...)
	}
	return writeBuiltin(c, cmd, files, name, force)
}

// writeBuiltin writes an embedded file to the one FILE argument, or stdout.
func writeBuiltin(c *cli, cmd *command, files []string, name string, force bool) int {
	data := builtinFile(name)
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
		fmt.Fprintf(c.stderr, "jixiao %s: %s exists; use --force to overwrite it\n", cmd.name, path)
		return exitProblems
	}
	if err := atomicfile.Write(path, data); err != nil {
		fmt.Fprintf(c.stderr, "jixiao %s: %v\n", cmd.name, err)
		return exitProblems
	}
	fmt.Fprintf(c.stdout, "wrote %s\n", path)
	return exitOK
}
