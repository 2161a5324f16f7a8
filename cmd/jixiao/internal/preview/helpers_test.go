package preview

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/render"
	"jixiao/render/pdf"
	"jixiao/render/xlsx"
)

const samplePath = "../../../../samples/yiyang-2020.toml"

// sampleFile copies the sample into a temporary folder.
func sampleFile(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "form.toml")
	writeFile(t, path, string(data))
	return path
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editFile replaces old by new in the file, once, and fails if old is
// not there.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(data), old, new, 1))
}

// fileBuild builds the data file with the built-in template, as the
// command does without --template.
func fileBuild(t *testing.T, path string) func() Build {
	e, err := render.NewEngine(render.DefaultTemplate())
	if err != nil {
		t.Fatal(err)
	}
	return func() Build {
		data, err := os.ReadFile(path)
		if err != nil {
			return Build{Problems: jixiao.Problems{{File: path, Severity: jixiao.Error, Message: err.Error()}}}
		}
		s, problems := jixiao.Check(path, data, e.Template.Domain())
		if problems.Errors() > 0 {
			return Build{Problems: problems, Watch: []string{path}}
		}
		doc, glyphs := e.Layout(s, path)
		return Build{Doc: doc, Problems: append(problems, glyphs...), Watch: []string{path}}
	}
}

// get fetches a URL and returns the status and body.
func get(t *testing.T, client *http.Client, url string) (int, http.Header, []byte) {
	t.Helper()
	res, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, body
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// testEncode writes the downloads as the command's encoder does.
func testEncode(w io.Writer, format string, doc *render.Document) error {
	if format == "pdf" {
		return pdf.Write(w, doc, pdf.Info{Creator: "jixiao test"})
	}
	return xlsx.Write(w, doc, xlsx.Info{Creator: "jixiao test"})
}
