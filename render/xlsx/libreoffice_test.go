package xlsx

import (
	"cmp"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLibreOffice prints the sample's workbook with LibreOffice (Debian:
// libreoffice-calc-nogui) and reads the pages back: the PDF's
// page breaks, the indicator header printed once on page 1 and again at
// the top of page 2 (print titles), the stored totals, the page numbers.
// It is skipped where soffice or pdftotext is not installed.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: libreoffice-calc-nogui, poppler-utils)", tool)
		}
	}
	data, doc := build(t, sampleData(t), Info{})
	dir := t.TempDir()
	in := filepath.Join(dir, "form.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// A fresh LibreOffice profile costs 5 to 15 s; one kept in the user's
	// cache makes later runs take under 2 s.
	profile := filepath.Join(dir, "profile")
	if cache, err := os.UserCacheDir(); err == nil {
		profile = filepath.Join(cache, "jixiao-test-soffice")
	}
	cmd := exec.CommandContext(ctx, "soffice", "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir) // LibreOffice needs a writable home
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", filepath.Join(dir, "form.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := pdfWords(string(out))
	if len(pages) != len(doc.Pages) {
		t.Fatalf("LibreOffice prints %d pages; the PDF has %d", len(pages), len(doc.Pages))
	}
	has := func(p int, want string) bool {
		return slices.ContainsFunc(pages[p], func(w word) bool { return strings.Contains(w.text, want) })
	}
	for _, want := range []string{"附件2：", "2020年度部门整体支出绩效自评表", "年度资金总额", "90%", "一级指标"} {
		if !has(0, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	if has(0, "项目资金及") || has(0, "总分") {
		t.Error("page 1 holds rows the PDF puts on page 2")
	}
	// Page 2 starts with the indicator header, and holds the rest.
	top := slices.MinFunc(pages[1], func(a, b word) int { return cmp.Compare(a.y, b.y) })
	if !slices.Contains([]string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"}, top.text) {
		t.Errorf("page 2 starts with %q, not the indicator header", top.text)
	}
	for _, want := range []string{"项目资金及", "总分", "100", "98"} {
		if !has(1, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
	for p := range pages {
		bottom := slices.MaxFunc(pages[p], func(a, b word) int { return cmp.Compare(a.y, b.y) })
		var line []string
		for _, w := range pages[p] {
			if w.y > bottom.y-1 {
				line = append(line, w.text)
			}
		}
		if got, want := strings.Join(line, ""), "—"+strconv.Itoa(p+1)+"—"; got != want {
			t.Errorf("page %d ends with %q, not %q", p+1, got, want)
		}
	}
}

// word is a word pdftotext -bbox found, and how far down its page.
type word struct {
	text string
	y    float64
}

var wordRE = regexp.MustCompile(`<word xMin="[^"]*" yMin="([^"]*)"[^>]*>([^<]*)</word>`)

// pdfWords reads pdftotext -bbox output, page by page.
func pdfWords(html string) [][]word {
	var pages [][]word
	for _, page := range strings.Split(html, "<page ")[1:] {
		var words []word
		for _, m := range wordRE.FindAllStringSubmatch(page, -1) {
			y, _ := strconv.ParseFloat(m[1], 64)
			words = append(words, word{m[2], y})
		}
		pages = append(pages, words)
	}
	return pages
}
