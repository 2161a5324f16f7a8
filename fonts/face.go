package fonts

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one parsed TrueType font. It is immutable after Parse and safe
// for concurrent use. All lengths are in em units: multiply by the font
// size in points to get points.
type Face struct {
	name string
	data []byte

	// lazy, for a built-in face, parses the rest on first use: a render
	// needs only the faces its styles draw with. Every method but Name
	// and Data calls ready first. nil once parsed eagerly by Parse or Load.
	lazy *lazyParse

	font    *sfnt.Font
	upem    int
	perUnit float64 // 1 / unitsPerEm
	metrics Metrics

	// BMP lookup tables built once at parse time so that Has and Advance
	// are two array loads with no lock and no sfnt call on the hot path.
	adv     *[1 << 16]uint16 // advance in font units; .notdef's if missing
	has     *[1 << 10]uint64 // bit r set when the cmap maps r
	notdefU uint16

	bufs sync.Pool // *sfnt.Buffer for the rare runes above U+FFFF
}

// Metrics are a face's vertical metrics in em units, all positive numbers:
// the baseline is Ascent below the top of a line box of height
// Ascent+Descent (+LineGap between lines).
type Metrics struct {
	Ascent  float64 // above the baseline
	Descent float64 // below the baseline (positive)
	LineGap float64 // extra leading the font suggests between lines
	// Source is "OS/2 typo" or "hhea", the table the numbers came from.
	// OS/2 typo metrics are preferred: in CJK fonts they are the
	// ideographic em box (Noto SC: 0.88 + 0.12 = 1.0 em), which centres
	// hanzi in a table cell; hhea (Noto SC: 1.151 + 0.286) is the clipping
	// extent of the tallest Latin accents, far too loose for a dense form.
	// hhea is used only when the font has no usable typo metrics.
	Source string
}

// Parse parses a TrueType font. name is returned by Name; if empty, the
// font's PostScript name is used. data is retained, not copied, and must
// not be modified afterwards. Fonts gopdf cannot embed (OTF/CFF, TTC, WOFF,
// no (3,1) format-4 cmap) are rejected with an error wrapping
// ErrNotTrueType or describing the missing part.
func Parse(name string, data []byte) (*Face, error) {
	label := name
	if label == "" {
		label = "font data"
	}
	return parse(label, name, "", data)
}

// parse names errors after label, and the face after name, else the
// font's PostScript name, else fallback.
func parse(label, name, fallback string, data []byte) (*Face, error) {
	info, err := checkSFNT(label, data)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: parse %s: %w", label, err)
	}
	var buf sfnt.Buffer
	if name == "" {
		name, err = f.Name(&buf, sfnt.NameIDPostScript)
		if err != nil || name == "" {
			name = fallback
		}
		if name == "" {
			return nil, fmt.Errorf("fonts: %s has no PostScript name and none was given", label)
		}
	}
	upem := int(f.UnitsPerEm())
	if upem <= 0 {
		return nil, fmt.Errorf("fonts: %s: unitsPerEm is %d", label, upem)
	}
	face := &Face{
		name:    name,
		data:    data,
		font:    f,
		upem:    upem,
		perUnit: 1 / float64(upem),
		adv:     new([1 << 16]uint16),
		has:     new([1 << 10]uint64),
	}
	face.bufs.New = func() any { return new(sfnt.Buffer) }
	face.metrics = face.pickMetrics(info)
	if err := face.buildBMP(&buf); err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", label, err)
	}
	return face, nil
}

// lazyParse is the one parse of a built-in face.
type lazyParse struct {
	done  atomic.Bool // set once parsed: the hot path's only check
	once  sync.Once
	label string
}

// ready parses a built-in face on first use. It is small enough to be
// inlined into Has and Advance.
func (f *Face) ready() {
	if f.lazy != nil && !f.lazy.done.Load() {
		f.parseLazily()
	}
}

// parseLazily parses a built-in face once, however many goroutines ask.
// The built-in fonts are compiled in and fonts_test parses each of them,
// so a failure here is a broken build, not a user's problem: it panics.
func (f *Face) parseLazily() {
	f.lazy.once.Do(func() {
		parsed, err := parse(f.lazy.label, f.name, "", f.data)
		if err != nil {
			panic(err)
		}
		f.font, f.upem, f.perUnit, f.metrics = parsed.font, parsed.upem, parsed.perUnit, parsed.metrics
		f.adv, f.has, f.notdefU = parsed.adv, parsed.has, parsed.notdefU
		f.bufs.New = parsed.bufs.New
		f.lazy.done.Store(true)
	})
}

