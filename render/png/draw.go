package png

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"jixiao/fonts"
	"jixiao/render"
)

// painter draws one page. It owns its opentype faces, which keep scratch
// buffers and so are not safe for concurrent use: a painter is never
// shared between goroutines, and the only things it shares with other
// painters (the *sfnt.Font and the *fonts.Face) are read-only.
type painter struct {
	img   *image.Gray
	dpi   float64
	scale float64 // pixels per point
	faces map[faceKey]font.Face
}

// faceKey names an opentype face: one per font and size on a page, not
// one per line of text.
type faceKey struct {
	face *fonts.Face
	size float64 // points
}

func newPainter(doc *render.Document, dpi float64) *painter {
	img := image.NewGray(image.Rectangle{Max: Size(doc, dpi)})
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	return &painter{img: img, dpi: dpi, scale: dpi / 72, faces: map[faceKey]font.Face{}}
}

// draw paints the page in the PDF's order: texts, then borders.
func (p *painter) draw(look *render.Look, page *render.Page) (*image.Gray, error) {
	for _, t := range page.Texts {
		if err := p.text(look, t); err != nil {
			return nil, err
		}
	}
	for _, r := range page.Rules {
		p.rule(r)
	}
	return p.img, nil
}

func (p *painter) face(f *fonts.Face, size float64) (font.Face, error) {
	k := faceKey{f, size}
	if of, ok := p.faces[k]; ok {
		return of, nil
	}
	// No hinting: glyphs keep their design widths and shapes, as in the
	// PDF, instead of being snapped to the pixel grid.
	of, err := opentype.NewFace(f.Font(), &opentype.FaceOptions{Size: size, DPI: p.dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font %s at %g pt: %w", f.Name(), size, err)
	}
	p.faces[k] = of
	return of, nil
}

// text draws one line with its baseline starting at (t.X, t.Y). Each glyph
// is placed at the sum of the advances before it as the layout measured
// them (fonts.Face, unkerned, like gopdf), not as the rasterizer rounds
// them, so that the line ends exactly at t.X + t.Width.
func (p *painter) text(look *render.Look, t render.Text) error {
	f := look.Face(t.Style)
	if f == nil {
		return fmt.Errorf("text %q: the template has no style %q", t.Text, t.Style)
	}
	of, err := p.face(f, t.Size)
	if err != nil {
		return fmt.Errorf("text %q: %w", t.Text, err)
	}
	y := toFixed(t.Y * p.scale)
	x := t.X
	for _, r := range t.Text {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			dr, mask, mp, _, _ := of.Glyph(fixed.Point26_6{X: toFixed(x * p.scale), Y: y}, r)
			if mask != nil {
				p.blend(dr, mask, mp)
			}
		}
		x += f.Advance(r) * t.Size
	}
	return nil
}

func toFixed(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }

// blend lays black ink through a coverage mask: dst × (1 − coverage).
func (p *painter) blend(dr image.Rectangle, mask image.Image, mp image.Point) {
	a, ok := mask.(*image.Alpha)
	if !ok {
		draw.DrawMask(p.img, dr, image.Black, image.Point{}, mask, mp, draw.Over)
		return
	}
	r := dr.Intersect(p.img.Rect)
	if r.Empty() {
		return
	}
	off := mp.Sub(dr.Min) // mask pixel of a destination pixel, less that pixel
	for y := r.Min.Y; y < r.Max.Y; y++ {
		src := a.Pix[a.PixOffset(r.Min.X+off.X, y+off.Y):][:r.Dx()]
		dst := p.img.Pix[p.img.PixOffset(r.Min.X, y):][:r.Dx()]
		for i, m := range src {
			if m != 0 {
				dst[i] = uint8((uint32(dst[i])*uint32(255-m) + 127) / 255)
			}
		}
	}
}

// rule draws a border. Horizontal and vertical rules, all the layout
// makes, are snapped to whole pixels, at least one wide (a PDF line of
// width 0 is the thinnest the device draws, too), and extended by half
// their width at each end so that corners meet without a notch.
func (p *painter) rule(r render.Rule) {
	n := max(1, int(math.Round(r.Width*p.scale)))
	// start is the first pixel row (or column) of a rule centred at c.
	start := func(c float64) int { return int(math.Round(c*p.scale - float64(n)/2)) }
	x1, x2 := min(r.X1, r.X2), max(r.X1, r.X2)
	y1, y2 := min(r.Y1, r.Y2), max(r.Y1, r.Y2)
	switch {
	case y2-y1 < 1e-6:
		p.fill(image.Rect(start(x1), start(y1), start(x2)+n, start(y1)+n))
	case x2-x1 < 1e-6:
		p.fill(image.Rect(start(x1), start(y1), start(x1)+n, start(y2)+n))
	default:
		p.slanted(r)
	}
}

func (p *painter) fill(r image.Rectangle) {
	r = r.Intersect(p.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		clear(p.img.Pix[p.img.PixOffset(r.Min.X, y):][:r.Dx()])
	}
}

// slanted draws a rule that is neither horizontal nor vertical as an
// anti-aliased band; the layout makes none today.
func (p *painter) slanted(r render.Rule) {
	s := p.scale
	ax, ay, bx, by := r.X1*s, r.Y1*s, r.X2*s, r.Y2*s
	half := max(r.Width*s, 1) / 2
	l := math.Hypot(bx-ax, by-ay)
	nx, ny := -(by-ay)/l*half, (bx-ax)/l*half
	xs := []float64{ax + nx, bx + nx, bx - nx, ax - nx}
	ys := []float64{ay + ny, by + ny, by - ny, ay - ny}
	box := image.Rect(int(math.Floor(min(xs[0], xs[1], xs[2], xs[3]))), int(math.Floor(min(ys[0], ys[1], ys[2], ys[3]))),
		int(math.Ceil(max(xs[0], xs[1], xs[2], xs[3]))), int(math.Ceil(max(ys[0], ys[1], ys[2], ys[3]))))
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	o := box.Min
	z.MoveTo(float32(xs[0]-float64(o.X)), float32(ys[0]-float64(o.Y)))
	for i := 1; i < 4; i++ {
		z.LineTo(float32(xs[i]-float64(o.X)), float32(ys[i]-float64(o.Y)))
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rectangle{Max: box.Size()})
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	p.blend(box, mask, image.Point{})
}
