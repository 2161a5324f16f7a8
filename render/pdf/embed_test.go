package pdf

// The fonts as embedded: third_party/gopdf renumbers each subset's glyphs
// 0..n-1 and maps the text's CIDs (the source font's glyph numbers) onto
// them with a CIDToGIDMap. These tests read the PDF's objects and the
// embedded TrueType tables and check every glyph against the source font.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/signintech/gopdf"

	"jixiao/fonts"
	"jixiao/render/internal/rendertest"
)

// TestEmbeddedFontsRenumbered: the sample's fonts carry only the glyphs
// used, each the same outline and advance as in the source font.
func TestEmbeddedFontsRenumbered(t *testing.T) {
	e, _ := rendertest.Sample(t)
	sources := map[string]*fonts.Face{}
	for key := range e.Template.Fonts {
		face := e.FaceByKey(key)
		sources[face.Name()] = face
	}
	embedded := embeddedFonts(t, samplePDF(t, Info{}))
	if len(embedded) != 3 {
		t.Fatalf("want 3 embedded fonts, got %d", len(embedded))
	}
	for _, f := range embedded {
		face := sources[f.name[strings.IndexByte(f.name, '+')+1:]]
		if face == nil {
			t.Fatalf("%s: no source face of that name", f.name)
		}
		src := parseTTF(t, face.Data())
		checkEmbedded(t, f, src)
		if n := f.ttf.numGlyphs(); n > len(f.cids)+1 {
			t.Errorf("%s: %d glyphs embedded for %d characters", f.name, n, len(f.cids))
		}
	}
}

