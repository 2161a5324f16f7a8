package gopdf

import (
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/signintech/gopdf/fontmaker/core"
)

// EntrySelectors entry selectors
var EntrySelectors = []int{
	0, 0, 1, 1, 2, 2,
	2, 2, 3, 3, 3, 3,
	3, 3, 3, 3, 4, 4,
	4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4,
}

// ErrNotSupportShortIndexYet not support none short index yet
var ErrNotSupportShortIndexYet = errors.New("not support none short index yet")

// PdfDictionaryObj pdf dictionary object
type PdfDictionaryObj struct {
	PtrToSubsetFontObj *SubsetFontObj
	getRoot            func() *GoPdf
	pdfProtection      *PDFProtection
}

func (p *PdfDictionaryObj) init(funcGetRoot func() *GoPdf) {
	p.getRoot = funcGetRoot
}

func (p *PdfDictionaryObj) setProtection(pr *PDFProtection) {
	p.pdfProtection = pr
}

func (p *PdfDictionaryObj) protection() *PDFProtection {
	return p.pdfProtection
}

func (p *PdfDictionaryObj) write(w io.Writer, objID int) error {
	b, err := p.makeFont()
	if err != nil {
		//log.Panicf("%s", err.Error())
		return err
	}

	//zipvar buff bytes.Buffer
	zbuff := GetBuffer()
	defer PutBuffer(zbuff)

	// jixiao: the level SetFontCompressLevel or SetCompressLevel sets.
	level := zlib.DefaultCompression
	if root := p.getRoot; root != nil {
		level = root().compressLevel
		if root().fontCompressLevelSet {
			level = root().fontCompressLevel
		}
	}
	gzipwriter, err := getZlibWriter(zbuff, level)
	if err != nil {
		return err
	}
	defer putZlibWriter(gzipwriter, level)
	_, err = gzipwriter.Write(b)
	if err != nil {
		return err
	}
	gzipwriter.Close()

	fmt.Fprintf(w, "<</Length %d\n", zbuff.Len())
	io.WriteString(w, "/Filter /FlateDecode\n")
	fmt.Fprintf(w, "/Length1 %d\n", len(b))
	io.WriteString(w, ">>\n")
	io.WriteString(w, "stream\n")
	if p.protection() != nil {
		tmp, err := rc4Cip(p.protection().objectkey(objID), zbuff.Bytes())
		if err != nil {
			return err
		}
		w.Write(tmp)
		//p.buffer.WriteString("\n")
	} else {
		w.Write(zbuff.Bytes())
	}
	io.WriteString(w, "\nendstream\n")

	return nil
}

func (p *PdfDictionaryObj) getType() string {
	return "PdfDictionary"
}

// SetPtrToSubsetFontObj set subsetFontObj pointer
func (p *PdfDictionaryObj) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	p.PtrToSubsetFontObj = ptr
}

// jixiao: the embedded font is renumbered. It holds only the glyphs the
// document uses (with .notdef and the parts of composite glyphs), as
// glyphs 0..n-1 in the order of their old numbers, and its loca and hmtx
// have n entries instead of one per glyph of the source font. Text keeps
// the old numbers as CIDs; the font's CIDToGIDMap (cidToGIDMapObj) maps
// them onto the new ones.

// subsetGlyphs returns the source font's numbers of the glyphs the subset
// embeds, sorted and distinct; its index in the slice is a glyph's new
// number.
func (p *PdfDictionaryObj) subsetGlyphs() []int {
	glyphs := p.completeGlyphClosure(p.PtrToSubsetFontObj.CharacterToGlyphIndex)
	sort.Ints(glyphs)
	distinct := glyphs[:0]
	for i, g := range glyphs {
		if i == 0 || g != glyphs[i-1] {
			distinct = append(distinct, g)
		}
	}
	return distinct
}

// newGlyph is the new number of source glyph g, which must be in glyphs.
func newGlyph(glyphs []int, g int) int {
	return sort.SearchInts(glyphs, g)
}

func (p *PdfDictionaryObj) makeGlyfAndLocaTable(glyphs []int) ([]byte, []int) {
	ttfp := p.PtrToSubsetFontObj.GetTTFParser()
	size := 0
	for _, g := range glyphs {
		size += p.getGlyphSize(g)
	}
	glyf := core.TableDirectoryEntry{Length: uint(size)}
	glyphTable := make([]byte, 0, glyf.PaddedLength())
	locaTable := make([]int, 0, len(glyphs)+1)
	fontData := ttfp.FontData()
	for _, g := range glyphs {
		locaTable = append(locaTable, len(glyphTable))
		start := p.GetOffset(g)
		glyphTable = append(glyphTable, fontData[start:start+p.getGlyphSize(g)]...)
		p.renumberComponents(glyphTable[locaTable[len(locaTable)-1]:], glyphs)
	}
	locaTable = append(locaTable, len(glyphTable))
	return glyphTable[:glyf.PaddedLength()], locaTable
}

