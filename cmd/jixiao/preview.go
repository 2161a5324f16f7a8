package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"jixiao/cmd/jixiao/internal/preview"
	"jixiao/render"
	pngout "jixiao/render/png"
)

var previewCommand = &command{
	name: "preview", args: "FILE", summary: "show a form in the browser, redrawn at each save",
	help: previewHelp,
	run:  runPreview,
}

func runPreview(c *cli, cmd *command, args []string) int {
	var templatePath, addr string
	var open bool
	dpi := 120.0 // shown 800 px wide, an A4 page at 120 dpi stays sharp
	files, code, done := parseFlags(c, cmd, args, func(fs *flag.FlagSet) {
		fs.StringVar(&templatePath, "template", "", "lay out with this template `FILE`, and watch it (see 'jixiao template')")
		fs.StringVar(&addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT`; port 0 picks a free one")
		fs.BoolVar(&open, "open", false, "open the page in the web browser")
		fs.Float64Var(&dpi, "dpi", dpi, "resolution of the page images, in `DPI` (dots per inch)")
	})
	if done {
		return code
	}
	if len(files) != 1 {
		return c.usageError(cmd, "expected one FILE, got %d", len(files))
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return c.usageError(cmd, "--addr %q: expected HOST:PORT, e.g. 127.0.0.1:8080", addr)
	}
	if dpi < pngout.MinDPI || dpi > pngout.MaxDPI {
		return c.usageError(cmd, "--dpi %g: expected %d to %d", dpi, pngout.MinDPI, pngout.MaxDPI)
	}
	data := files[0]
	if fi, err := os.Stat(data); err != nil {
		c.printf(c.stderr, "jixiao preview: %s: %s\n", data, errText(unwrapPathError(err)))
		return exitProblems
	} else if fi.IsDir() {
		return c.usageError(cmd, "%s is a folder; preview shows one form", data)
	}
	b := &previewBuilder{data: data, template: templatePath, stop: c.context()}
	watch := []string{data}
	if templatePath != "" {
		watch = append(watch, templatePath)
	}
	cfg := preview.Config{
		Build: b.build,
		Name:  strings.TrimSuffix(filepath.Base(data), filepath.Ext(data)),
		DPI:   dpi,
		Encode: func(w io.Writer, format string, doc *render.Document) error {
			return encode(w, format, doc, time.Time{})
		},
		Log:   c.stderr,
		Lang:  c.lang,
		Addr:  addr,
		Watch: watch,
		Ready: func(urls []string) {
			if !loopbackAddr(addr) {
				c.printf(c.stderr, "jixiao preview: warning: --addr %s listens beyond this machine: anyone who can reach %s sees the form and can download it\n",
					addr, strings.Join(urls[min(1, len(urls)-1):], ", "))
			}
			for _, url := range urls {
				fmt.Fprintln(c.stdout, url)
			}
			if open {
				openBrowser(urls[0])
			}
		},
	}
	if err := preview.Run(c.context(), cfg); err != nil {
		c.printf(c.stderr, "jixiao preview: %s\n", errText(err))
		return exitProblems
	}
	return exitOK
}

// loopbackAddr tells whether --addr keeps the page on this machine.
func loopbackAddr(addr string) bool {
	host, _, _ := net.SplitHostPort(addr)
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openBrowser asks the desktop to open url, and does not wait: without a
// desktop (a server, a container) the address printed is enough. Tests
// replace it.
var openBrowser = defaultOpenBrowser

func defaultOpenBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go func() { _ = cmd.Wait() }() // reaps the process; its status does not matter
	}
}

// previewHelp is the help of the command; its Chinese is in messages_zh.go.
const previewHelp = `Serves a local web page showing every page of the form (a data file, or
a spreadsheet or Word form as 'jixiao import' reads it) as it prints,
with the problems 'jixiao check' reports above it, and links to download
the PDF and the XLSX. The page follows the files: at each save of the data
file, of the template (--template) or of a font file the template names,
the form is checked, laid out and drawn again, and the open page updates
itself. While the files have errors the page keeps the last good drawing
and lists the errors above it, each with its line.

Prints the page's address, then one line per rebuild: the time it took
and the errors and warnings found. Listens on 127.0.0.1 (a free port
unless --addr says otherwise); only --addr makes it reachable from other
machines: with --addr 0.0.0.0:PORT (every interface) it prints each of the
machine's addresses, and warns that others can see the form. Ctrl-C
stops it.

Examples:
  jixiao preview my-form.toml --open
  jixiao template my-template.toml
  jixiao preview my-form.toml --template my-template.toml --addr 127.0.0.1:8080`
