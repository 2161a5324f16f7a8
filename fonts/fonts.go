// Package fonts ships the typefaces jixiao draws forms with and answers the
// questions layout asks of them: is a character covered, how wide is it,
// where is the baseline.
//
// Four faces are embedded, subsets of Google's static Noto Serif SC (宋体
// style) and Noto Sans SC (黑体 style), Regular and Bold, cut down to the
// 通用规范汉字表 (8105), their traditional counterparts, all of GB2312, ASCII
// and the punctuation and symbols forms use (lists in chars/, built by
// build.sh; licence in OFL.txt).
// They are TrueType (glyf) fonts because that is all gopdf v0.33.0 embeds.
//
// Built-in faces are parsed lazily, on first use, once per process, and
// are safe for concurrent use. Offices can bring their own TrueType font with Load or Parse.
package fonts

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Names of the built-in faces, for Builtin.
const (
	Serif     = "serif"      // Noto Serif SC Regular
	SerifBold = "serif-bold" // Noto Serif SC Bold
	Sans      = "sans"       // Noto Sans SC Regular
	SansBold  = "sans-bold"  // Noto Sans SC Bold
)

var (
	//go:embed NotoSerifSC-Regular.ttf
	serifRegular []byte
	//go:embed NotoSerifSC-Bold.ttf
	serifBold []byte
	//go:embed NotoSansSC-Regular.ttf
	sansRegular []byte
	//go:embed NotoSansSC-Bold.ttf
	sansBold []byte
)

// errNoName is wrapped by Builtin for an unknown name.
var errNoName = errors.New("no such built-in face")

// builtin is one embedded face; its Face parses itself on first use
// (see Face.ready), and sync.Once makes concurrent first uses wait for
// one parse instead of racing.
type builtin struct {
	psName string
	data   []byte
	face   *Face
}

// builtins is never written after init, so reading it needs no lock.
var builtins = map[string]*builtin{
	Serif:     {psName: "NotoSerifSC-Regular", data: serifRegular},
	SerifBold: {psName: "NotoSerifSC-Bold", data: serifBold},
	Sans:      {psName: "NotoSansSC-Regular", data: sansRegular},
	SansBold:  {psName: "NotoSansSC-Bold", data: sansBold},
}

func init() {
	for name, b := range builtins {
		b.face = &Face{name: b.psName, data: b.data, lazy: &lazyParse{label: "built-in " + name}}
	}
}

// BuiltinNames lists the names Builtin accepts.
func BuiltinNames() []string { return []string{Serif, SerifBold, Sans, SansBold} }

// Builtin returns the embedded face called name (Serif, SerifBold, Sans or
// SansBold), always the same *Face. It costs nothing until the face is
// first measured: that parses it (a millisecond or two), so a run parses
// only the faces it draws with.
func Builtin(name string) (*Face, error) {
	b, ok := builtins[name]
	if !ok {
		return nil, fmt.Errorf("fonts: %q: %w (have %q)", name, errNoName, BuiltinNames())
	}
	return b.face, nil
}

// Load reads and parses a TrueType font file, such as an office's licensed
// 仿宋_GB2312 .ttf. The face is named by the font's PostScript name, or by
// the file name if the font has none. Each call parses anew: keep the *Face.
func Load(path string) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: load: %w", err)
	}
	base := filepath.Base(path)
	return parse(path, "", strings.TrimSuffix(base, filepath.Ext(base)), data)
}
