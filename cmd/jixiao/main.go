// Command jixiao turns a department's performance self-evaluation
// (部门整体支出绩效自评), written as a TOML file, into the official form
// 附件2：部门整体支出绩效自评表 as PDF and XLSX, after checking and scoring it.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"golang.org/x/text/language"

	"jixiao"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// command is one subcommand: jixiao NAME [flags] ARGS.
type command struct {
	name    string
	args    string // synopsis of the arguments, for help
	summary string // one line, for the command list
	help    string // the rest of the help text
	run     func(c *cli, cmd *command, args []string) int
	hidden  bool
}

// cli carries the streams, so that tests run commands in-process.
type cli struct {
	ctx            context.Context // cancelled by Ctrl-C; nil means never
	stdout, stderr io.Writer
	stdin          io.Reader
	isTerminal     bool // stderr is a terminal: progress bars allowed
	// env reads the environment, for the language; nil in tests, which
	// then speak English unless they set lang or give --lang.
	env        func(string) string
	lang       language.Tag // of every message; set from --lang and the environment
	langChosen bool
}

// commands lists the commands in the order help shows them. It is filled
// in init, as the help command itself reads it.
var commands []*command

func init() {
	commands = []*command{checkCommand, renderCommand, previewCommand, importCommand, initCommand, schemaCommand, templateCommand, generateCommand, versionCommand, helpCommand}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to stop cleanly; from then on the
	// default handling is back, so a second one ends the process at once.
	go func() { <-ctx.Done(); stop() }()
	c := &cli{ctx: ctx, stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, isTerminal: isTerminal(os.Stderr), env: os.Getenv}
	code := c.launchMain(os.Args[1:], startedFromExplorer())
	stop()
	os.Exit(code)
}

func (c *cli) main(args []string) int {
	args, ok := c.chooseLanguage(args)
	if !ok {
		return exitUsage
	}
	if len(args) == 0 {
		c.usage(c.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		c.usage(c.stdout)
		return exitOK
	case "-version", "--version":
		args[0] = "version"
	}
	cmd := findCommand(args[0])
	if cmd == nil {
		c.printf(c.stderr, "jixiao: unknown command %q\nRun 'jixiao --help' for the commands.\n", args[0])
		return exitUsage
	}
	return cmd.run(c, cmd, args[1:])
}

func findCommand(name string) *command {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, c.text(usageHead))
	for _, cmd := range commands {
		if !cmd.hidden {
			fmt.Fprintf(w, "  %-9s %s\n", cmd.name, c.text(cmd.summary))
		}
	}
	fmt.Fprint(w, c.text(usageTail))
}

// The help's head and tail, around the list of commands; their Chinese is
// in messages_zh.go.
const (
	usageHead = `jixiao turns a performance self-evaluation, written as a TOML file, into its
official form — 附件2：部门整体支出绩效自评表 by default, 项目支出绩效自评表, or
a form of your own ('jixiao template --list') — as PDF and XLSX, after
checking and scoring it.

Usage:
  jixiao COMMAND [flags] ARGS

Commands:
`
	usageTail = `
Start with:
  jixiao init my-form.toml        write a blank form, then fill it in
  jixiao check my-form.toml       find what is missing or does not add up
  jixiao render my-form.toml      write my-form.pdf and my-form.xlsx

Run 'jixiao help COMMAND' for a command's flags. Every command takes
--lang zh|en (or JIXIAO_LANG) to choose the language of its messages.
Exit status: 0 ok, 1 problems found, 2 usage error.
`
)

var helpCommand = &command{
	name: "help", args: "[COMMAND]", summary: "show the help of a command",
	run: func(c *cli, _ *command, args []string) int {
		if len(args) == 0 {
			c.usage(c.stdout)
			return exitOK
		}
		cmd := findCommand(args[0])
		if cmd == nil {
			c.printf(c.stderr, "jixiao help: unknown command %q\n", args[0])
			return exitUsage
		}
		return cmd.run(c, cmd, []string{"--help"})
	},
}

var versionCommand = &command{
	name: "version", summary: "print the version",
	help: "Prints jixiao's version, the commit it was built from and when.",
	run: func(c *cli, cmd *command, args []string) int {
		if _, code, done := parseFlags(c, cmd, args, nil); done {
			return code
		}
		fmt.Fprintln(c.stdout, "jixiao", currentStamp())
		return exitOK
	},
}

// The release build (.ci/release) sets these with
// -ldflags "-X main.buildVersion=v1.2.0 -X main.buildCommit=... -X main.buildDate=...".
var buildVersion, buildCommit, buildDate string

// buildStamp is what a binary knows of its own build.
type buildStamp struct {
	version string // v1.2.0, a module pseudo-version, or dev
	commit  string // the VCS revision, "" if unknown
	date    string // the commit's or the build's time (RFC 3339), "" if unknown
}

func (s buildStamp) String() string {
	switch {
	case s.commit != "" && s.date != "":
		return fmt.Sprintf("%s (commit %s, %s)", s.version, s.commit, s.date)
	case s.commit != "":
		return fmt.Sprintf("%s (commit %s)", s.version, s.commit)
	}
	return s.version
}

func currentStamp() buildStamp {
	info, _ := debug.ReadBuildInfo()
	return stampOf(buildVersion, buildCommit, buildDate, info)
}

// stampOf prefers the release build's stamp; then the module's build
// info: the module version (go install jixiao/cmd/jixiao@v1.2.0, or a
// pseudo-version from a checkout), vcs.revision and vcs.time (go build in
// a checkout); go run stamps none of these, which gives "dev".
func stampOf(version, commit, date string, info *debug.BuildInfo) buildStamp {
	s := buildStamp{version: version, commit: commit, date: date}
	if info == nil {
		if s.version == "" {
			s.version = "dev"
		}
		return s
	}
	rev, dirty := "", false
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			if s.date == "" {
				s.date = kv.Value
			}
		case "vcs.modified":
			dirty = kv.Value == "true"
		}
	}
	if s.commit == "" {
		s.commit = rev
	}
	if s.version == "" {
		switch v := info.Main.Version; {
		case v != "" && v != "(devel)":
			s.version = v
		case rev != "":
			s.version = "dev-" + rev[:min(12, len(rev))]
			if dirty {
				s.version += "-dirty"
			}
		default:
			s.version = "dev"
		}
	}
	return s
}

// version is the version alone, as PDFs name their creator.
func version() string { return currentStamp().version }

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}

// chooseLanguage takes the global --lang flag out of args and sets the
// language of messages; ok is false after a usage error.
func (c *cli) chooseLanguage(args []string) (rest []string, ok bool) {
	rest, flag, found := extractLangFlag(args)
	switch {
	case found:
		c.lang = languageOf(flag)
	case c.env != nil && !c.langChosen:
		c.lang = chooseLanguage("", c.env, systemLanguage)
	}
	c.langChosen = true // launchMain chooses, then main: the first choice holds
	if found && !validLangFlag(flag) {
		c.printf(c.stderr, "jixiao: --lang %q: expected zh or en\n", flag)
		return nil, false
	}
	return rest, true
}

// tr puts an English message into the language of messages.
func (c *cli) tr(format string, args ...any) string { return jixiao.Sprintf(c.lang, format, args...) }

// printf writes a message in the language of messages.
func (c *cli) printf(w io.Writer, format string, args ...any) { fmt.Fprint(w, c.tr(format, args...)) }

// problem writes one problem, a line in the language of messages.
func (c *cli) problem(w io.Writer, p jixiao.Problem) { fmt.Fprintln(w, p.Line(c.lang)) }
