package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestSameInputSameBytes(t *testing.T) {
	a, _ := build(t, sampleData(t), Info{Creator: "jixiao test"})
	b, _ := build(t, sampleData(t), Info{Creator: "jixiao test"})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the sample differ")
	}
	core := part(t, a, "docProps/core.xml")
	for _, bad := range []string{"xuri", "2006-", "created", "modified"} {
		if strings.Contains(core, bad) {
			t.Errorf("core properties hold %q without being asked:\n%s", bad, core)
		}
	}
	dated, _ := build(t, sampleData(t), Info{Date: time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)})
	props, err := open(t, dated).GetDocProps()
	if err != nil || props.Created != "2021-03-01T09:00:00Z" || props.Modified != props.Created {
		t.Errorf("dates asked for: created %q, modified %q, %v", props.Created, props.Modified, err)
	}
}

func TestDocumentProperties(t *testing.T) {
	data, _ := build(t, sampleData(t), Info{Creator: "jixiao v9", Subject: "附件2：部门整体支出绩效自评表（2020）"})
	f := open(t, data)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "2020年度部门整体支出绩效自评表" || props.Creator != "益阳市工业和信息化局" || props.Subject != "附件2：部门整体支出绩效自评表（2020）" {
		t.Errorf("properties: %+v", props)
	}
	app, err := f.GetAppProps()
	if err != nil || app.Application != "jixiao v9" {
		t.Errorf("application %q, %v", app.Application, err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != sheetName {
		t.Errorf("sheets %q, want just %s", sheets, sheetName)
	}
}

// TestStyles: fonts by the template's office names and sizes, the title
// bold, wrapped text centred vertically, and borders on every cell of a
// merged area, its last cell included.
func TestStyles(t *testing.T) {
	data, _ := build(t, sampleData(t), Info{})
	f := open(t, data)
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle(sheetName, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	department := find(t, f, "A", "预算部门", "A")[1:]
	amounts := find(t, f, "B", "年度资金总额", "A")[1:]
	for _, c := range []struct {
		cell, font string
		size       float64
		bold       bool
		align      string
	}{
		{"A1", "黑体", 16, false, "left"},
		{"A2", "宋体", 18, true, "center"},
		{"A" + department, "黑体", 10.5, false, "center"},
		{"B" + department, "宋体", 10.5, false, "left"},
		{"I" + department, "宋体", 10.5, false, "left"}, // the merged area's last cell
		{"D" + amounts, "宋体", 10.5, false, "center"},
	} {
		st := style(c.cell)
		if st.Font == nil || st.Font.Family != c.font || st.Font.Size != c.size || st.Font.Bold != c.bold {
			t.Errorf("%s: font %+v, want %s %g bold=%v", c.cell, st.Font, c.font, c.size, c.bold)
		}
		if st.Alignment == nil || st.Alignment.Horizontal != c.align || !st.Alignment.WrapText {
			t.Errorf("%s: alignment %+v, want %s, wrapped", c.cell, st.Alignment, c.align)
		}
		if c.cell[0] != 'A' || c.cell[1:] == department {
			if len(st.Border) != 4 || st.Alignment.Vertical != "center" {
				t.Errorf("%s: %d borders, vertical %q; want 4, centre", c.cell, len(st.Border), st.Alignment.Vertical)
			}
		}
	}
	if got := style("D" + amounts).CustomNumFmt; got == nil || *got != "0.00" {
		t.Errorf("amount format %v, want 0.00", got)
	}
	if got := style("H" + amounts).CustomNumFmt; got == nil || *got != "0%" {
		t.Errorf("执行率 format %v, want 0%%", got)
	}
}
