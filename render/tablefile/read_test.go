package tablefile

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden dumps")

// TestFixtures reads the office files made by testdata/make-fixtures.sh and
// compares their grids with the reviewed dumps beside them.
func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		file string
		kind Kind
	}{
		{"yiyang-2020.xlsx", XLSX},
		{"yiyang-2020-lo.xlsx", XLSX},
		{"yiyang-2020.docx", DOCX},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			kind, tables, err := Read(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if kind != tc.kind {
				t.Errorf("kind %q, want %q", kind, tc.kind)
			}
			var got strings.Builder
			for _, tb := range tables {
				got.WriteString(tb.String())
			}
			golden(t, tc.file+".txt", got.String())
		})
	}
}

// TestSavedByLibreOfficeReadsTheSame: another program rewrites shared
// strings, styles and merges, and the grid stays the same.
func TestSavedByLibreOfficeReadsTheSame(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		_, tables, err := Read(data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		return tables[0].String()
	}
	if a, b := read("yiyang-2020.xlsx"), read("yiyang-2020-lo.xlsx"); a != b {
		t.Errorf("LibreOffice's copy reads differently:\n%s\nwant\n%s", b, a)
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; review with: go test ./render/tablefile -update && git diff %s\ngot:\n%s", path, path, got)
	}
}

// docx builds a minimal DOCX whose body is the given WordprocessingML.
func docx(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `</w:body></w:document>`,
	})
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tc is a cell: properties, then paragraphs of runs.
func tc(props string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr>" + props + "</w:tcPr>")
	for _, p := range paragraphs {
		b.WriteString("<w:p>" + p + "</w:p>")
	}
	b.WriteString("</w:tc>")
	return b.String()
}

func run(text string) string { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>" }

func TestDOCXMerges(t *testing.T) {
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	body := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		// a label merged down two rows; a text split across runs, as Word splits it at every edit
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, run("年度总体")+run("目标")) + tc(span(2), run("预期")+run("目标")) + `</w:tr>` +
		// the merge continued; a cell of two paragraphs; a tab stop that is not text
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc(span(2), `<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`+run("1、甲"), run("2、乙")+`<w:r><w:tab/><w:t>丙</w:t></w:r>`) + `</w:tr>` +
		// a row that starts one grid column in; a nested table read as its cell's text
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", run("分值")) +
		tc("", `<w:tbl><w:tr>`+tc("", run("内"))+`</w:tr></w:tbl>`) + `</w:tr>` +
		`</w:tbl>` +
		`<w:p>` + run("表外的字") + `</w:p>` +
		`<w:tbl><w:tr>` + tc("", run("第二张表")) + `</w:tr></w:tbl>`
	kind, tables, err := Read(docx(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if kind != DOCX || len(tables) != 2 {
		t.Fatalf("kind %s, %d tables; want docx, 2", kind, len(tables))
	}
	want := `表1: 3 rows × 3 columns
1: [第1行第1列 2×1] "年度总体目标" [第1行第2列 1×2] "预期目标"
2: [第2行第2列 1×2] "1、甲\n2、乙\t丙"
3: [第3行第2列] "分值" [第3行第3列] "内"
`
	if got := tables[0].String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := tables[1].Name + " " + tables[1].Cells[0].Text; got != "表2 第二张表" {
		t.Errorf("second table: %q", got)
	}
	if c := tables[0].At(1, 0); c == nil || c.Text != "年度总体目标" {
		t.Errorf("At(1,0) = %+v, want the merged label", c)
	}
}

// TestDOCXTextInContinuedCell: text typed into a cell that continues a
// vertical merge is kept with the merge, never dropped.
func TestDOCXTextInContinuedCell(t *testing.T) {
	body := `<w:tbl><w:tr>` + tc(`<w:vMerge w:val="restart"/>`, run("上")) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, run("下")) + `</w:tr></w:tbl>`
	_, tables, err := Read(docx(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if c := tables[0].Cells[0]; c.Text != "上\n下" || c.RowSpan != 2 {
		t.Errorf("got %+v", c)
	}
}

func TestBadFiles(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		zeros := make([]byte, 1<<20)
		for range 8 {
			w.Write(zeros)
		}
		zw.Close()
		return buf.Bytes()
	}
	manyRows := func() []byte {
		var b strings.Builder
		b.WriteString("<w:tbl>")
		for range 101 {
			b.WriteString("<w:tr>" + tc("", run("x")) + "</w:tr>")
		}
		b.WriteString("</w:tbl>")
		return docx(t, b.String())
	}
	// A document of one cell of 20 MB of text, under the unpacked limit:
	// the XML decoder would hold the text whole.
	bigCell := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>`))
		chunk := bytes.Repeat([]byte("年"), 1<<20)
		for range 7 {
			w.Write(chunk)
		}
		w.Write([]byte(`</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
		zw.Close()
		return buf.Bytes()
	}
	oneCell := func(n int) []byte {
		return docx(t, `<w:tbl><w:tr>`+tc("", run(strings.Repeat("年", n)))+`</w:tr></w:tbl>`)
	}
	small := Limits{UnpackedBytes: 1 << 20, Rows: 100}
	for _, tc := range []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"text", []byte("year = 2020\n"), Limits{}, ErrNotZip},
		{"empty", nil, Limits{}, ErrNotZip},
		{"protected or .xls", append(append([]byte{}, oleMagic...), make([]byte, 512)...), Limits{}, ErrEncrypted},
		{"zip of something else", zipOf(t, map[string]string{"a.txt": "hello"}), Limits{}, ErrNotOffice},
		{"truncated zip", zipOf(t, map[string]string{"word/document.xml": "<w:document/>"})[:30], Limits{}, ErrNotZip},
		{"zip bomb", bomb(), small, ErrTooLarge},
		{"too large a file", make([]byte, 2048), Limits{FileBytes: 1024}, ErrTooLarge},
		{"document without a table", docx(t, "<w:p>"+run("只有文字")+"</w:p>"), Limits{}, ErrNoTable},
		{"broken XML", docx(t, "<w:tbl><w:tr>"), Limits{}, ErrMalformed},
		{"too many rows", manyRows(), small, ErrTooManyRows},
		{"a document of 20 MB", bigCell(), Limits{}, ErrTooLarge},
		{"a cell of more than 1 MB", oneCell(maxCellText/3 + 1), Limits{}, ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, tables, err := Read(tc.data, tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if tables != nil {
				t.Errorf("tables returned with the error")
			}
		})
	}
}

