package preview

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"jixiao/render"
	pngout "jixiao/render/png"
)

// imageCache keeps the PNG of each page of the last build by what is
// drawn on it, so that an edit that changes one page (the department's
// name, a score) redraws that page only. Encoding a page is most of a
// rebuild's time. Only the rebuild goroutine uses it.
type imageCache struct {
	look  *render.Look // the pages were drawn with its fonts and styles
	dpi   float64
	pages map[[32]byte][]byte
}

// render returns a PNG per page of doc, and how many it had to draw.
func (c *imageCache) render(doc *render.Document, dpi float64) ([][]byte, int, error) {
	if c.look != doc.Look || c.dpi != dpi {
		c.look, c.dpi, c.pages = doc.Look, dpi, nil
	}
	out := make([][]byte, len(doc.Pages))
	keys := make([][32]byte, len(doc.Pages))
	var todo []int
	for i := range doc.Pages {
		k, err := pageKey(doc, i)
		if err != nil {
			return nil, 0, err
		}
		keys[i] = k
		if png, ok := c.pages[k]; ok {
			out[i] = png
		} else {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(doc.Pages))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, i := range todo {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			out[i], errs[i] = drawPage(doc, i, dpi)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	// Keep only this build's pages: the cache never outgrows a document.
	c.pages = make(map[[32]byte][]byte, len(out))
	for i, png := range out {
		c.pages[keys[i]] = png
	}
	return out, len(todo), nil
}

func drawPage(doc *render.Document, i int, dpi float64) ([]byte, error) {
	img, err := pngout.Draw(doc, i, dpi)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := pngout.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("page %d: %w", doc.Pages[i].Number, err)
	}
	return b.Bytes(), nil
}

// pageKey hashes what render/png draws of a page: the paper, the texts
// and the borders. With the same engine and resolution, the same key is
// the same picture.
func pageKey(doc *render.Document, i int) ([32]byte, error) {
	p := &doc.Pages[i]
	b, err := json.Marshal(struct {
		W, H  float64
		Texts []render.Text
		Rules []render.Rule
	}{doc.Width, doc.Height, p.Texts, p.Rules})
	if err != nil {
		return [32]byte{}, fmt.Errorf("page %d: %w", p.Number, err)
	}
	return sha256.Sum256(b), nil
}
