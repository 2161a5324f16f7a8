package summary

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"slices"

	"github.com/xuri/excelize/v2"
)

// sortedZip writes the workbook's parts in name order. excelize writes
// the parts of stream-written sheets in map order, so a workbook of
// several sheets would differ from run to run; the same forms must give
// the same bytes. It holds the parts until Close: a summary is small.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is part of excelize.ZipWriter; excelize never calls it.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("summary: adding a file system to the workbook is not supported")
}

func (z *sortedZip) Close() error {
	zw := zip.NewWriter(z.w)
	for _, name := range slices.Sorted(maps.Keys(z.parts)) {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(z.parts[name].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
