package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"

	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/cmd/jixiao/internal/gen"
	"jixiao/render"
)

var generateCommand = &command{
	name: "generate", args: "N -o DIR", summary: "make N made-up but valid forms, to try a batch",
	help: generateHelp,
	run: func(c *cli, cmd *command, args []string) int {
		var dir, name string
		var seed uint64
		rest, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "o", "", "write the forms into `DIR` (required)")
			fs.Uint64Var(&seed, "seed", 1, "the `SEED` the forms are made from")
			fs.StringVar(&name, "form", "", "make forms of the built-in form `NAME` (default: 附件2 of 2020)")
		})
		if done {
			return code
		}
		if len(rest) != 1 || dir == "" {
			return c.usageError(cmd, "expected N and -o DIR")
		}
		n, err := strconv.Atoi(rest[0])
		if err != nil || n < 1 || n > 1_000_000 {
			return c.usageError(cmd, "N = %q: expected a number from 1 to 1000000", rest[0])
		}
		tpl, _, ok := render.BuiltinForm(name)
		if !ok {
			return c.usageError(cmd, msgNotBuiltin, name)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			c.printf(c.stderr, "jixiao generate: %s\n", errText(err))
			return exitProblems
		}
		ctx := c.context()
		for i := range n {
			if ctx.Err() != nil {
				c.printf(c.stderr, "jixiao generate: interrupted after %d of %d forms\n", i, n)
				return exitInterrupted
			}
			path := filepath.Join(dir, gen.Name(seed, i)+".toml")
			if err := atomicfile.Write(path, []byte(gen.FormOf(tpl, seed, i))); err != nil {
				c.printf(c.stderr, "jixiao generate: %s\n", errText(err))
				return exitProblems
			}
		}
		c.printf(c.stdout, "wrote %d forms into %s\n", n, dir)
		return exitOK
	},
}

// generateHelp is the help of the command; its Chinese is in messages_zh.go.
const generateHelp = `Writes N made-up forms into DIR: varied departments, amounts that add up,
15 to 45 indicators, texts from short to very long. Every one checks clean.
They are for trying a batch run or measuring speed, not for submission.
The same --seed gives the same forms.

Example:
  jixiao generate 20 -o /tmp/forms && jixiao render /tmp/forms -o /tmp/out`