// FuzzDOCX feeds the document reader WordprocessingML of every shape:
// whatever the body, Read ends with tables within the limits or an error.
func FuzzDOCX(f *testing.F) {
	f.Add(`<w:tbl><w:tr>` + tc(`<w:vMerge w:val="restart"/>`, run("上")) + tc(`<w:gridSpan w:val="2"/>`, run("右")) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, run("下")) + `</w:tr></w:tbl>`)
	f.Add(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="3"/></w:trPr>` + tc(`<w:vMerge/><w:gridSpan w:val="99999"/>`, run("x")) + `</w:tr></w:tbl>`)
	f.Add(`<w:tbl><w:tr>` + tc("", `<w:tbl><w:tr>`+tc("", run("内"))+`</w:tr></w:tbl>`) + `</w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, body string) {
		lim := Limits{Rows: 50, Cols: 20}
		_, tables, err := Read(docx(t, body), lim)
		if err != nil {
			return
		}
		for _, tb := range tables {
			if tb.Rows > lim.Rows || tb.Cols > lim.Cols {
				t.Fatalf("%s: %d×%d past the limits", tb.Name, tb.Rows, tb.Cols)
			}
			for _, c := range tb.Cells {
				if c.RowSpan < 1 || c.ColSpan < 1 || c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Cols {
					t.Fatalf("%s: cell %+v outside its %d×%d table", tb.Name, c, tb.Rows, tb.Cols)
				}
			}
		}
	})
}

// TestDOCXHeading: the paragraphs above the first table (a form's title,
// when a document writes it there) are kept as a table of their own, one
// per row, before the document's tables; those after it are not.
func TestDOCXHeading(t *testing.T) {
	body := `<w:p>` + run("附件2：") + `</w:p><w:p></w:p><w:p>` + run("2020年度") + run("部门整体支出绩效自评表") + `</w:p>` +
		`<w:tbl><w:tr>` + tc("", run("预算部门")) + `</w:tr></w:tbl><w:p>` + run("注：表后的字") + `</w:p>`
	_, tables, err := Read(docx(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := `正文: 2 rows × 1 columns
1: [第1段] "附件2："
2: [第2段] "2020年度部门整体支出绩效自评表"
`
	if len(tables) != 2 || tables[0].String() != want || tables[1].Name != "表1" {
		t.Errorf("got %d tables, the first\n%s\nwant\n%s", len(tables), tables[0], want)
	}
	if _, _, err := Read(docx(t, `<w:p>`+run("只有文字")+`</w:p>`), Limits{}); !errors.Is(err, ErrNoTable) {
		t.Errorf("paragraphs without a table: %v, want ErrNoTable", err)
	}
}