func (f *Face) pickMetrics(info sfntInfo) Metrics {
	em := func(v int16) float64 { return float64(v) * f.perUnit }
	if info.hasTypo {
		return Metrics{em(info.typoAscent), -em(info.typoDescent), em(info.typoLineGap), "OS/2 typo"}
	}
	return Metrics{em(info.hheaAscent), -em(info.hheaDescent), em(info.hheaLineGap), "hhea"}
}

// buildBMP fills the advance and coverage tables for U+0000..U+FFFF.
func (f *Face) buildBMP(buf *sfnt.Buffer) error {
	notdef, err := f.unitsFor(buf, 0)
	if err != nil {
		return fmt.Errorf("advance of .notdef: %w", err)
	}
	f.notdefU = notdef
	for r := range rune(1 << 16) {
		gi, err := f.font.GlyphIndex(buf, r)
		if err != nil {
			return fmt.Errorf("glyph index of U+%04X: %w", r, err)
		}
		if gi == 0 {
			f.adv[r] = notdef
			continue
		}
		if f.adv[r], err = f.unitsFor(buf, gi); err != nil {
			return fmt.Errorf("advance of U+%04X: %w", r, err)
		}
		f.has[r>>6] |= 1 << (r & 63)
	}
	return nil
}

// unitsFor returns a glyph's advance in font units: asking sfnt for a
// ppem of unitsPerEm/64 pixels makes its 26.6 result the raw hmtx value.
func (f *Face) unitsFor(buf *sfnt.Buffer, gi sfnt.GlyphIndex) (uint16, error) {
	a, err := f.font.GlyphAdvance(buf, gi, fixed.Int26_6(f.upem), font.HintingNone)
	if err != nil {
		return 0, err
	}
	return uint16(a), nil
}

// Name is the face's name: the built-in's PostScript name (for example
// "NotoSerifSC-Regular") or the name given to Parse.
func (f *Face) Name() string { return f.name }

// Data is the TrueType file, for gopdf's AddTTFFontData and raster
// backends. It is shared: do not modify it.
func (f *Face) Data() []byte { return f.data }

// Font is the parsed x/image sfnt font, for raster backends
// (opentype.NewFace) so they need not parse Data again.
func (f *Face) Font() *sfnt.Font {
	f.ready()
	return f.font
}

// UnitsPerEm is the font's design grid size.
func (f *Face) UnitsPerEm() int {
	f.ready()
	return f.upem
}

// Metrics returns the vertical metrics; see Metrics for the source chosen.
func (f *Face) Metrics() Metrics {
	f.ready()
	return f.metrics
}

// Has reports whether the font maps r to a glyph.
func (f *Face) Has(r rune) bool {
	f.ready()
	if uint32(r) < 1<<16 {
		return f.has[r>>6]&(1<<(r&63)) != 0
	}
	gi, _ := f.glyphAbove(r)
	return gi != 0
}

// Advance is r's advance width in em units (width = Advance(r) * size).
// A rune the font lacks gets the .notdef glyph's advance, which is what a
// renderer draws in its place; check Has or Missing first.
func (f *Face) Advance(r rune) float64 {
	f.ready()
	if uint32(r) < 1<<16 {
		return float64(f.adv[uint16(r)]) * f.perUnit
	}
	_, u := f.glyphAbove(r)
	return float64(u) * f.perUnit
}

// Width is the sum of the advances of s's runes in em units, without
// kerning (gopdf does not kern by default either).
func (f *Face) Width(s string) float64 {
	f.ready()
	var u int
	for _, r := range s {
		if uint32(r) < 1<<16 {
			u += int(f.adv[uint16(r)])
		} else {
			_, a := f.glyphAbove(r)
			u += int(a)
		}
	}
	return float64(u) * f.perUnit
}

// Missing returns the distinct runes of s, in order of first use, that the
// font has no glyph for. Tabs and line breaks (\t \n \v \f \r U+0085)
// are skipped, since layout turns them into space and breaks; any other
// control character (\x00) is reported, as nothing would draw it.
func (f *Face) Missing(s string) []rune {
	f.ready()
	var out []rune
	for _, r := range s {
		if f.Has(r) || strings.ContainsRune("\t\n\v\f\r\u0085", r) {
			continue
		}
		dup := false
		for _, m := range out {
			dup = dup || m == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// glyphAbove looks up a rune outside the BMP (in the built-ins, the ~200
// 通用规范汉字表 characters of CJK Extension B and later). It goes through
// sfnt with a pooled buffer: lock-free, and too rare to be worth a table.
func (f *Face) glyphAbove(r rune) (sfnt.GlyphIndex, uint16) {
	buf := f.bufs.Get().(*sfnt.Buffer)
	defer f.bufs.Put(buf)
	gi, err := f.font.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return 0, f.notdefU
	}
	u, err := f.unitsFor(buf, gi)
	if err != nil {
		return 0, f.notdefU
	}
	return gi, u
}
