package fonts

import (
	"bufio"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// entry is one line of a chars/*.txt list: the code point and the comment.
type entry struct {
	r       rune
	comment string
}

// readList parses a list the way pyftsubset's --unicodes-file does.
func readList(t testing.TB, name string) []entry {
	t.Helper()
	f, err := os.Open(filepath.Join("chars", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		field, comment, _ := strings.Cut(sc.Text(), "#")
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		v, err := strconv.ParseUint(strings.TrimPrefix(field, "U+"), 16, 32)
		if err != nil {
			t.Fatalf("%s: %q: %v", name, sc.Text(), err)
		}
		out = append(out, entry{rune(v), strings.TrimSpace(comment)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func distinct(es []entry) map[rune]bool {
	m := map[rune]bool{}
	for _, e := range es {
		m[e.r] = true
	}
	return m
}

func TestListCounts(t *testing.T) {
	if n := len(distinct(readList(t, "tongyong-8105.txt"))); n != 8105 {
		t.Errorf("通用规范汉字表: %d distinct characters, want 8105", n)
	}
	gb := readList(t, "gb2312.txt")
	hanzi := 0
	for _, e := range gb {
		fields := strings.Fields(e.comment)
		if code := fields[len(fields)-1]; code >= "B0A1" { // rows 16-87
			hanzi++
		}
	}
	if len(distinct(gb)) != 7445 || hanzi != 6763 {
		t.Errorf("GB2312: %d characters, %d hanzi; want 7445 and 6763", len(distinct(gb)), hanzi)
	}
	if n := len(readList(t, "extra.txt")); n < 900 {
		t.Errorf("extra.txt: only %d code points", n)
	}
	// Unihan gives 2741 traditional counterparts outside the 8105; the
	// fonts lack 7 of them (CJK Extension B), which charlists.py leaves out.
	if n := len(distinct(readList(t, "traditional.txt"))); n != 2734 {
		t.Errorf("traditional.txt: %d characters, want 2734", n)
	}
}

func mustBuiltin(t testing.TB, name string) *Face {
	t.Helper()
	f, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCoverage checks every listed character, plus ones GB2312 lacks that
// appear in names and forms, is in every built-in face.
func TestCoverage(t *testing.T) {
	var all []entry
	for _, l := range []string{"tongyong-8105.txt", "gb2312.txt", "traditional.txt", "extra.txt"} {
		all = append(all, readList(t, l)...)
	}
	for _, name := range BuiltinNames() {
		f := mustBuiltin(t, name)
		var miss []rune
		for _, e := range all {
			if !f.Has(e.r) {
				miss = append(miss, e.r)
			}
		}
		miss = append(miss, f.Missing("喆珺昇≥≤％，。、；：？！（）《》「」『』“”‘’……——·＋－×÷≠＜＞～①⑳℃￥")...)
		// What real forms hold beyond the 8105: traditional characters in
		// names and addresses, units, enclosed numbers, arrows, full-width forms.
		miss = append(miss, f.Missing("陽區館萬臺灣廣東單據㎡㎞㎏㎎㎥㏄①⑳㉑㉟㊱㊿⓪❶⇒→✓ＡＺａｚ０９％．｟｠￥￦")...)
		if len(miss) > 0 {
			t.Errorf("%s lacks %d listed characters: %q", name, len(miss), string(miss[:min(len(miss), 40)]))
		}
	}
}

func TestAdvance(t *testing.T) {
	smp := '\U0002C27C' // 𬉼, 通用规范汉字表 no. 4004, CJK Extension E
	for _, name := range BuiltinNames() {
		f := mustBuiltin(t, name)
		for _, r := range []rune{'中', '　', '，', smp} {
			if got := f.Advance(r); got != 1.0 {
				t.Errorf("%s: Advance(%q) = %v, want 1", name, r, got)
			}
		}
		if a := f.Advance('1'); a <= 0.3 || a >= 1 {
			t.Errorf("%s: Advance('1') = %v, want a proportional digit in (0.3, 1)", name, a)
		}
		if !f.Has(smp) || f.Has('\U0001F600') || f.Has(-1) {
			t.Errorf("%s: Has above the BMP is wrong", name)
		}
		if w, want := f.Width("中1"+string(smp)), 2+f.Advance('1'); w != want {
			t.Errorf("%s: Width = %v, want %v", name, w, want)
		}
		if f.Advance('☐') != f.Advance(0xFFFF) { // both missing: .notdef's advance
			t.Errorf("%s: missing runes should measure as .notdef", name)
		}
		m := f.Metrics()
		if m.Source != "OS/2 typo" || m.Ascent+m.Descent != 1 || m.Descent <= 0 {
			t.Errorf("%s: Metrics = %+v, want the ideographic em box from OS/2", name, m)
		}
	}
}

func TestMissing(t *testing.T) {
	f := mustBuiltin(t, Sans)
	got := f.Missing("喆 \n\t\r☐天　😀☐\x00\v\f\u0085\x01")
	if want := []rune{'☐', '😀', '\x00', '\x01'}; !slices.Equal(got, want) {
		t.Errorf("Missing = %q, want %q", got, want)
	}
	if got := f.Missing(""); got != nil {
		t.Errorf("Missing(\"\") = %q", got)
	}
}

func TestBuiltin(t *testing.T) {
	a, b := mustBuiltin(t, Serif), mustBuiltin(t, Serif)
	if a != b {
		t.Error("Builtin parsed the same face twice")
	}
	want := map[string]string{Serif: "NotoSerifSC-Regular", SerifBold: "NotoSerifSC-Bold", Sans: "NotoSansSC-Regular", SansBold: "NotoSansSC-Bold"}
	for name, ps := range want {
		if got := mustBuiltin(t, name).Name(); got != ps {
			t.Errorf("Builtin(%q).Name() = %q, want %q", name, got, ps)
		}
	}
	if _, err := Builtin("fangsong"); !errors.Is(err, errNoName) {
		t.Errorf("Builtin(fangsong) err = %v", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.ttf")
	if err := os.WriteFile(path, mustBuiltin(t, SansBold).Data(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "NotoSansSC-Bold" || !f.Has('喆') {
		t.Errorf("Load: name %q, has 喆 %v", f.Name(), f.Has('喆'))
	}
	if _, err := Load(filepath.Join(dir, "nope.ttf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
	otf := filepath.Join(dir, "fangsong.otf")
	if err := os.WriteFile(otf, []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(otf)
	if !errors.Is(err, ErrNotTrueType) || !strings.Contains(err.Error(), otf) {
		t.Errorf("Load(OTF) err = %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	header := func(tag string) []byte { return append([]byte(tag), make([]byte, 8)...) }
	for name, data := range map[string][]byte{
		"OTTO":    header("OTTO"),
		"ttcf":    header("ttcf"),
		"true":    header("true"),
		"wOF2":    header("wOF2"),
		"short":   []byte{0, 1, 0, 0},
		"no glyf": header("\x00\x01\x00\x00"),
	} {
		_, err := Parse(name, data)
		if !errors.Is(err, ErrNotTrueType) ||
			!strings.Contains(err.Error(), "is not a TrueType (glyf) font; gopdf needs TrueType") {
			t.Errorf("%s: err = %v", name, err)
		}
	}

	// A real TrueType font whose Unicode cmap is relabelled (3,0) symbol.
	data := slices.Clone(mustBuiltin(t, Serif).Data())
	cmap := tableOffset(t, data, "cmap")
	for i := range int(binary.BigEndian.Uint16(data[cmap+2:])) {
		rec := data[cmap+4+8*i:]
		if binary.BigEndian.Uint16(rec) == 3 && binary.BigEndian.Uint16(rec[2:]) == 1 {
			binary.BigEndian.PutUint16(rec[2:], 0)
		}
	}
	if _, err := Parse("symbol", data); err == nil || !strings.Contains(err.Error(), "(3,1)") {
		t.Errorf("font without (3,1) cmap: err = %v", err)
	}
}

func tableOffset(t *testing.T, font []byte, tag string) int {
	for i := range int(binary.BigEndian.Uint16(font[4:])) {
		rec := font[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return 0
}

// TestConcurrent races first parses and lookups; run with -race.
func TestConcurrent(t *testing.T) {
	fresh := &Face{name: "NotoSansSC-Regular", data: sansRegular, lazy: &lazyParse{label: "fresh sans"}}
	text := []rune("部门整体支出绩效自评表（2025年度）预算执行率≥95%，喆珺昇𬉼")
	var wg sync.WaitGroup
	results := make([][]float64, 8)
	for g := range results {
		wg.Go(func() {
			f := fresh
			for range 200 {
				var out []float64
				for _, r := range text {
					out = append(out, f.Advance(r))
					if !f.Has(r) {
						t.Errorf("missing %q", r)
					}
				}
				_ = f.Missing(string(text))
				results[g] = out
			}
		})
	}
	wg.Wait()
	want := results[0]
	for g, got := range results {
		if !slices.Equal(got, want) {
			t.Errorf("goroutine %d measured differently", g)
		}
	}
}

// TestHmtxIsCompact: the run of CJK glyphs at the end of each built-in
// face shares one advance, so hmtx stores it once. gopdf embeds hmtx
// whole and compresses it for every PDF; a face where every glyph carries
// its own advance (one half-width glyph last in glyph order does it) makes
// each PDF twice as slow to write.
func TestHmtxIsCompact(t *testing.T) {
	for _, name := range BuiltinNames() {
		data := builtins[name].data
		hhea, maxp := tableOffset(t, data, "hhea"), tableOffset(t, data, "maxp")
		metrics := int(binary.BigEndian.Uint16(data[hhea+34:]))
		glyphs := int(binary.BigEndian.Uint16(data[maxp+4:]))
		if metrics > glyphs/10 {
			t.Errorf("%s: %d of %d glyphs have their own advance in hmtx; want the CJK run to share one", name, metrics, glyphs)
		}
	}
}
