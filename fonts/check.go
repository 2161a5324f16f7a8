package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrNotTrueType is wrapped by Parse and Load when the data is not a single
// TrueType-outline font that gopdf v0.33.0 can embed (OpenType/CFF, TTC,
// WOFF, ...). Test with errors.Is.
var ErrNotTrueType = errors.New("not a TrueType (glyf) font; gopdf needs TrueType")

// notTrueType says why a font was refused; it matches ErrNotTrueType.
type notTrueType struct{ name, why string }

func (e *notTrueType) Error() string {
	return "fonts: " + e.name + " is not a TrueType (glyf) font; gopdf needs TrueType (" + e.why + ")"
}

func (e *notTrueType) Is(target error) bool { return target == ErrNotTrueType }

// gopdfTables are the tables gopdf's TTF parser reads; it fails on a font
// lacking any of them, so Parse rejects such fonts up front.
var gopdfTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "OS/2", "post", "loca", "glyf"}

// sfntInfo is what checkSFNT extracts from the raw table directory: the
// vertical metrics in font units (x/image/font/sfnt exposes only hhea's).
type sfntInfo struct {
	hheaAscent, hheaDescent, hheaLineGap int16
	typoAscent, typoDescent, typoLineGap int16
	hasTypo                              bool
}

// checkSFNT verifies, without trusting the data, that gopdf can load it:
// sfnt version 0x00010000, a glyf table, every table gopdf reads, and a
// (3,1) format-4 cmap subtable. gopdf rejects Apple's 'true' version tag
// too, so it is refused here rather than at PDF time.
func checkSFNT(name string, b []byte) (sfntInfo, error) {
	var info sfntInfo
	if len(b) < 12 {
		return info, &notTrueType{name, fmt.Sprintf("only %d bytes", len(b))}
	}
	switch tag := string(b[:4]); tag {
	case "\x00\x01\x00\x00":
	case "OTTO":
		return info, &notTrueType{name, "it is OpenType with CFF outlines, sfnt version OTTO"}
	case "ttcf":
		return info, &notTrueType{name, "it is a font collection (TTC); extract one face to a .ttf"}
	case "true":
		return info, &notTrueType{name, "sfnt version 'true' (old Apple), which gopdf refuses"}
	case "wOFF", "wOF2":
		return info, &notTrueType{name, "it is a WOFF web font; convert it to .ttf"}
	default:
		return info, &notTrueType{name, fmt.Sprintf("unknown sfnt version %q", tag)}
	}

	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return info, fmt.Errorf("fonts: %s: table directory truncated", name)
	}
	for i := range n {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return info, fmt.Errorf("fonts: %s: table %q runs past end of file", name, rec[:4])
		}
		tables[string(rec[:4])] = b[off : off+size]
	}
	if _, ok := tables["glyf"]; !ok {
		return info, &notTrueType{name, "no glyf table"}
	}
	for _, t := range gopdfTables {
		if _, ok := tables[t]; !ok {
			return info, fmt.Errorf("fonts: %s lacks the %q table that gopdf reads", name, t)
		}
	}
	if err := checkCmap(tables["cmap"]); err != nil {
		return info, fmt.Errorf("fonts: %s: %w", name, err)
	}

	hhea, os2 := tables["hhea"], tables["OS/2"]
	if len(hhea) < 36 {
		return info, fmt.Errorf("fonts: %s: hhea table too short (%d bytes)", name, len(hhea))
	}
	info.hheaAscent = int16(binary.BigEndian.Uint16(hhea[4:]))
	info.hheaDescent = int16(binary.BigEndian.Uint16(hhea[6:]))
	info.hheaLineGap = int16(binary.BigEndian.Uint16(hhea[8:]))
	if len(os2) >= 78 { // sTypo* are present from OS/2 version 0 on
		info.typoAscent = int16(binary.BigEndian.Uint16(os2[68:]))
		info.typoDescent = int16(binary.BigEndian.Uint16(os2[70:]))
		info.typoLineGap = int16(binary.BigEndian.Uint16(os2[72:]))
		info.hasTypo = info.typoAscent > info.typoDescent
	}
	return info, nil
}

// checkCmap requires a (3,1) subtable in format 4: gopdf maps BMP
// characters only through it (format 12 only for runes above U+FFFF).
func checkCmap(cmap []byte) error {
	if len(cmap) < 4 {
		return errors.New("cmap table too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errors.New("cmap encoding records truncated")
	}
	found := false
	for i := range n {
		rec := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		if pid != 3 || eid != 1 {
			continue
		}
		off := binary.BigEndian.Uint32(rec[4:])
		if uint64(off)+2 > uint64(len(cmap)) {
			return errors.New("cmap (3,1) subtable offset out of range")
		}
		if f := binary.BigEndian.Uint16(cmap[off:]); f != 4 {
			return fmt.Errorf("cmap (3,1) subtable is format %d; gopdf needs format 4", f)
		}
		found = true
	}
	if !found {
		return errors.New("no Windows Unicode BMP (3,1) cmap subtable (symbol font?); gopdf needs one")
	}
	return nil
}