func (p *PdfDictionaryObj) getGlyphSize(glyph int) int {
	return p.GetOffset(glyph+1) - p.GetOffset(glyph)
}

// renumberComponents rewrites the glyph numbers in a composite glyph's
// components (data is the glyph's copy) to their new numbers.
func (p *PdfDictionaryObj) renumberComponents(data []byte, glyphs []int) {
	if len(data) < 10 || int16(uint16(data[0])<<8|uint16(data[1])) >= 0 {
		return // empty or simple glyph
	}
	for offset := 10; offset+4 <= len(data); {
		flags := uint16(data[offset])<<8 | uint16(data[offset+1])
		g := newGlyph(glyphs, int(uint16(data[offset+2])<<8|uint16(data[offset+3])))
		data[offset+2], data[offset+3] = byte(g>>8), byte(g)
		if flags&moreComponents == 0 {
			return
		}
		offset += 4 + componentArgsSize(flags)
	}
}

// componentArgsSize is the size of a composite glyph component's
// arguments and transform, which follow its flags and glyph number.
func componentArgsSize(flags uint16) int {
	n := 4
	if flags&arg1and2areWords == 0 {
		n = 2
	}
	if flags&hasScale != 0 {
		n += 2
	} else if flags&xAndYScale != 0 {
		n += 4
	}
	if flags&twoByTwo != 0 {
		n += 8
	}
	return n
}

// makeHmtx writes the horizontal metrics of the embedded glyphs, one
// long metric (advance, left side bearing) each.
func (p *PdfDictionaryObj) makeHmtx(glyphs []int) []byte {
	ttfp := p.PtrToSubsetFontObj.GetTTFParser()
	hmtx := ttfp.GetTables()["hmtx"]
	fontData := ttfp.FontData()
	numH := int(ttfp.NumberOfHMetrics())
	widths := ttfp.Widths()
	data := make([]byte, 0, 4*len(glyphs))
	for _, g := range glyphs {
		lsb := int(hmtx.Offset) + 4*numH + 2*(g-numH)
		if g < numH {
			lsb = int(hmtx.Offset) + 4*g + 2
		}
		var adv uint
		if g < len(widths) {
			adv = widths[g]
		}
		data = append(data, byte(adv>>8), byte(adv), fontData[lsb], fontData[lsb+1])
	}
	return data
}

// tableWithUint16 copies a table of the source font with the 16-bit
// number at offset replaced by v.
func tableWithUint16(ttfp *core.TTFParser, tag string, offset int, v int) []byte {
	entry := ttfp.GetTables()[tag]
	data := append([]byte(nil), ttfp.FontData()[entry.Offset:entry.Offset+entry.Length]...)
	data[offset], data[offset+1] = byte(v>>8), byte(v)
	return data
}

func (p *PdfDictionaryObj) makeFont() ([]byte, error) {
	var buff Buff
	ttfp := p.PtrToSubsetFontObj.GetTTFParser()
	glyphs := p.subsetGlyphs()
	glyphTable, locaTable := p.makeGlyfAndLocaTable(glyphs)

	var loca []byte
	for _, off := range locaTable {
		if ttfp.IsShortIndex {
			loca = append(loca, byte(off>>9), byte(off>>1))
		} else {
			loca = append(loca, byte(off>>24), byte(off>>16), byte(off>>8), byte(off))
		}
	}
	tables := map[string][]byte{
		"glyf": glyphTable,
		"loca": loca,
		"hmtx": p.makeHmtx(glyphs),
		"hhea": tableWithUint16(ttfp, "hhea", 34, len(glyphs)), // numberOfHMetrics
		"maxp": tableWithUint16(ttfp, "maxp", 4, len(glyphs)),  // numGlyphs
	}
	for _, tag := range []string{"cvt ", "fpgm", "head", "prep"} {
		if entry, ok := ttfp.GetTables()[tag]; ok {
			tables[tag] = ttfp.FontData()[entry.Offset : entry.Offset+entry.Length]
		}
	}
	tableCount := len(tables)
	selector := EntrySelectors[tableCount]

	WriteUInt32(&buff, 0x00010000)
	WriteUInt16(&buff, uint(tableCount))
	WriteUInt16(&buff, ((1 << uint(selector)) * 16))
	WriteUInt16(&buff, uint(selector))
	WriteUInt16(&buff, (uint(tableCount)-(1<<uint(selector)))*16)

	var tags []string
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	tablePosition := int(12 + 16*tableCount)
	for idx, tag := range tags {
		entry := core.TableDirectoryEntry{Length: uint(len(tables[tag]))}
		data := make([]byte, entry.PaddedLength())
		copy(data, tables[tag])
		entry.CheckSum = CheckSum(data)

		offset := uint64(tablePosition)
		buff.SetPosition(tablePosition)
		WriteBytes(&buff, data, 0, len(data))
		tablePosition = buff.Position()

		//write table
		buff.SetPosition(idx*16 + 12)
		WriteTag(&buff, tag)
		WriteUInt32(&buff, uint(entry.CheckSum))
		WriteUInt32(&buff, uint(offset)) //offset
		WriteUInt32(&buff, uint(entry.Length))
	}
	return buff.Bytes(), nil
}

