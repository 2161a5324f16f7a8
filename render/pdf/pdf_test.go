package pdf

import (
	"bytes"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"jixiao/fonts"
	"jixiao/render"
	"jixiao/render/internal/rendertest"

	"github.com/signintech/gopdf"
)

func samplePDF(t testing.TB, info Info) []byte {
	t.Helper()
	_, doc := rendertest.Sample(t)
	var b bytes.Buffer
	if err := Write(&b, doc, info); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// tool runs a poppler or qpdf command on the sample PDF, skipping the test
// where the tool is not installed (.ci/run installs them). "FILE" in args
// stands for the PDF; without it, the PDF is the last argument.
func tool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (Debian: poppler-utils, qpdf)", name)
	}
	path := filepath.Join(t.TempDir(), "form.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if i := slices.Index(args, "FILE"); i >= 0 {
		args[i] = path
	} else {
		args = append(args, path)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

func TestSameInputSameBytes(t *testing.T) {
	a, b := samplePDF(t, Info{Creator: "jixiao test"}), samplePDF(t, Info{Creator: "jixiao test"})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the sample differ")
	}
	if bytes.Contains(a, []byte("/CreationDate")) {
		t.Error("a creation date was written without being asked for")
	}
	dated := samplePDF(t, Info{Date: time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)})
	if !bytes.Contains(dated, []byte("/CreationDate(D:20210301")) {
		t.Error("the creation date asked for is missing")
	}
	// gopdf embeds each face's hmtx and loca sized to its glyph count: the
	// 12180 glyphs of the built-in subsets (traditional characters included)
	// cost about 8 KB of the sample's 125 KB.
	if n := len(a); n > 120_000 {
		t.Errorf("the sample's PDF is %d bytes; the goal is under 120 KB", n)
	}
}

func TestDocumentInfo(t *testing.T) {
	info := tool(t, samplePDF(t, Info{Creator: "jixiao v9", Subject: "附件2"}), "pdfinfo")
	for _, want := range []string{"Title:           2020年度部门整体支出绩效自评表", "Author:          益阳市工业和信息化局",
		"Subject:         附件2", "Creator:         jixiao v9", "Pages:           2", "Page size:       595.28 x 841.89 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestQPDFCheck(t *testing.T) {
	out := tool(t, samplePDF(t, Info{}), "qpdf", "--check")
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestFontsEmbeddedAndSubset(t *testing.T) {
	out := tool(t, samplePDF(t, Info{}), "pdffonts")
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) != 3 {
		t.Fatalf("want 3 fonts (serif, serif bold, sans):\n%s", out)
	}
	subset := regexp.MustCompile(`^[A-Z]{6}\+NotoS(erif|ans)SC-\S+ +CID TrueType +Identity-H +yes +yes +yes`)
	for _, l := range lines {
		if !subset.MatchString(l) {
			t.Errorf("font not embedded, subset and with ToUnicode: %s", l)
		}
	}
}

// TestTextInReadingOrder extracts the text (pdftotext -raw keeps the
// content stream's order) and finds every cell of the seed — the real 2020
// form as Word holds it — in the seed's order.
func TestTextInReadingOrder(t *testing.T) {
	text := tool(t, samplePDF(t, Info{}), "pdftotext", "-raw", "-enc", "UTF-8", "FILE", "-")
	got := squeeze(text)
	pos := 0
	for _, cell := range seedCells(t) {
		i := strings.Index(got[pos:], cell)
		if i < 0 {
			t.Fatalf("seed text %q not found after position %d; the extracted text goes on:\n%s", cell, pos, got[pos:min(len(got), pos+200)])
		}
		pos += i + len(cell)
	}
	golden := filepath.Join("testdata", "yiyang-2020.txt")
	if want, err := os.ReadFile(golden); err != nil || string(want) != text {
		if os.Getenv("UPDATE_PDF_TEXT") != "" {
			os.WriteFile(golden, []byte(text), 0o644)
			return
		}
		t.Errorf("extracted text differs from %s (UPDATE_PDF_TEXT=1 go test ./render/pdf rewrites it)", golden)
	}
}

// seedCells reads the seed: cells start with a TAB, rows end with a blank
// line. The seed restarts 绩效指标 on its own second page, where ours may
// break elsewhere, so that second label is not looked for; the form's 一级
// suffixes are written with full-width brackets throughout.
func seedCells(t *testing.T) []string {
	data, err := os.ReadFile("testdata/seed-yiyang-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.ReplaceAll(string(data), "[bookmark: _GoBack]", "")
	var cells []string
	seenPerformance := false
	for _, part := range strings.Split(src, "\t") {
		c := squeeze(part)
		c = strings.NewReplacer("(", "（", ")", "）").Replace(c)
		if c == "" {
			continue
		}
		if c == "绩效指标" {
			if seenPerformance {
				continue
			}
			seenPerformance = true
		}
		cells = append(cells, c)
	}
	return cells
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func BenchmarkRenderPDF(b *testing.B) {
	rendertest.BenchmarkSample(b, func(w io.Writer, doc *render.Document) error {
		return Write(w, doc, Info{})
	}, "pdf-bytes")
}

// TestFontContainersFollowTheirFaces: a font parsed for PDFs is dropped
// when its face is, so reloading an office's font file does not pile up
// parses.
func TestFontContainersFollowTheirFaces(t *testing.T) {
	builtin, err := fonts.Builtin(fonts.Sans)
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		containersMu.Lock()
		defer containersMu.Unlock()
		return len(containers)
	}
	before := count()
	var faces []*fonts.Face
	for range 3 {
		face, err := fonts.Parse("reloaded", builtin.Data())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fontContainers([]*fonts.Face{face}); err != nil {
			t.Fatal(err)
		}
		faces = append(faces, face)
	}
	if count() != before+3 {
		t.Fatalf("%d containers after adding 3 faces to %d", count(), before)
	}
	runtime.KeepAlive(faces)
	faces = nil
	for range 50 {
		runtime.GC()
		if count() == before {
			return
		}
		time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
	}
	t.Errorf("%d containers remain for faces that are gone, want %d", count(), before)
}

// TestShrunkNumberPrintsWhole: 执行率 100% in its narrow column prints as
// one word, smaller than the amounts beside it, as the layout set it.
func TestShrunkNumberPrintsWhole(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "full-execution.toml"))
	if err != nil {
		t.Fatal(err)
	}
	_, doc := rendertest.Layout(t, data)
	var b bytes.Buffer
	if err := Write(&b, doc, Info{}); err != nil {
		t.Fatal(err)
	}
	out := tool(t, b.Bytes(), "pdftotext", "-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8", "FILE", "-")
	height := map[string]float64{}
	for _, m := range regexp.MustCompile(`<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)</word>`).FindAllStringSubmatch(out, -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		height[m[3]] = y1 - y0
	}
	if _, ok := height["100%"]; !ok {
		t.Fatalf("no word 100%% on page 1; words: %v", slices.Sorted(maps.Keys(height)))
	}
	if height["100%"] > 0.9*height["1758.17"] {
		t.Errorf("100%% is %.1f pt tall, 1758.17 %.1f: want it set smaller", height["100%"], height["1758.17"])
	}
}

