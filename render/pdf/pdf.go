// Package pdf draws a laid-out form with gopdf. It computes no positions of
// its own: every line of text, box and border comes from render.Document.
package pdf

import (
	"compress/zlib"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"runtime"
	"slices"
	"sync"
	"time"
	"weak"

	"github.com/signintech/gopdf"

	"jixiao/fonts"
	"jixiao/render"
)

// Info is the document information the PDF carries besides the form.
type Info struct {
	Creator string    // e.g. "jixiao v1.0.0"
	Subject string    // e.g. the template's name
	Date    time.Time // the creation date; zero writes none, so output is reproducible
}

// Write draws doc and writes the PDF to w.
func Write(w io.Writer, doc *render.Document, info Info) error {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: doc.Width, H: doc.Height}})
	// Content at BestSpeed, embedded fonts Huffman-coded only (glyph
	// outlines have few repeats to find). BenchmarkRenderPDF, check and
	// layout included: 2.7 ms and 106 KB; both at BestSpeed 3.4 ms and
	// 95 KB; both at zlib's default level about 5 ms and 90 KB.
	pdf.SetCompressLevel(zlib.BestSpeed)
	pdf.SetFontCompressLevel(zlib.HuffmanOnly)
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        doc.Title,
		Author:       doc.Author,
		Subject:      info.Subject,
		Creator:      info.Creator,
		Producer:     info.Creator,
		CreationDate: info.Date,
	})
	// Register each face a style uses once, in a fixed order, so that
	// the same input always gives the same bytes.
	var faces []*fonts.Face
	styleFace := map[string]*fonts.Face{}
	for _, style := range slices.Sorted(maps.Keys(doc.Look.Styles)) {
		face := doc.Look.Face(style)
		if !slices.Contains(faces, face) {
			faces = append(faces, face)
		}
		styleFace[style] = face
	}
	fcs, err := fontContainers(faces)
	if err != nil {
		return err
	}
	families := map[string]string{} // style → font family in this PDF
	byFace := map[*fonts.Face]string{}
	for i, face := range faces {
		family := familyName(face)
		if err := pdf.AddTTFFontFromFontContainer(family, fcs[i]); err != nil {
			return fmt.Errorf("font %s: %w", face.Name(), err)
		}
		byFace[face] = family
	}
	for style, face := range styleFace {
		families[style] = byFace[face]
	}
	for _, page := range doc.Pages {
		pdf.AddPage()
		if err := drawPage(pdf, page, families); err != nil {
			return fmt.Errorf("page %d: %w", page.Number, err)
		}
	}
	if _, err := pdf.WriteTo(w); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

func drawPage(pdf *gopdf.GoPdf, page render.Page, families map[string]string) error {
	pdf.SetTextColor(0, 0, 0)
	style, size := "", 0.0 // the style and size the current font was set for
	for _, t := range page.Texts {
		if t.Text == "" {
			continue
		}
		if t.Style != style || t.Size != size {
			if err := pdf.SetFont(families[t.Style], "", t.Size); err != nil {
				return fmt.Errorf("font for %s: %w", t.Style, err)
			}
			style, size = t.Style, t.Size
		}
		pdf.SetXY(t.X, t.Y)
		if err := pdf.Text(t.Text); err != nil {
			return fmt.Errorf("text %q: %w", t.Text, err)
		}
	}
	pdf.SetStrokeColor(0, 0, 0)
	for _, r := range page.Rules {
		pdf.SetLineWidth(r.Width)
		pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
	}
	return nil
}

// containers holds each face parsed by gopdf, once per process: parsing a
// CJK font costs milliseconds, and every document shares the result. The
// keys are weak, and an entry goes when its face does: a preview reloads
// an office's font file at each template change, and the old parses must
// not pile up.
var (
	containersMu sync.Mutex
	containers   = map[weak.Pointer[fonts.Face]]*fontParse{}
)

// fontParse is gopdf's parse of one face, done once.
type fontParse struct {
	once sync.Once
	fc   *gopdf.FontContainer
	err  error
}

// fontContainers returns gopdf's parses of faces, parsing those not yet
// parsed at the same time: the first PDF of a run pays for them, and
// each costs a millisecond or more.
func fontContainers(faces []*fonts.Face) ([]*gopdf.FontContainer, error) {
	parses := make([]*fontParse, len(faces))
	containersMu.Lock()
	for i, face := range faces {
		key := weak.Make(face)
		if parses[i] = containers[key]; parses[i] == nil {
			parses[i] = &fontParse{}
			containers[key] = parses[i]
			runtime.AddCleanup(face, forget, key)
		}
	}
	containersMu.Unlock()
	var wg sync.WaitGroup
	for i := 1; i < len(faces); i++ {
		wg.Go(func() { parses[i].parse(faces[i]) })
	}
	if len(faces) > 0 {
		parses[0].parse(faces[0])
	}
	wg.Wait()
	fcs := make([]*gopdf.FontContainer, len(faces))
	for i, p := range parses {
		if p.err != nil {
			return nil, p.err
		}
		fcs[i] = p.fc
	}
	return fcs, nil
}

func (p *fontParse) parse(face *fonts.Face) {
	p.once.Do(func() {
		fc := &gopdf.FontContainer{}
		if err := fc.AddTTFFontData(familyName(face), face.Data()); err != nil {
			p.err = fmt.Errorf("font %s: %w", face.Name(), err)
			return
		}
		p.fc = fc
	})
}

// familyName is the name face is registered under in a PDF, with a subset
// tag, such as "JXABCD+NotoSerifSC-Regular": PDF tools recognise the tag
// and report the font as a subset, which it is — gopdf embeds only the
// glyphs used.
func familyName(face *fonts.Face) string {
	return subsetTag(face.Name()) + "+" + face.Name()
}

// forget drops the container of a face that is gone.
func forget(key weak.Pointer[fonts.Face]) {
	containersMu.Lock()
	delete(containers, key)
	containersMu.Unlock()
}

// subsetTag derives the six capital letters of a subset tag from the font's
// name, so that the same input always gives the same bytes.
func subsetTag(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}
