package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"jixiao"
	"jixiao/render"
	"jixiao/render/formread"
	"jixiao/render/tablefile"
)

// The messages about spreadsheet and Word forms, in one place for the
// message catalogs; formats for fmt.
const (
	msgOwnInput        = "%s not written: it is the form being read; render with -o FOLDER for its XLSX"
	msgImportStopped   = "%s: %s could not be read; nothing written (--partial writes the rest)"
	msgNoForms         = "no forms (.toml, .xlsx, .docx) in this folder"
	msgImportArgs      = "expected one FILE.xlsx or FILE.docx, got %d"
	msgImportNotOffice = "%s: expected an .xlsx or .docx file"
	msgFormOrTemplate  = "--form and --template: give one"
	msgNotBuiltin      = "--form %q is not a built-in form; 'jixiao template --list' shows them"
	msgNotBuiltinArg   = "%q is not a built-in form; 'jixiao template --list' shows them"
	msgExists          = "%s exists; use --force to overwrite it"

	// What is wrong with a file as a whole, and what to do.
	msgNotOffice    = "not an XLSX or DOCX file; save the form as .xlsx, .docx or .toml"
	msgEncrypted    = "protected by a password, or an old .xls/.doc file; save it as .xlsx/.docx without a password"
	msgZipNotOffice = "a zip package, but not an XLSX workbook or DOCX document; save the form as .xlsx or .docx"
	msgTooLarge     = "too large for a form; is this the right file?"
	msgTooManyRows  = "too many rows for a form (a form has at most a few hundred); is this the right sheet?"
	msgDamaged      = "damaged; open it in Excel, WPS or Word and save it again"
	msgNoTable      = "holds no table, and a form is a table; is this the right file?"
)

// officeExts are the files read as a spreadsheet or a Word form, beside
// the data files (.toml).
var officeExts = []string{".xlsx", ".docx"}

// isOffice tells a spreadsheet or Word form by its name.
func isOffice(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == officeExts[0] || ext == officeExts[1]
}

// imported is a form read from a spreadsheet or a Word document: the data
// file it stands for, and where each of its values was read, to place the
// data file's problems at their cells.
type imported struct {
	res *formread.Result
}

// importForm reads a spreadsheet or Word form with the forms given (the
// built-in ones, or --template's). Its problems are the file's as a whole
// (not an XLSX, no form known) or the values that could not be read, each
// at its cell; the result is nil when the file is no form.
func importForm(ctx context.Context, path string, forms []*render.Template) (*formread.Result, jixiao.Problems) {
	fileProblem := func(err error) jixiao.Problems {
		return jixiao.Problems{jixiao.NewProblem(path, jixiao.Pos{}, jixiao.Error, "not-a-form", officeErrText(err))}
	}
	data, err := readOffice(ctx, path)
	if err != nil {
		return nil, jixiao.Problems{readProblem(path, err)}
	}
	kind, tables, err := tablefile.Read(data, tablefile.Limits{})
	if err != nil {
		return nil, fileProblem(err)
	}
	res, err := formread.Read(kind, tables, forms)
	if err != nil {
		return nil, fileProblem(err)
	}
	var problems jixiao.Problems
	for _, p := range res.Problems {
		// The reader's messages are English only, as yet.
		pr := jixiao.NewProblem(path, jixiao.Pos{}, jixiao.Error, "unreadable-value", p.Text)
		pr.Cell, pr.Path, pr.Label = p.Where, p.Path, p.Label
		problems = append(problems, pr)
	}
	return res, problems
}

// readInput reads the form at path ("-": stdin): a data file as it is, or
// a spreadsheet or Word form as the data file it stands for. problems are
// set when nothing can be checked.
func (r *renderer) readInput(ctx context.Context, stdin io.Reader, path string) ([]byte, *imported, jixiao.Problems) {
	name := path
	if path == "-" {
		name = stdinName
	}
	if path == "-" || !isOffice(path) {
		data, err := readForm(ctx, stdin, path)
		if err != nil {
			return nil, nil, jixiao.Problems{readProblem(name, err)}
		}
		return data, nil, nil
	}
	res, problems := importForm(ctx, path, r.candidates())
	if problems.Errors() > 0 {
		return nil, nil, problems
	}
	return res.TOML(filepath.Base(path)), &imported{res}, nil
}

// candidates are the forms a spreadsheet or Word file may be.
func (r *renderer) candidates() []*render.Template {
	if r.forms == nil || r.forms.override != nil {
		return []*render.Template{r.engine.Template}
	}
	return render.BuiltinForms()
}

// locate places the problems of an imported form at the cells their
// values were read from, or at the nearest enclosing value's (an
// indicator's for a problem of its 得分 sum), else at the sheet.
func (im *imported) locate(ps jixiao.Problems) jixiao.Problems {
	if im == nil {
		return ps
	}
	for i := range ps {
		p := &ps[i]
		p.Cell, p.Pos = im.where(p.Path), jixiao.Pos{}
	}
	return ps
}

func (im *imported) where(path string) string {
	for path != "" {
		if w := im.res.Where[path]; w != "" {
			return w
		}
		if w := im.res.Computed[path]; w != "" {
			return w
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return im.res.Source
}

// sameFile tells whether two paths name the same file, ignoring case as
// Windows and macOS folders do.
func sameFile(a, b string) bool {
	absA, err1 := filepath.Abs(a)
	absB, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && strings.EqualFold(absA, absB)
}

// officeErrors are what the office reader says of a file as a whole, each
// with what to do, as catalog texts. The reader's detail (sizes, the
// sheet) is left out: the problem names the file, and the text what to do.
var officeErrors = []struct {
	err  error
	text string
}{
	{tablefile.ErrNotZip, msgNotOffice},
	{tablefile.ErrEncrypted, msgEncrypted},
	{tablefile.ErrNotOffice, msgZipNotOffice},
	{tablefile.ErrTooLarge, msgTooLarge},
	{tablefile.ErrTooManyRows, msgTooManyRows},
	{tablefile.ErrMalformed, msgDamaged},
	{tablefile.ErrNoTable, msgNoTable},
}

// officeErrText is a whole-file error of the office reader as a Text.
func officeErrText(err error) jixiao.Text {
	for _, e := range officeErrors {
		if errors.Is(err, e.err) {
			return jixiao.T(e.text)
		}
	}
	return errText(err)
}
