package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"jixiao"
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
				c.commandHelp(c.stdout, cmd, fs)
				return nil, exitOK, true
			}
			c.printf(c.stderr, "jixiao %s: %s\nRun 'jixiao help %s' for its flags.\n", cmd.name, flagErrorText(err), cmd.name)
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

func (c *cli) commandHelp(w io.Writer, cmd *command, fs *flag.FlagSet) {
	c.printf(w, "Usage: jixiao %s [flags] %s\n\n%s\n", cmd.name, cmd.args, c.text(cmd.summary))
	if cmd.help != "" {
		fmt.Fprintf(w, "\n%s\n", c.text(strings.TrimSpace(cmd.help)))
	}
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		translated := *f
		translated.Usage = c.text(f.Usage)
		name, usage := flag.UnquoteUsage(&translated)
		line := "  " + flagName(f.Name)
		if name != "" {
			line += " " + name
		}
		line += "\n      " + usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += c.tr(" (default %s)", f.DefValue)
		}
		lines = append(lines, line)
	})
	if len(lines) > 0 {
		c.printf(w, "\nFlags:\n%s\n", strings.Join(lines, "\n"))
	}
	c.printf(w, "  --lang zh|en\n      the language of messages (default: the system's; or set JIXIAO_LANG)\n")
	c.printf(w, "  --help\n      show this help\n")
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
	c.printf(c.stderr, "jixiao %s: %s\nRun 'jixiao help %s' for its usage.\n", cmd.name, c.tr(format, args...), cmd.name)
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

// text is a fixed text (a help, a flag's usage) in the language of
// messages. It is not a format: a % in it stays as it is.
func (c *cli) text(english string) string {
	if c.lang != jixiao.Chinese {
		return english
	}
	return jixiao.ChineseOf(english)
}

// flagMessages are the flag package's errors, as catalog keys whose
// English is the package's own text.
var flagMessages = []struct {
	re     *regexp.Regexp
	format string
}{
	{regexp.MustCompile(`^flag provided but not defined: (.+)$`), "flag provided but not defined: %s"},
	{regexp.MustCompile(`^flag needs an argument: (.+)$`), "flag needs an argument: %s"},
	{regexp.MustCompile(`^invalid boolean value (.+) for (.+): (.+)$`), "invalid boolean value %s for %s: %s"},
	{regexp.MustCompile(`^invalid value (.+) for flag (.+): (.+)$`), "invalid value %s for flag %s: %s"},
	{regexp.MustCompile(`^bad flag syntax: (.+)$`), "bad flag syntax: %s"},
}

// flagErrorText is a flag parsing error as a Text the catalog translates.
func flagErrorText(err error) jixiao.Text {
	msg := err.Error()
	for _, m := range flagMessages {
		if sub := m.re.FindStringSubmatch(msg); sub != nil {
			args := make([]any, len(sub)-1)
			for i, a := range sub[1:] {
				args[i] = a
			}
			return jixiao.T(m.format, args...)
		}
	}
	return jixiao.T("%s", msg)
}
