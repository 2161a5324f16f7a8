package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"jixiao/render"
	"jixiao/templates"
)

// parseFlags parses a command's flags, which may stand before, between or
// after its arguments (jixiao render samples/ -o out/); "--" ends the flags.
// done is true when the command should exit at once with code: after
// --help (0) or a usage error (2).
func parseFlags(c *cli, cmd *command, args []string, define func(*flag.FlagSet)) (positional []string, code int, done bool) {
	fs := flag.NewFlagSet("jixiao "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if define != nil {
		define(fs)
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				commandHelp(c.stdout, cmd, fs)
				return nil, exitOK, true
			}
			fmt.Fprintf(c.stderr, "jixiao %s: %v\nRun 'jixiao help %s' for its flags.\n", cmd.name, err, cmd.name)
			return nil, exitUsage, true
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, exitOK, false
		}
		// fs.Parse stops at the first argument; "--" makes the rest arguments.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), exitOK, false
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func commandHelp(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: jixiao %s [flags] %s\n\n%s\n", cmd.name, cmd.args, cmd.summary)
	if cmd.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(cmd.help))
	}
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  " + flagName(f.Name)
		if name != "" {
			line += " " + name
		}
		line += "\n      " + usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		lines = append(lines, line)
	})
	if len(lines) > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s\n", strings.Join(lines, "\n"))
	}
	fmt.Fprintln(w, "  --help\n      show this help")
}

// flagName is how help and messages write a flag: -o for one letter,
// --format for a word. Either dash count is accepted on the command line.
func flagName(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// usageError prints a usage problem and returns the usage exit status.
func (c *cli) usageError(cmd *command, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "jixiao %s: %s\nRun 'jixiao help %s' for its usage.\n", cmd.name, fmt.Sprintf(format, args...), cmd.name)
	return exitUsage
}

// loadTemplate reads --template FILE, or returns the built-in template.
func loadTemplate(path string) (*render.Template, error) {
	if path == "" {
		return render.DefaultTemplate(), nil
	}
	data, err := readTemplate(context.Background(), path)
	if err != nil {
		return nil, fmt.Errorf("reading the template: %w", err)
	}
	return render.ParseTemplate(path, data)
}

// builtinFile returns an embedded template file.
func builtinFile(name string) []byte {
	data, err := templates.FS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return data
}
