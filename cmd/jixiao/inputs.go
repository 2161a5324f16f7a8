package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"jixiao"
	"jixiao/render"
)

// input is a form file to read, and where its outputs go.
type input struct {
	path string // as found: an argument, or an argument folder joined with the path below it
	rel  string // its path below the inputs' common folder: outputs mirror it under -o, the summary names the form by it
}

// stdinName is how a form read from stdin ("-") is named in messages.
const stdinName = "stdin"

// outputBase is where the outputs of in go, without their extension:
// beside the input without outDir, else at its mirrored place under outDir.
func (in input) outputBase(outDir string) string {
	p := in.path
	if outDir != "" {
		p = filepath.Join(outDir, in.rel)
	}
	return strings.TrimSuffix(p, filepath.Ext(p))
}

// name is how the summary names the input.
func (in input) name() string { return in.rel }

// inputSet is what the arguments stand for.
type inputSet struct {
	files []input
	// root is the deepest folder holding every argument: outputs under -o
	// mirror the paths below it, so that y2021/档案馆.toml and
	// y2022/档案馆.toml go to OUT/y2021/ and OUT/y2022/.
	root string
	// problems are arguments and folders that could not be read; the
	// files found elsewhere are still listed.
	problems jixiao.Problems
}

// inputFiles expands the arguments: a file stands for itself, a folder for
// every form under it (*.toml, *.xlsx, *.docx) in a stable order, skipping
// hidden files and folders, editors' lock files, and what render wrote
// there (see formsUnder; outDir is render's -o). With allowStdin, "-" is
// the form on stdin. An argument or folder that cannot be read is one
// problem; the rest is still listed. A file reached twice is listed once.
func inputFiles(args []string, allowStdin bool, outDir string) inputSet {
	var set inputSet
	set.root = commonFolder(args)
	seen := map[string]bool{}
	add := func(path string) {
		key := filepath.Clean(path)
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
		}
		if seen[key] {
			return
		}
		seen[key] = true
		set.files = append(set.files, input{path: path, rel: relTo(set.root, path)})
	}
	for _, arg := range args {
		if arg == "-" && allowStdin {
			set.files = append(set.files, input{path: "-", rel: stdinName})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			set.problems = append(set.problems, readProblem(arg, err))
			continue
		}
		if !info.IsDir() {
			add(arg)
			continue
		}
		found, problems := formsUnder(arg, outDir)
		set.problems = append(set.problems, problems...)
		if len(found) == 0 && len(problems) == 0 {
			set.problems = append(set.problems, jixiao.NewProblem(arg, jixiao.Pos{}, jixiao.Error, "no-forms", jixiao.T(msgNoForms)))
		}
		for _, f := range found {
			add(f)
		}
	}
	return set
}

// readDir lists a folder. Tests replace it to make a folder unreadable,
// which permissions cannot do when they run as root.
var readDir = os.ReadDir

// formsUnder lists the forms under dir, sorted: data files (*.toml), and
// spreadsheets and Word forms (*.xlsx, *.docx) that are not render's own
// outputs — the XLSX beside a data file of the same name, a batch's
// summary (汇总表.xlsx), anything in the -o folder outDir when it lies
// below dir — so that rendering a folder twice reads the same forms. A
// folder that cannot be read is one problem, and the walk goes on. Links
// to folders are not followed.
func formsUnder(dir, outDir string) ([]string, jixiao.Problems) {
	var found []string
	var problems jixiao.Problems
	out := ""
	if outDir != "" && !sameFile(outDir, dir) {
		out = outDir
	}
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := readDir(dir)
		if err != nil {
			problems = append(problems, jixiao.NewProblem(dir, jixiao.Pos{}, jixiao.Error, "cannot-read",
				jixiao.T("cannot read this folder: %s", errText(unwrapPathError(err)))))
			return
		}
		names := map[string]bool{}
		for _, d := range entries {
			names[strings.ToLower(d.Name())] = true
		}
		for _, d := range entries {
			path := filepath.Join(dir, d.Name())
			switch {
			case skipped(d.Name()):
			case d.IsDir() && out != "" && sameFile(path, out):
			case d.IsDir():
				walk(path)
			case strings.EqualFold(filepath.Ext(path), ".toml"):
				found = append(found, path)
			case isOffice(path) && !renderOutput(d.Name(), names):
				found = append(found, path)
			}
		}
	}
	walk(dir)
	slices.Sort(found)
	return found, problems
}

// renderOutput tells a spreadsheet that render writes, by its name among
// the names of its folder (lower case): NAME.xlsx beside the form
// NAME.toml or NAME.docx it was rendered from, and a batch's summary.
func renderOutput(name string, names map[string]bool) bool {
	ext := strings.ToLower(filepath.Ext(name))
	base := strings.TrimSuffix(strings.ToLower(name), ext)
	if ext == ".xlsx" && (names[base+".toml"] || names[base+".docx"]) {
		return true
	}
	for _, t := range render.BuiltinForms() {
		if strings.EqualFold(name, t.Summary+".xlsx") {
			return true
		}
	}
	return false
}

// skipped tells the names a folder walk passes over: hidden files and
// folders (.git, Emacs's .#form.toml lock) and Office's ~$form.toml lock.
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// commonFolder is the deepest folder holding every argument: a folder
// argument itself, a file argument's folder.
func commonFolder(args []string) string {
	var common []string
	first := true
	for _, arg := range args {
		if arg == "-" {
			continue
		}
		dir := arg
		if info, err := os.Stat(arg); err != nil || !info.IsDir() {
			dir = filepath.Dir(arg)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		parts := strings.Split(abs, string(filepath.Separator))
		if first {
			common, first = parts, false
			continue
		}
		n := 0
		for n < len(common) && n < len(parts) && common[n] == parts[n] {
			n++
		}
		common = common[:n]
	}
	if len(common) == 0 {
		return "."
	}
	root := strings.Join(common, string(filepath.Separator))
	if root == "" || strings.HasSuffix(root, ":") {
		root += string(filepath.Separator) // "/" or "C:\"
	}
	// Below the current folder, say it as the arguments did: forms/.
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, root); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return root
}

// relTo is path below root, or path's name when it is not below it.
func relTo(root, path string) string {
	absRoot, err1 := filepath.Abs(root)
	abs, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absRoot, abs); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return filepath.Base(path)
}

// readProblem is an error reading path, as a problem of that file.
func readProblem(path string, err error) jixiao.Problem {
	return jixiao.NewProblem(path, jixiao.Pos{}, jixiao.Error, "cannot-read", jixiao.T("cannot read: %s", errText(unwrapPathError(err))))
}

func unwrapPathError(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}
