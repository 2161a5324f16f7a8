package png

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	stdpng "image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"jixiao/render"
	"jixiao/render/internal/rendertest"
)

// sample lays out the sample form.
func sample(tb testing.TB) (*render.Engine, *render.Document) {
	tb.Helper()
	return rendertest.Sample(tb)
}

func TestPagesAndSize(t *testing.T) {
	_, doc := sample(t)
	for _, c := range []struct {
		dpi  float64
		w, h int
	}{{96, 794, 1123}, {150, 1241, 1754}, {72, 596, 842}} {
		files, err := Render(doc, c.dpi)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(doc.Pages) || len(files) != 2 {
			t.Fatalf("%g dpi: %d PNGs for %d pages (the sample has 2)", c.dpi, len(files), len(doc.Pages))
		}
		for i, f := range files {
			img, err := stdpng.Decode(bytes.NewReader(f))
			if err != nil {
				t.Fatalf("%g dpi, page %d: %v", c.dpi, i+1, err)
			}
			if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
				t.Errorf("%g dpi, page %d: %v; A4 is %d × %d", c.dpi, i+1, b.Size(), c.w, c.h)
			}
			if p, ok := img.(*image.Paletted); !ok || len(p.Palette) != 16 {
				t.Errorf("page %d decodes as %T, want 16 gray levels", i+1, img)
			}
		}
	}
}

// TestInkWhereTheLayoutSaid checks every page at 96 dpi: each rule is
// black along its length; each text line has ink in its em box; and there
// is no ink anywhere else, so text sits where the layout put it.
// TestInkWhereTheLayoutSaid draws the sample, and a form whose 执行率
// 100% the layout set smaller to fit its column: every line's ink lies
// where the layout put it, at the size it resolved.
func TestInkWhereTheLayoutSaid(t *testing.T) {
	full, err := os.ReadFile(filepath.Join("..", "testdata", "full-execution.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{rendertest.SampleData(t), full} {
		e, doc := rendertest.Layout(t, data)
		inkWhereTheLayoutSaid(t, e, doc)
	}
}

func inkWhereTheLayoutSaid(t *testing.T, e *render.Engine, doc *render.Document) {
	const dpi = 96
	s := dpi / 72.0
	for i, page := range doc.Pages {
		img, err := Draw(doc, i, dpi)
		if err != nil {
			t.Fatal(err)
		}
		allowed := image.NewAlpha(img.Rect) // where ink may be
		mark := func(r image.Rectangle) {
			r = r.Intersect(img.Rect)
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					allowed.Pix[allowed.PixOffset(x, y)] = 1
				}
			}
		}
		for _, r := range page.Rules {
			for _, f := range []float64{0.1, 0.5, 0.9} {
				// The pixel that holds the point on the rule's centre line.
				x, y := int((r.X1+f*(r.X2-r.X1))*s), int((r.Y1+f*(r.Y2-r.Y1))*s)
				if v := img.GrayAt(x, y).Y; v != 0 {
					t.Fatalf("page %d: rule %+v is %d at (%d, %d), want black", page.Number, r, v, x, y)
				}
			}
			mark(image.Rect(px(r.X1*s)-2, px(r.Y1*s)-2, px(r.X2*s)+2, px(r.Y2*s)+2))
		}
		for _, tx := range page.Texts {
			size := tx.Size
			// The em box: 0.88 em above the baseline, 0.12 below in the
			// Noto SC faces; Latin descenders reach a little lower.
			box := image.Rect(px(tx.X*s)-1, px((tx.Y-0.92*size)*s), px((tx.X+tx.Width)*s)+1, px((tx.Y+0.25*size)*s)+1)
			if ink(img, box) == 0 {
				t.Errorf("page %d: no ink for %q in %v", page.Number, tx.Text, box)
			}
			// Both ends: a line drawn with other advances would end short
			// or long. Most lines end in a glyph with ink near its edge.
			right := image.Rect(box.Max.X-3-int(size*s), box.Min.Y, box.Max.X, box.Max.Y)
			if ink(img, right) == 0 {
				t.Errorf("page %d: no ink at the end of %q in %v", page.Number, tx.Text, right)
			}
			mark(box)
		}
		for y := 0; y < img.Rect.Dy(); y++ {
			for x := 0; x < img.Rect.Dx(); x++ {
				if img.Pix[img.PixOffset(x, y)] != 0xff && allowed.Pix[allowed.PixOffset(x, y)] == 0 {
					t.Fatalf("page %d: ink at (%d, %d), outside every text and rule", page.Number, x, y)
				}
			}
		}
		// The left margin (18 mm) is empty paper.
		if n := ink(img, image.Rect(0, 0, px(18/25.4*dpi)-2, img.Rect.Dy())); n != 0 {
			t.Errorf("page %d: %d inked pixels in the left margin", page.Number, n)
		}
	}
}

