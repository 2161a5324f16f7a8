package gopdf

import (
	"fmt"
	"io"
	"strconv"
)

// CIDFontObj is a CID-keyed font.
// cf. https://www.adobe.com/content/dam/acom/en/devnet/font/pdfs/5014.CIDFont_Spec.pdf
type CIDFontObj struct {
	PtrToSubsetFontObj        *SubsetFontObj
	indexObjSubfontDescriptor int
	indexObjCIDToGIDMap       int // jixiao: the renumbered font's map
}

func (ci *CIDFontObj) init(funcGetRoot func() *GoPdf) {
}

// SetIndexObjSubfontDescriptor set  indexObjSubfontDescriptor
func (ci *CIDFontObj) SetIndexObjSubfontDescriptor(index int) {
	ci.indexObjSubfontDescriptor = index
}

func (ci *CIDFontObj) getType() string {
	return "CIDFont"
}

func (ci *CIDFontObj) write(w io.Writer, objID int) error {
	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "/BaseFont /%s\n", CreateEmbeddedFontSubsetName(ci.PtrToSubsetFontObj.GetFamily()))
	io.WriteString(w, "/CIDSystemInfo\n")
	io.WriteString(w, "<<\n")
	io.WriteString(w, "  /Ordering (Identity)\n")
	io.WriteString(w, "  /Registry (Adobe)\n")
	io.WriteString(w, "  /Supplement 0\n")
	io.WriteString(w, ">>\n")
	fmt.Fprintf(w, "/FontDescriptor %d 0 R\n", ci.indexObjSubfontDescriptor+1) //TODO fix
	fmt.Fprintf(w, "/CIDToGIDMap %d 0 R\n", ci.indexObjCIDToGIDMap+1)
	io.WriteString(w, "/Subtype /CIDFontType2\n")
	io.WriteString(w, "/Type /Font\n")
	glyphIndexs := ci.PtrToSubsetFontObj.CharacterToGlyphIndex.AllVals()
	// jixiao: appended to a buffer, as fmt's "%d[%d]", without its allocations
	buff := GetBuffer()
	defer PutBuffer(buff)
	buff.WriteString("/W [")
	for _, v := range glyphIndexs {
		width := ci.PtrToSubsetFontObj.GlyphIndexToPdfWidth(v)
		b := strconv.AppendUint(buff.AvailableBuffer(), uint64(v), 10)
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(width), 10)
		buff.Write(append(b, ']'))
	}
	buff.WriteString("]\n")
	buff.WriteTo(w)
	io.WriteString(w, ">>\n")
	return nil
}

// SetPtrToSubsetFontObj set PtrToSubsetFontObj
func (ci *CIDFontObj) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	ci.PtrToSubsetFontObj = ptr
}

// jixiao: cidToGIDMapObj is the CIDToGIDMap stream of a renumbered
// embedded font (see PdfDictionaryObj.subsetGlyphs): two bytes, the new
// glyph number, for each CID (the source font's glyph number) up to the
// highest one embedded; glyphs not embedded map to 0.
type cidToGIDMapObj struct {
	dict          *PdfDictionaryObj
	getRoot       func() *GoPdf
	pdfProtection *PDFProtection
}

func (m *cidToGIDMapObj) init(funcGetRoot func() *GoPdf) {
	m.getRoot = funcGetRoot
}

func (m *cidToGIDMapObj) getType() string {
	return "CIDToGIDMap"
}

func (m *cidToGIDMapObj) write(w io.Writer, objID int) error {
	glyphs := m.dict.subsetGlyphs()
	cids := make([]byte, 2*(glyphs[len(glyphs)-1]+1))
	for gid, cid := range glyphs {
		cids[2*cid], cids[2*cid+1] = byte(gid>>8), byte(gid)
	}
	zbuff := GetBuffer()
	defer PutBuffer(zbuff)
	level := m.getRoot().compressLevel
	zw, err := getZlibWriter(zbuff, level)
	if err != nil {
		return err
	}
	defer putZlibWriter(zw, level)
	if _, err := zw.Write(cids); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	data := zbuff.Bytes()
	if m.pdfProtection != nil {
		if data, err = rc4Cip(m.pdfProtection.objectkey(objID), data); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "<</Length %d\n/Filter /FlateDecode\n>>\nstream\n", len(data))
	w.Write(data)
	io.WriteString(w, "\nendstream\n")
	return nil
}
