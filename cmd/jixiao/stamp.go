package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/render"
	"jixiao/templates"
)

// A stamp records what a form's outputs were made from: the program
// version, the template and its font files, the output settings and the
// form itself, each by its SHA-256. render writes it beside the outputs,
// in the hidden file .NAME.jixiao, after they are all written; --changed
// skips a form whose outputs exist and whose stamp is the one it would
// write now. Hashes rather than modification times: a copied or checked-out
// file keeps its bytes, not its time, and a template edited back and forth
// is seen for what it is.

// templateDigest is the SHA-256 of the template's bytes and of the font
// files it names, or of the built-in template.
func templateDigest(path string, tpl *render.Template) (string, error) {
	h := sha256.New()
	if path == "" { // every built-in form: a file picks its own by name
		for _, f := range templates.Forms {
			h.Write(builtinFile(f))
		}
		return fmt.Sprintf("%x", h.Sum(nil)), nil
	}
	for _, f := range append([]string{path}, tpl.FontFiles()...) {
		if err := hashFile(h, f); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(h, "%s\x00", filepath.Base(path))
	_, err = io.Copy(h, f)
	return err
}

// stamp is the stamp the outputs of the form data get in this run.
func (r *renderer) stamp(data []byte, opt renderOptions) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "jixiao %s\n", version())
	fmt.Fprintf(&b, "template sha256:%s\n", r.templateDigest)
	fmt.Fprintf(&b, "formats %s\n", strings.Join(opt.formats, ","))
	if slices.Contains(opt.formats, "png") {
		fmt.Fprintf(&b, "dpi %g\n", opt.dpi)
	}
	if !opt.date.IsZero() {
		fmt.Fprintf(&b, "date %s\n", opt.date.UTC().Format("2006-01-02T15:04:05Z"))
	}
	fmt.Fprintf(&b, "form sha256:%x\n", sha256.Sum256(data))
	return b.Bytes()
}

// stampPath is the stamp file of the outputs at base.
func stampPath(base string) string {
	return filepath.Join(filepath.Dir(base), "."+filepath.Base(base)+".jixiao")
}

// upToDate tells whether the outputs at base exist and carry stamp.
func upToDate(base string, stamp []byte, formats []string) bool {
	got, err := os.ReadFile(stampPath(base))
	if err != nil || !bytes.Equal(got, stamp) {
		return false
	}
	for _, f := range formats {
		if _, err := os.Stat(outputs(base, f, 1)[0]); err != nil {
			return false
		}
	}
	return true
}

// writeStamp records stamp for the outputs at base.
func writeStamp(base string, stamp []byte) error {
	return atomicfile.Write(stampPath(base), stamp)
}

// removeStamp forgets the stamp before outputs are rewritten, so that an
// interrupted run never leaves new outputs under an old stamp.
func removeStamp(base string) error {
	if err := os.Remove(stampPath(base)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
