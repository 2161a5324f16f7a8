// Package png draws a laid-out form into page images, for the preview, the
// README's picture and visual tests. Like render/pdf it computes no
// positions of its own: every line of text and border comes from
// render.Document, drawn with the same fonts, in pure Go.
//
// Pages are drawn in 8-bit grayscale, black ink on white paper, at a
// chosen resolution (one point is dpi/72 pixels), and written as PNGs with
// 16 gray levels.
package png

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"runtime"
	"sync"

	"jixiao/render"
)

// The resolutions Draw accepts. Above MaxDPI an A4 page passes 35 MB of
// pixels, far beyond what a preview or a picture needs.
const (
	MinDPI = 10
	MaxDPI = 600
)

// ErrDPI is wrapped by the error for a resolution outside MinDPI..MaxDPI.
var ErrDPI = errors.New("resolution out of range")

// Draw draws page i (an index into doc.Pages, from 0) at dpi pixels per
// inch. The image is Size(doc, dpi).
func Draw(doc *render.Document, i int, dpi float64) (*image.Gray, error) {
	if err := checkArgs(doc, dpi); err != nil {
		return nil, err
	}
	if i < 0 || i >= len(doc.Pages) {
		return nil, fmt.Errorf("png: page index %d: the document has %d pages", i, len(doc.Pages))
	}
	page := &doc.Pages[i]
	img, err := newPainter(doc, dpi).draw(doc.Look, page)
	if err != nil {
		return nil, fmt.Errorf("png: page %d: %w", page.Number, err)
	}
	return img, nil
}

// Render draws every page of doc and encodes each as PNG: out[i] is the
// file for doc.Pages[i]. Pages are drawn and encoded concurrently, as many
// at a time as there are CPUs, which also bounds the memory taken.
func Render(doc *render.Document, dpi float64) ([][]byte, error) {
	if err := checkArgs(doc, dpi); err != nil {
		return nil, err
	}
	out := make([][]byte, len(doc.Pages))
	errs := make([]error, len(doc.Pages))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range doc.Pages {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			img, err := Draw(doc, i, dpi)
			if err != nil {
				errs[i] = err
				return
			}
			var b bytes.Buffer
			if err := Encode(&b, img); err != nil {
				errs[i] = fmt.Errorf("page %d: %w", doc.Pages[i].Number, err)
				return
			}
			out[i] = b.Bytes()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// encoder shares its compression buffers between calls: a zlib writer
// allocates about 1 MB, more than the PNG it writes.
var encoder = png.Encoder{
	// On a form page at 96 dpi, 4-bit: default 11 ms and 51 KB,
	// BestSpeed 8 ms and 57 KB, BestCompression 77 ms and 48 KB.
	CompressionLevel: png.DefaultCompression,
	BufferPool:       &bufferPool{},
}

type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	buf, _ := b.p.Get().(*png.EncoderBuffer)
	return buf
}

func (b *bufferPool) Put(buf *png.EncoderBuffer) { b.p.Put(buf) }

// Encode writes img as a PNG. A *image.Gray, as Draw makes, is written
// with 16 gray levels, 4 bits a pixel: plenty for anti-aliased text, and
// half the size of 8-bit grayscale (a third of what pdftoppm writes).
func Encode(w io.Writer, img image.Image) error {
	if g, ok := img.(*image.Gray); ok {
		img = quantize(g)
	}
	if err := encoder.Encode(w, img); err != nil {
		return fmt.Errorf("png: encoding: %w", err)
	}
	return nil
}

// grays16 is the palette Encode writes grayscale with: 0, 17, ... 255.
var grays16 = func() color.Palette {
	p := make(color.Palette, 16)
	for i := range p {
		p[i] = color.Gray{Y: uint8(i * 17)}
	}
	return p
}()

// quantize maps each gray to the nearest of grays16.
func quantize(g *image.Gray) *image.Paletted {
	p := image.NewPaletted(g.Rect, grays16)
	w := g.Rect.Dx()
	for y := range g.Rect.Dy() {
		src := g.Pix[y*g.Stride:][:w]
		dst := p.Pix[y*p.Stride:][:w]
		for i, v := range src {
			dst[i] = uint8((uint(v) + 8) / 17)
		}
	}
	return p
}

func checkArgs(doc *render.Document, dpi float64) error {
	if !(dpi >= MinDPI && dpi <= MaxDPI) {
		return fmt.Errorf("png: %g dpi: %w (expected %d to %d)", dpi, ErrDPI, MinDPI, MaxDPI)
	}
	if !(doc.Width > 0 && doc.Height > 0) {
		return fmt.Errorf("png: page size %g × %g pt is not positive", doc.Width, doc.Height)
	}
	return nil
}

// Size is the pixel size of doc's pages at dpi: the page's size rounded up
// to whole pixels, as poppler's pdftoppm does, so that the two can be
// compared pixel for pixel (A4 at 96 dpi is 794 × 1123, at 150 dpi
// 1241 × 1754).
func Size(doc *render.Document, dpi float64) image.Point {
	s := dpi / 72
	// The epsilon keeps a size of whole pixels, computed a hair over,
	// from gaining a pixel.
	return image.Pt(int(math.Ceil(doc.Width*s-1e-6)), int(math.Ceil(doc.Height*s-1e-6)))
}
