package tablefile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// Kind is what a file turned out to be.
type Kind string

// The kinds of files Read understands.
const (
	XLSX Kind = "xlsx"
	DOCX Kind = "docx"
)

// Read returns the tables of an XLSX workbook (one per sheet, hidden
// sheets left out) or of a DOCX document (one per table, in document
// order, after the table HeadingName of the paragraphs above the first,
// when there are any). What the file is comes from its content, not its name. Every
// failure is one error that says what was wrong with the file as a whole.
func Read(data []byte, lim Limits) (Kind, []*Table, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.FileBytes {
		return "", nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(data), lim.FileBytes)
	}
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return "", nil, ErrEncrypted
	case !bytes.HasPrefix(data, zipMagic):
		return "", nil, ErrNotZip
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	var unpacked uint64
	has := map[string]bool{}
	for _, f := range zr.File {
		unpacked += f.UncompressedSize64
		has[f.Name] = true
	}
	// archive/zip refuses to read past a part's declared size, so the sum
	// of declared sizes bounds what unpacking can cost: a zip bomb stops here.
	if unpacked > uint64(lim.UnpackedBytes) {
		return "", nil, fmt.Errorf("%w: %d bytes once unpacked, at most %d", ErrTooLarge, unpacked, lim.UnpackedBytes)
	}
	switch {
	case has["xl/workbook.xml"]:
		tables, err := readXLSX(data, lim)
		return XLSX, tables, err
	case has["word/document.xml"]:
		tables, err := readDOCX(zr, lim)
		return DOCX, tables, err
	}
	return "", nil, ErrNotOffice
}

// openPart opens a part of a zip package by name.
func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name == name {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("%w: %s is missing", ErrNotOffice, name)
}
