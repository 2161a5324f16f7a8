package gopdf

import (
	"bytes"
	"io"
	"math"
	"strconv"
)

// jixiao: appending formatters for the content stream, the widths and the
// ToUnicode map. They write what fmt wrote (%04X, %0.2f, FormatFloatTrim)
// without boxing each number into an interface, which allocated for
// every glyph and coordinate of a document.

// spareBytes is w's spare capacity when w is a *bytes.Buffer, to append
// to and Write back without allocating; nil otherwise.
func spareBytes(w io.Writer) []byte {
	if b, ok := w.(*bytes.Buffer); ok {
		return b.AvailableBuffer()
	}
	return nil
}

// appendHex4 appends v in upper-case hexadecimal, at least four digits,
// as fmt's %04X.
func appendHex4(b []byte, v uint64) []byte {
	const digits = "0123456789ABCDEF"
	n := 4
	for v>>(4*n) != 0 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		b = append(b, digits[(v>>(4*i))&0xF])
	}
	return b
}

// appendFixed2 appends f with two decimals, as fmt's %0.2f.
func appendFixed2(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, f, 'f', 2, 64)
}

// appendFloatTrim appends f as FormatFloatTrim formats it.
func appendFloatTrim(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, math.Round(1000*f)/1000, 'f', -1, 64)
}
