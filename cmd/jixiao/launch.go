package main

import (
	"bufio"
	"fmt"
	"os"
)

// How jixiao was started decides what it does without a command word. On
// Windows, a double-click in Explorer starts it with no arguments, and
// dropping files or folders onto jixiao.exe starts it with their paths;
// either way in a console window of its own, which closes as soon as the
// program exits. So it explains, or renders what was dropped, and then
// waits for Enter.

// launch is what to do with a command line.
type launch struct {
	explain bool     // say how to use jixiao instead of running a command
	args    []string // the command line to run, when not explaining
	wait    bool     // wait for Enter before exiting, so the window stays
}

// decideLaunch turns the arguments and whether the program has a console
// window of its own (started from Explorer) into what to do. isPath
// reports whether an argument names an existing file or folder.
func decideLaunch(args []string, fromExplorer bool, isPath func(string) bool) launch {
	if !fromExplorer {
		return launch{args: args}
	}
	if len(args) == 0 {
		return launch{explain: true, wait: true}
	}
	if findCommand(args[0]) == nil && allPaths(args, isPath) {
		return launch{args: append([]string{"render"}, args...), wait: true}
	}
	return launch{args: args, wait: true}
}

func allPaths(args []string, isPath func(string) bool) bool {
	for _, a := range args {
		if !isPath(a) {
			return false
		}
	}
	return true
}

func pathExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// launchMain runs what decideLaunch decided and returns the exit status.
func (c *cli) launchMain(args []string, fromExplorer bool) int {
	args, ok := c.chooseLanguage(args)
	if !ok {
		return exitUsage
	}
	l := decideLaunch(args, fromExplorer, pathExists)
	code := exitOK
	if l.explain {
		fmt.Fprint(c.stdout, c.text(explorerHelp))
	} else {
		code = c.main(l.args)
	}
	if l.wait {
		if !l.explain {
			if code == exitOK {
				c.printf(c.stdout, "\nDone. ")
			} else {
				c.printf(c.stdout, "\nThere are problems; see above. ")
			}
		}
		c.printf(c.stdout, "Press Enter to close this window.")
		bufio.NewReader(c.stdin).ReadString('\n')
	}
	return code
}

// explorerHelp is shown when jixiao.exe is double-clicked; its Chinese is
// in messages_zh.go.
const explorerHelp = `jixiao: makes the performance self-evaluation form (附件2) as PDF and XLSX

This program has no window of its own. Use it like this:

  1. Drag a filled-in form (.toml), or a folder of forms, onto the icon
     of jixiao.exe and let go. It checks each form and writes a PDF and
     an XLSX of the same name beside it; for several forms, also a
     汇总表.xlsx.

  2. Or, in a command prompt (cmd), in the folder of jixiao.exe, run:
       jixiao init my-form.toml       write a blank form to fill in with Notepad
       jixiao check my-form.toml      check a form and list what to fix
       jixiao render my-form.toml     write the PDF and the XLSX
       jixiao help                    list every command

The user guide, 使用说明.md, is in the archive.

`
