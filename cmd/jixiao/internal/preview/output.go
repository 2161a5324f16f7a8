package preview

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"jixiao/render"
	"jixiao/render/pdf"
	"jixiao/render/xlsx"
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

	engine  *render.Engine
	doc     *render.Document
	creator string

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
func (o *Output) PDF() ([]byte, error) {
	return o.pdf.get(func(b *bytes.Buffer) error {
		err := pdf.Write(b, o.engine, o.doc, pdf.Info{Creator: o.creator, Subject: o.engine.Template.Name})
		if err != nil {
			return fmt.Errorf("making the PDF of version %d: %w", o.Version, err)
		}
		return nil
	})
}

// XLSX is the document as an XLSX, as 'jixiao render' writes it.
func (o *Output) XLSX() ([]byte, error) {
	return o.xlsx.get(func(b *bytes.Buffer) error {
		err := xlsx.Write(b, o.engine, o.doc, xlsx.Info{Creator: o.creator, Subject: o.engine.Template.Name})
		if err != nil {
			return fmt.Errorf("making the XLSX of version %d: %w", o.Version, err)
		}
		return nil
	})
}
