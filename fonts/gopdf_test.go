package fonts

import (
	"bytes"
	"os"
	"testing"

	"github.com/signintech/gopdf"
)

// TestGopdfLoads checks the property the subsets exist for: gopdf v0.33.0
// accepts each embedded face and can write a PDF with it, including a
// character above the BMP (gopdf maps those through the format-12 cmap)
// and with the hinting tables that build.sh dropped.
func TestGopdfLoads(t *testing.T) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	y := 60.0
	for _, name := range BuiltinNames() {
		face := mustBuiltin(t, name)
		var fc gopdf.FontContainer
		if err := fc.AddTTFFontData(name, face.Data()); err != nil {
			t.Fatalf("%s: gopdf FontContainer.AddTTFFontData: %v", name, err)
		}
		if err := pdf.AddTTFFontData(name, face.Data()); err != nil {
			t.Fatalf("%s: gopdf GoPdf.AddTTFFontData: %v", name, err)
		}
		if err := pdf.SetFont(name, "", 14); err != nil {
			t.Fatal(err)
		}
		text := face.Name() + " 部门整体支出绩效自评表（2025年度）≥95％ 喆珺昇𬉼"
		w, err := pdf.MeasureTextWidth(text)
		if err != nil {
			t.Fatalf("%s: MeasureTextWidth: %v", name, err)
		}
		if mine := face.Width(text) * 14; abs(w-mine) > 0.5 {
			t.Errorf("%s: gopdf measures %.2fpt, Face.Width %.2fpt", name, w, mine)
		}
		pdf.SetXY(40, y)
		if err := pdf.Text(text); err != nil {
			t.Fatalf("%s: Text: %v", name, err)
		}
		y += 30
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatalf("WriteTo: %v", err)
	}
	if out := os.Getenv("FONTS_TEST_PDF"); out != "" { // for a look by eye
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
