package png

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"jixiao/render/pdf"
)

// TestSamePlacesAsThePDF draws the sample with this package and, from the
// PDF, with poppler's pdftocairo, and compares each text line's ink: its
// centre, and its spread (from the first 5% of its ink to the last 5%),
// must agree within a fraction of a pixel, so the text sits on the same
// baselines with the same widths. pdftocairo, not pdftoppm: pdftoppm puts
// each glyph's origin on a whole pixel, which shifts its text by half a
// pixel on average; cairo places glyphs as exactly as this package does.
// Skipped where pdftocairo is not installed (Debian: poppler-utils).
func TestSamePlacesAsThePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftocairo"); err != nil {
		t.Skip("pdftocairo not installed (Debian: poppler-utils)")
	}
	const dpi = 150
	e, doc := sample(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := pdf.Write(&b, doc, pdf.Info{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "form.pdf"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftocairo", "-r", fmt.Sprint(dpi), "-gray", "-png", filepath.Join(dir, "form.pdf"), filepath.Join(dir, "p")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftocairo: %v\n%s", err, out)
	}
	// cairo rounds each glyph's origin to a whole pixel, so one line may
	// be half a pixel off, and its ends a pixel; on average none may be.
	limits := [3]float64{0.75, 0.75, 1.25}
	s := dpi / 72.0
	var worst [3]float64
	var sum [3]float64 // of the differences, for a systematic one
	n := 0
	for i, page := range doc.Pages {
		ours, err := Draw(doc, i, dpi)
		if err != nil {
			t.Fatal(err)
		}
		theirs := decodeGray(t, filepath.Join(dir, fmt.Sprintf("p-%d.png", i+1)))
		if ours.Rect != theirs.Rect {
			t.Fatalf("page %d: %v here, %v from pdftocairo", page.Number, ours.Rect.Size(), theirs.Rect.Size())
		}
		for _, tx := range page.Texts {
			size := e.Template.Styles[tx.Style].Size
			box := image.Rect(int(tx.X*s)-2, int((tx.Y-0.92*size)*s), int((tx.X+tx.Width)*s)+3, int((tx.Y+0.25*size)*s)+1)
			a, b := inkStats(ours, box), inkStats(theirs, box)
			d := [3]float64{a.x - b.x, a.y - b.y, a.spread - b.spread}
			n++
			for k, what := range []string{"ink centre x", "ink centre y", "ink spread"} {
				sum[k] += d[k]
				worst[k] = max(worst[k], math.Abs(d[k]))
				if math.Abs(d[k]) > limits[k] {
					t.Errorf("page %d, %q: %s %+.2f px from the PDF's", page.Number, tx.Text, what, d[k])
				}
			}
		}
	}
	mx, my, ms := sum[0]/float64(n), sum[1]/float64(n), sum[2]/float64(n)
	if math.Abs(mx) > 0.15 || math.Abs(my) > 0.15 || math.Abs(ms) > 0.15 {
		t.Errorf("on average, text is shifted by (%+.2f, %+.2f) px from the PDF's and %+.2f px wider", mx, my, ms)
	}
	t.Logf("%d lines at %d dpi: mean shift (%+.2f, %+.2f) px, mean spread %+.2f px; largest |difference|: centre x %.2f, y %.2f, spread %.2f px",
		n, dpi, mx, my, ms, worst[0], worst[1], worst[2])
}

type inkSpot struct{ x, y, spread float64 }

// inkStats returns the centre of the ink in r, each pixel weighted by its
// darkness, and the distance between where the ink starts and ends: the
// points where two pixels' worth of ink has gathered from the left and
// from the right. An amount, not a share of the ink, keeps both inside
// the first and the last glyph, and moves smoothly with the glyphs.
func inkStats(img *image.Gray, r image.Rectangle) inkSpot {
	cols := make([]float64, r.Dx())
	var sum, sx, sy float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			d := float64(255 - img.GrayAt(x, y).Y)
			sum += d
			sx += d * float64(x)
			sy += d * float64(y)
			cols[x-r.Min.X] += d
		}
	}
	if sum == 0 {
		return inkSpot{}
	}
	const amount = 2 * 255
	edge := func(order func(int) int) float64 {
		acc := 0.0
		for i := range cols {
			c := cols[order(i)]
			if c > 0 && acc+c >= amount {
				return float64(i) + (amount-acc)/c
			}
			acc += c
		}
		return float64(len(cols))
	}
	left := edge(func(i int) int { return i })
	right := float64(len(cols)) - edge(func(i int) int { return len(cols) - 1 - i })
	return inkSpot{sx / sum, sy / sum, right - left}
}

func decodeGray(t *testing.T, path string) *image.Gray {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	// pdftoppm -gray still writes RGB PNGs.
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
	return g
}
