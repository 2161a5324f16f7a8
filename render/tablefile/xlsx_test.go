package tablefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXHandFilled: a workbook typed by hand — numbers stored as text and
// as numbers, inline strings, a merged area with stale text under it, a
// hidden sheet — reads as the person sees it.
func TestXLSXHandFilled(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "附件2"))
	must(f.SetCellValue("附件2", "A1", "预算部门"))
	must(f.SetCellValue("附件2", "B1", "某某局"))
	must(f.SetCellValue("附件2", "C1", "残留")) // covered by B1:D1 below: not a cell of its own
	must(f.MergeCell("附件2", "B1", "D1"))
	must(f.SetCellValue("附件2", "A3", 7167.12))
	must(f.SetCellStr("附件2", "B3", "6457.48"))
	must(f.SetCellFormula("附件2", "C3", "B3/A3"))
	_, err := f.NewSheet("草稿")
	must(err)
	must(f.SetCellValue("草稿", "A1", "不要读我"))
	must(f.SetSheetVisible("草稿", false))
	var buf bytes.Buffer
	must(f.Write(&buf))

	kind, tables, err := Read(buf.Bytes(), Limits{})
	must(err)
	if kind != XLSX || len(tables) != 1 {
		t.Fatalf("kind %s, %d tables; want xlsx and the visible sheet alone", kind, len(tables))
	}
	want := `附件2: 3 rows × 4 columns
1: [A1] "预算部门" [B1 1×3] "某某局"
3: [A3] "7167.12" [B3] "6457.48"
`
	if got := tables[0].String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestXLSXTooManyRows: a sheet of 100,000 rows is refused as a whole, with
// memory bounded by the row limit rather than the file.
func TestXLSXTooManyRows(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100,000-row workbook")
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 100000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(buf.Bytes(), Limits{}); !errors.Is(err, ErrTooManyRows) {
		t.Fatalf("err = %v, want %v", err, ErrTooManyRows)
	}
}

// TestXLSXPassword: a workbook saved with a password says so.
func TestXLSXPassword(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellValue("Sheet1", "A1", "机密"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(buf.Bytes(), Limits{}); !errors.Is(err, ErrEncrypted) {
		t.Fatalf("err = %v, want %v", err, ErrEncrypted)
	}
}

// FuzzRead feeds whole files: whatever the bytes, Read ends with an error
// or tables within the limits.
func FuzzRead(f *testing.F) {
	wb := excelize.NewFile()
	_ = wb.SetCellValue("Sheet1", "A1", "预算部门")
	_ = wb.MergeCell("Sheet1", "B1", "D2")
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(docx(f, `<w:tbl><w:tr>`+tc("", run("x"))+`</w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{UnpackedBytes: 4 << 20, Rows: 500, Cols: 64}
		_, tables, err := Read(data, lim)
		if err != nil {
			return
		}
		for _, tb := range tables {
			if tb.Rows > lim.Rows || tb.Cols > lim.Cols {
				t.Fatalf("%s: %d×%d past the limits", tb.Name, tb.Rows, tb.Cols)
			}
		}
	})
}

// TestTooManyCells: a table of more cells with text than the limit is
// refused while it is read, whatever its rows: reading costs memory by the
// cell, not by the row.
func TestTooManyCells(t *testing.T) {
	for _, name := range []string{"yiyang-2020.xlsx", "yiyang-2020.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := Read(data, Limits{Cells: 100}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s with at most 100 cells: %v, want %v", name, err, ErrTooLarge)
		}
		if _, _, err := Read(data, Limits{Cells: 1000}); err != nil {
			t.Errorf("%s with at most 1000 cells: %v", name, err)
		}
	}
}