// BenchmarkGopdfParse is the once-per-process cost of each face a PDF
// embeds: gopdf's own parse of the font (see fontContainers).
func BenchmarkGopdfParse(b *testing.B) {
	face, err := fonts.Builtin(fonts.Serif)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var fc gopdf.FontContainer
		if err := fc.AddTTFFontData("serif", face.Data()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestProjectTextInTableOrder: the 项目支出绩效自评表 reads in table
// order, row by row, each cell's text whole.
func TestProjectTextInTableOrder(t *testing.T) {
	_, doc := rendertest.Project(t)
	var b bytes.Buffer
	if err := Write(&b, doc, Info{}); err != nil {
		t.Fatal(err)
	}
	got := squeeze(tool(t, b.Bytes(), "pdftotext", "-raw", "-enc", "UTF-8", "FILE", "-"))
	pos := 0
	for _, cell := range []string{"附1", "项目支出绩效自评表", "（2019年度）",
		"项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费", "主管部门", "廊坊市发改委", "实施单位", "廊坊市食品工程学校",
		"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
		"年度资金总额", "43.2", "43.2", "37.24", "10", "86%", "9",
		"其中：当年财政拨款", "43.2", "43.2", "37.24", "—", "—", "—",
		"上年结转资金", "—", "—", "—", "其他资金", "—", "—", "—",
		"年度总体目标", "预期目标", "实际完成情况", "43.2", "37.24",
		"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
		"产出指标", "数量指标", "指标1：工程资金金额", "43.2", "37.24", "10", "9", "已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。",
		"质量指标", "指标1：工程完工率", "指标2：工程验收合格率", "时效指标", "指标1：项目完成及时率",
		"成本指标", "指标1：成本控制率", "效益指标", "经济效益指标", "指标1：安全率", "社会效益指标", "指标1：学校发展能力",
		"生态效益指标", "可持续影响指标", "指标1：长期使用性", "满意度指标", "服务对象满意度指标", "指标1：学生满意度",
		"总分", "100", "98",
	} {
		i := strings.Index(got[pos:], cell)
		if i < 0 {
			t.Fatalf("%q not found after position %d; the extracted text goes on:\n%s", cell, pos, got[pos:min(len(got), pos+200)])
		}
		pos += i + len(cell)
	}
}
