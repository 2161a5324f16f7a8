package preview

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"jixiao/render"
)

// Output is one good build: its document and page images, and the
// downloads, made the first time they are asked for. It never changes once
// published, so handlers read it without locks.
type Output struct {
	Version int           // the build that made it
	Pages   [][]byte      // a PNG per page
	Drawn   int           // how many of them were drawn; the others were the same as before
	Layout  time.Duration // reading, checking and laying out
	Images  time.Duration // drawing and encoding the pages

	doc    *render.Document
	encode func(w io.Writer, format string, doc *render.Document) error

	pdf, xlsx download
}

// download is a file made at most once.
type download struct {
	once sync.Once
	data []byte
	err  error
}

func (d *download) get(fill func(*bytes.Buffer) error) ([]byte, error) {
	d.once.Do(func() {
		var b bytes.Buffer
		d.err = fill(&b)
		d.data = b.Bytes()
	})
	return d.data, d.err
}

// PDF is the document as a PDF, as 'jixiao render' writes it.
func (o *Output) PDF() ([]byte, error) { return o.pdf.get(o.fill("pdf")) }

// XLSX is the document as an XLSX, as 'jixiao render' writes it.
func (o *Output) XLSX() ([]byte, error) { return o.xlsx.get(o.fill("xlsx")) }

func (o *Output) fill(format string) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error {
		if err := o.encode(b, format, o.doc); err != nil {
			return fmt.Errorf("making the %s of version %d: %w", strings.ToUpper(format), o.Version, err)
		}
		return nil
	}
}