// TestEmbeddedCompositeGlyphs: accented letters of Liberation Serif are
// composite glyphs; their components are embedded and renumbered too.
// (The Noto SC fonts have no composite glyphs.)
func TestEmbeddedCompositeGlyphs(t *testing.T) {
	data, err := os.ReadFile("testdata/LiberationSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	if err := pdf.AddTTFFontData("JXTEST+LiberationSerif", data); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("JXTEST+LiberationSerif", "", 12); err != nil {
		t.Fatal(err)
	}
	pdf.SetXY(50, 50)
	if err := pdf.Text("Ǻ Åé ñ Ü ǻ ő"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := pdf.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	embedded := embeddedFonts(t, out.Bytes())
	if len(embedded) != 1 {
		t.Fatalf("want 1 embedded font, got %d", len(embedded))
	}
	f := embedded[0]
	composites := checkEmbedded(t, f, parseTTF(t, data))
	if composites == 0 {
		t.Fatal("no composite glyph embedded: the test text no longer tests them")
	}
	if n := f.ttf.numGlyphs(); n <= len(f.cids)+1 {
		t.Errorf("%d glyphs embedded for %d characters: components missing", n, len(f.cids))
	}
}

// checkEmbedded compares each embedded glyph with its source glyph and
// returns how many were composite.
func checkEmbedded(t *testing.T, f embeddedFont, src ttf) (composites int) {
	t.Helper()
	emb := f.ttf
	n := emb.numGlyphs()
	if h := emb.u16("hhea", 34); h != n {
		t.Errorf("%s: hhea has %d metrics for %d glyphs", f.name, h, n)
	}
	if n*4 > src.numGlyphs() {
		t.Errorf("%s: %d glyphs embedded of the source's %d: not a subset", f.name, n, src.numGlyphs())
	}
	gid := func(cid int) int {
		if 2*cid+1 >= len(f.cidToGID) {
			t.Fatalf("%s: CID %d beyond the CIDToGIDMap", f.name, cid)
		}
		return int(binary.BigEndian.Uint16(f.cidToGID[2*cid:]))
	}
	// Every embedded glyph is reachable from CID 0, a CID of the text or
	// a component; the map covers them all, components included.
	checked := map[int]bool{}
	var check func(cid int)
	check = func(cid int) {
		if checked[cid] {
			return
		}
		checked[cid] = true
		g := gid(cid)
		if g >= n {
			t.Fatalf("%s: CID %d maps to glyph %d of %d", f.name, cid, g, n)
		}
		want, got := src.glyph(cid), emb.glyph(g)
		if emb.advance(g) != src.advance(cid) {
			t.Errorf("%s: CID %d: advance %d, source %d", f.name, cid, emb.advance(g), src.advance(cid))
		}
		if len(want) != len(got) {
			t.Fatalf("%s: CID %d: glyph of %d bytes, source %d", f.name, cid, len(got), len(want))
		}
		want = bytes.Clone(want)
		for _, off := range componentOffsets(want) {
			composites++
			c := int(binary.BigEndian.Uint16(want[off:]))
			check(c)
			binary.BigEndian.PutUint16(want[off:], uint16(gid(c)))
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: CID %d: embedded glyph %d differs from the source's", f.name, cid, g)
		}
	}
	check(0)
	for _, cid := range f.cids {
		check(cid)
	}
	if len(checked) != n {
		t.Errorf("%s: %d glyphs embedded, %d reachable", f.name, n, len(checked))
	}
	return composites
}

// componentOffsets lists where a composite glyph keeps its components'
// glyph numbers; none for a simple glyph.
func componentOffsets(glyph []byte) []int {
	if len(glyph) < 10 || int16(binary.BigEndian.Uint16(glyph)) >= 0 {
		return nil
	}
	var offs []int
	for off := 10; off+4 <= len(glyph); {
		flags := binary.BigEndian.Uint16(glyph[off:])
		offs = append(offs, off+2)
		if flags&0x20 == 0 { // MORE_COMPONENTS
			break
		}
		args := 2
		if flags&0x1 != 0 { // ARG_1_AND_2_ARE_WORDS
			args = 4
		}
		switch {
		case flags&0x8 != 0: // WE_HAVE_A_SCALE
			args += 2
		case flags&0x40 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			args += 4
		case flags&0x80 != 0: // WE_HAVE_A_TWO_BY_TWO
			args += 8
		}
		off += 4 + args
	}
	return offs
}

type embeddedFont struct {
	name     string
	cids     []int  // the CIDs of the /W array
	cidToGID []byte // the CIDToGIDMap stream
	ttf      ttf
}

// embeddedFonts finds the CIDFontType2 fonts of a PDF and their parts.
func embeddedFonts(t *testing.T, data []byte) []embeddedFont {
	t.Helper()
	objs := pdfObjects(t, data)
	ref := func(dict, key string) pdfObject {
		m := regexp.MustCompile(key + ` (\d+) 0 R`).FindStringSubmatch(dict)
		if m == nil {
			t.Fatalf("no %s in %s", key, dict)
		}
		n, _ := strconv.Atoi(m[1])
		return objs[n]
	}
	var out []embeddedFont
	for n := 1; n <= len(objs); n++ {
		dict := objs[n].dict
		if !strings.Contains(dict, "/Subtype /CIDFontType2") {
			continue
		}
		f := embeddedFont{name: regexp.MustCompile(`/BaseFont /(\S+)`).FindStringSubmatch(dict)[1]}
		for _, m := range regexp.MustCompile(`(\d+)\[\d+\]`).FindAllStringSubmatch(dict, -1) {
			cid, _ := strconv.Atoi(m[1])
			f.cids = append(f.cids, cid)
		}
		f.cidToGID = inflate(t, ref(dict, "/CIDToGIDMap").stream)
		file := ref(ref(dict, "/FontDescriptor").dict, "/FontFile2")
		f.ttf = parseTTF(t, inflate(t, file.stream))
		out = append(out, f)
	}
	return out
}

type pdfObject struct {
	dict   string
	stream []byte
}

// pdfObjects reads a PDF's objects in file order, as gopdf writes them:
// no object streams, each stream's length given directly.
func pdfObjects(t *testing.T, data []byte) map[int]pdfObject {
	t.Helper()
	header := regexp.MustCompile(`(\d+) 0 obj\n`)
	objs := map[int]pdfObject{}
	for rest := data; ; {
		loc := header.FindSubmatchIndex(rest)
		if loc == nil {
			return objs
		}
		n, _ := strconv.Atoi(string(rest[loc[2]:loc[3]]))
		rest = rest[loc[1]:]
		end := bytes.Index(rest, []byte("endobj"))
		start := bytes.Index(rest, []byte("stream\n"))
		if start < 0 || start > end {
			objs[n] = pdfObject{dict: string(rest[:end])}
			rest = rest[end:]
			continue
		}
		dict := string(rest[:start])
		length, err := strconv.Atoi(regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)[1])
		if err != nil {
			t.Fatal(err)
		}
		start += len("stream\n")
		objs[n] = pdfObject{dict: dict, stream: rest[start : start+length]}
		rest = rest[start+length:]
	}
}

func inflate(t *testing.T, data []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ttf reads the few TrueType tables a PDF's font program needs.
type ttf map[string][]byte

func parseTTF(t *testing.T, data []byte) ttf {
	t.Helper()
	f := ttf{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		e := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if int(off+length) > len(data) {
			t.Fatalf("table %q beyond the font's end", e[:4])
		}
		f[string(e[:4])] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "loca", "glyf", "hmtx"} {
		if f[tag] == nil {
			t.Fatalf("font has no %s table", tag)
		}
	}
	return f
}

func (f ttf) u16(tag string, off int) int { return int(binary.BigEndian.Uint16(f[tag][off:])) }

func (f ttf) numGlyphs() int { return f.u16("maxp", 4) }

// glyph is glyph g's glyf data, through loca.
func (f ttf) glyph(g int) []byte {
	loca := func(i int) int {
		if f.u16("head", 50) == 0 { // short offsets, halved
			return 2 * f.u16("loca", 2*i)
		}
		return int(binary.BigEndian.Uint32(f["loca"][4*i:]))
	}
	return f["glyf"][loca(g):loca(g+1)]
}

// advance is glyph g's advance width, in font units.
func (f ttf) advance(g int) int {
	numH := f.u16("hhea", 34)
	return f.u16("hmtx", 4*min(g, numH-1))
}
