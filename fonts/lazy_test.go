package fonts

import "testing"

// TestBuiltinParsesOnFirstUse: Builtin hands out a face without parsing
// it, its name and data need no parse, and the first measure parses it
// once.
func TestBuiltinParsesOnFirstUse(t *testing.T) {
	// A face of its own, as the package's faces may be parsed already by
	// other tests.
	f := &Face{name: "NotoSansSC-Bold", data: sansBold, lazy: &lazyParse{label: "test sans-bold"}}
	if f.Name() != "NotoSansSC-Bold" || len(f.Data()) != len(sansBold) {
		t.Fatal("name or data of an unparsed face wrong")
	}
	if f.font != nil || f.adv != nil {
		t.Fatal("the face was parsed before its first use")
	}
	if !f.Has('绩') || f.Advance('绩') != 1 {
		t.Errorf("绩: Has %v, Advance %v; want true, 1 em", f.Has('绩'), f.Advance('绩'))
	}
	if f.font == nil || f.UnitsPerEm() != 1000 || f.Metrics().Source != "OS/2 typo" {
		t.Errorf("after first use: font %v, unitsPerEm %d, metrics %+v", f.font != nil, f.UnitsPerEm(), f.Metrics())
	}
	got, err := Builtin(SansBold)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Builtin(SansBold); again != got {
		t.Error("Builtin returned two faces for one name")
	}
}
