package gopdf

import (
	"fmt"
	"io"
)

type cacheContentLine struct {
	pageHeight float64
	x1         float64
	y1         float64
	x2         float64
	y2         float64
	opts       lineOptions
}

func (c *cacheContentLine) write(w io.Writer, protection *PDFProtection) error {
	io.WriteString(w, "q\n")
	for _, extGStateIndex := range c.opts.extGStateIndexes {
		fmt.Fprintf(w, "/GS%d gs\n", extGStateIndex)
	}
	// jixiao: appended instead of fmt.Fprintf, which allocated per number.
	b := appendFixed2(spareBytes(w), c.x1)
	b = append(b, ' ')
	b = appendFixed2(b, c.pageHeight-c.y1)
	b = append(b, " m "...)
	b = appendFixed2(b, c.x2)
	b = append(b, ' ')
	b = appendFixed2(b, c.pageHeight-c.y2)
	b = append(b, " l S\nQ\n"...)
	_, err := w.Write(b)
	return err
}
