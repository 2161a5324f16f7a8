package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
		line := "  --" + f.Name
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
	data, err := os.ReadFile(path)
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

// input is a form file to read, and the folder it was found under, so
// that outputs can mirror the folders below it.
type input struct {
	path string
	root string // the folder given on the command line, or the file's own folder
}

// outputBase is where the outputs of in go, without their extension:
// beside the input without outDir, else mirrored under outDir.
func (in input) outputBase(outDir string) string {
	base := strings.TrimSuffix(in.path, filepath.Ext(in.path))
	if outDir == "" {
		return base
	}
	rel, err := filepath.Rel(in.root, base)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = filepath.Base(base)
	}
	return filepath.Join(outDir, rel)
}

// name is how the summary names the input: its path under the folder given.
func (in input) name() string {
	if rel, err := filepath.Rel(in.root, in.path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return in.path
}

// inputFiles expands the arguments: a file stands for itself, a folder for
// every *.toml under it, in a stable order.
func inputFiles(args []string) ([]input, error) {
	var files []input
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, errors.Unwrap(err))
		}
		if !info.IsDir() {
			files = append(files, input{path: arg, root: filepath.Dir(arg)})
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != arg && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".toml") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading folder %s: %w", arg, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .toml files in this folder", arg)
		}
		slices.Sort(found)
		for _, f := range found {
			files = append(files, input{path: f, root: arg})
		}
	}
	return files, nil
}