func (p *PdfDictionaryObj) completeGlyphClosure(mapOfglyphs *MapOfCharacterToGlyphIndex) []int {
	var glyphArray []int
	//copy
	isContainZero := false
	glyphs := mapOfglyphs.AllVals()
	for _, v := range glyphs {
		glyphArray = append(glyphArray, int(v))
		if v == 0 {
			isContainZero = true
		}
	}
	if !isContainZero {
		glyphArray = append(glyphArray, 0)
	}

	// jixiao: up to the growing length, so that the components of
	// components are embedded too.
	for i := 0; i < len(glyphArray); i++ {
		p.AddCompositeGlyphs(&glyphArray, glyphArray[i])
	}
	return glyphArray
}

// AddCompositeGlyphs add composite glyph
// composite glyph is a Unicode entity that can be defined as a sequence of one or more other characters.
func (p *PdfDictionaryObj) AddCompositeGlyphs(glyphArray *[]int, glyph int) {
	start := p.GetOffset(int(glyph))
	if start == p.GetOffset(int(glyph)+1) {
		return
	}

	offset := start
	ttfp := p.PtrToSubsetFontObj.GetTTFParser()
	fontData := ttfp.FontData()
	numContours, step := ReadShortFromByte(fontData, offset)
	offset += step
	if numContours >= 0 {
		return
	}

	offset += 8
	for {
		flags, step1 := ReadUShortFromByte(fontData, offset)
		offset += step1
		cGlyph, step2 := ReadUShortFromByte(fontData, offset)
		offset += step2
		//check cGlyph is contain in glyphArray?
		glyphContainsKey := false
		for _, g := range *glyphArray {
			if g == int(cGlyph) {
				glyphContainsKey = true
				break
			}
		}
		if !glyphContainsKey {
			*glyphArray = append(*glyphArray, int(cGlyph))
		}

		if (flags & moreComponents) == 0 {
			return
		}
		offsetAppend := 4
		if (flags & arg1and2areWords) == 0 {
			offsetAppend = 2
		}
		if (flags & hasScale) != 0 {
			offsetAppend += 2
		} else if (flags & xAndYScale) != 0 {
			offsetAppend += 4
		}
		if (flags & twoByTwo) != 0 {
			offsetAppend += 8
		}
		offset += offsetAppend
	}
}

const hasScale = 8
const moreComponents = 32
const arg1and2areWords = 1
const xAndYScale = 64
const twoByTwo = 128

// GetOffset get offset from glyf table
func (p *PdfDictionaryObj) GetOffset(glyph int) int {
	ttfp := p.PtrToSubsetFontObj.GetTTFParser()
	glyf := ttfp.GetTables()["glyf"]
	offset := int(glyf.Offset + ttfp.LocaTable[glyph])
	return offset
}

// CheckSum check sum
func CheckSum(data []byte) uint {

	var byte3, byte2, byte1, byte0 uint64
	byte3 = 0
	byte2 = 0
	byte1 = 0
	byte0 = 0
	length := len(data)
	i := 0
	for i < length {
		byte3 += uint64(data[i])
		i++
		byte2 += uint64(data[i])
		i++
		byte1 += uint64(data[i])
		i++
		byte0 += uint64(data[i])
		i++
	}
	//var result uint32
	result := uint32(byte3<<24) + uint32(byte2<<16) + uint32(byte1<<8) + uint32(byte0)
	return uint(result)
}