func px(v float64) int { return int(v + 0.5) }

// ink counts the pixels in r that are not white.
func ink(img *image.Gray, r image.Rectangle) int {
	n := 0
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.GrayAt(x, y).Y < 0xc0 {
				n++
			}
		}
	}
	return n
}

// TestEncodeKeepsTheDrawing decodes a page and finds every pixel within
// half a step of the 16 gray levels from the drawing.
func TestEncodeKeepsTheDrawing(t *testing.T) {
	_, doc := sample(t)
	img, err := Draw(doc, 0, 96)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	back, err := stdpng.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	for y := range img.Rect.Dy() {
		for x := range img.Rect.Dx() {
			r, _, _, _ := back.At(x, y).RGBA()
			if d := int(img.GrayAt(x, y).Y) - int(r>>8); d < -8 || d > 8 {
				t.Fatalf("(%d, %d): drawn %d, decoded %d", x, y, img.GrayAt(x, y).Y, r>>8)
			}
		}
	}
}

func TestSameInputSameBytes(t *testing.T) {
	_, doc := sample(t)
	want, err := Render(doc, 96)
	if err != nil {
		t.Fatal(err)
	}
	// Several documents at once, as the preview does: each must come out
	// as if alone (run with -race to check the face handling too).
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := Render(doc, 96)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range want {
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("page %d differs between two renders", i+1)
				}
			}
		})
	}
	wg.Wait()
}

func TestBadArguments(t *testing.T) {
	_, doc := sample(t)
	if _, err := Render(doc, 0); !errors.Is(err, ErrDPI) {
		t.Errorf("0 dpi: %v, want ErrDPI", err)
	}
	if _, err := Draw(doc, 0, 5000); !errors.Is(err, ErrDPI) {
		t.Errorf("5000 dpi: %v, want ErrDPI", err)
	}
	if _, err := Draw(doc, len(doc.Pages), 96); err == nil {
		t.Error("a page past the end was drawn")
	}
}

// TestWriteSample writes the sample's pages where PNG_DIR says, to look at
// them beside the PDF: PNG_DIR=/tmp/png-check go test ./render/png -run WriteSample
func TestWriteSample(t *testing.T) {
	dir := os.Getenv("PNG_DIR")
	if dir == "" {
		t.Skip("PNG_DIR not set")
	}
	_, doc := sample(t)
	for _, dpi := range []float64{96, 150} {
		files, err := Render(doc, dpi)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range files {
			name := filepath.Join(dir, fmt.Sprintf("yiyang-2020-%g-%d.png", dpi, i+1))
			if err := os.WriteFile(name, f, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes", name, len(f))
		}
	}
}

func benchDraw(b *testing.B, dpi float64) {
	_, doc := sample(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Draw(doc, 0, dpi); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDraw96(b *testing.B)  { benchDraw(b, 96) }
func BenchmarkDraw150(b *testing.B) { benchDraw(b, 150) }

func benchEncode(b *testing.B, dpi float64) {
	_, doc := sample(b)
	img, err := Draw(doc, 0, dpi)
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := Encode(&out, img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "png-bytes")
}

func BenchmarkEncode96(b *testing.B)  { benchEncode(b, 96) }
func BenchmarkEncode150(b *testing.B) { benchEncode(b, 150) }

// benchRender is the whole sample, both pages drawn and encoded.
func benchRender(b *testing.B, dpi float64) {
	_, doc := sample(b)
	for b.Loop() {
		if _, err := Render(doc, dpi); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender96(b *testing.B)  { benchRender(b, 96) }
func BenchmarkRender150(b *testing.B) { benchRender(b, 150) }
