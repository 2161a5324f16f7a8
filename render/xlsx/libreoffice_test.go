package xlsx

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
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

	"jixiao/render"
)

// TestLibreOffice prints the sample's workbook with LibreOffice (Debian:
// libreoffice-calc-nogui) and reads the pages back: the PDF's
// page breaks, the indicator header printed once on page 1 and again at
// the top of page 2 (print titles), the stored totals, the page numbers.
// It is skipped where soffice or pdftotext is not installed.
func TestLibreOffice(t *testing.T) {
	needLibreOffice(t)
	data, doc := build(t, sampleData(t), Info{})
	dir := t.TempDir()
	pdfs := printWithLibreOffice(t, dir, fontEnv(t, dir, false), map[string][]byte{"form": data})
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", pdfs["form"], "-").Output()
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

// TestLibreOfficePageCounts prints forms of 2, 3 and 4 pages with
// LibreOffice, with and without Carlito (the metric twin of Calibri), and
// with 宋体 set in a font of its metrics (Noto Serif SC, by an alias) or
// missing (its digits then come from DejaVu Sans): each prints on as many
// pages as its PDF. With Calibri as the default font and fit to width,
// they printed on up to twice as many.
func TestLibreOfficePageCounts(t *testing.T) {
	needLibreOffice(t)
	forms := map[string][]byte{"sample": sampleData(t)}
	for _, name := range []string{"many-indicators", "long-goals", "narrow-numbers"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		forms[name] = data
	}
	books, want := map[string][]byte{}, map[string]int{}
	for name, data := range forms {
		var doc *render.Document
		books[name], doc = build(t, data, Info{})
		want[name] = len(doc.Pages)
	}
	for _, env := range []struct{ carlito, simsun bool }{{true, true}, {false, true}, {true, false}, {false, false}} {
		name := map[bool]string{true: "with Carlito", false: "without Carlito"}[env.carlito] +
			map[bool]string{true: ", 宋体 as Noto Serif SC", false: ", no 宋体"}[env.simsun]
		t.Run(name, func(t *testing.T) {
			if env.carlito && !hasFont("Carlito") {
				t.Skip("Carlito not installed (Debian: fonts-crosextra-carlito)")
			}
			dir := t.TempDir()
			pdfs := printWithLibreOffice(t, dir, fontEnvWith(t, dir, env.carlito, env.simsun), books)
			for _, name := range slices.Sorted(maps.Keys(books)) {
				out, err := exec.Command("pdfinfo", pdfs[name]).Output()
				if err != nil {
					t.Fatalf("pdfinfo %s: %v", name, err)
				}
				m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
				if m == nil {
					t.Fatalf("pdfinfo %s: no page count in %q", name, out)
				}
				if got, _ := strconv.Atoi(string(m[1])); got != want[name] {
					t.Errorf("%s: LibreOffice prints %d pages; the PDF has %d", name, got, want[name])
				}
			}
		})
	}
}

func needLibreOffice(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	for _, tool := range []string{"soffice", "pdftotext", "pdfinfo", "fc-list"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: libreoffice-calc-nogui, poppler-utils, fontconfig)", tool)
		}
	}
}

// hasFont tells whether fontconfig knows a font family.
func hasFont(family string) bool {
	out, err := exec.Command("fc-list", ":family="+family, "family").Output()
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

// fontEnv writes a fontconfig file into dir and returns the environment
// that makes LibreOffice use it: the system's fonts, the shipped Noto
// faces standing in for 宋体 and 黑体 (as an office's Linux machine maps
// them), and Carlito only when carlito is set.
func fontEnv(t *testing.T, dir string, carlito bool) []string {
	t.Helper()
	return fontEnvWith(t, dir, carlito, true)
}

// fontEnvWith is fontEnv with the aliases for 宋体 and 黑体 only when simsun
// is set; the Noto faces are there either way, as a Linux machine's CJK
// fonts.
func fontEnvWith(t *testing.T, dir string, carlito, simsun bool) []string {
	t.Helper()
	fontDir, err := filepath.Abs(filepath.Join("..", "..", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>` + fontDir + `</dir>
  <cachedir>` + filepath.Join(dir, "fontcache") + `</cachedir>
`)
	if simsun {
		for _, a := range [][2]string{{"宋体", "Noto Serif SC"}, {"SimSun", "Noto Serif SC"}, {"黑体", "Noto Sans SC"}, {"SimHei", "Noto Sans SC"}} {
			fmt.Fprintf(&b, "  <alias binding=\"same\"><family>%s</family><prefer><family>%s</family></prefer></alias>\n", a[0], a[1])
		}
	}
	if !carlito {
		b.WriteString("  <selectfont><rejectfont><pattern><patelt name=\"family\"><string>Carlito</string></patelt></pattern></rejectfont></selectfont>\n")
	}
	b.WriteString("</fontconfig>\n")
	conf := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(conf, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"FONTCONFIG_FILE=" + conf}
	if out, _ := exec.Command("env", append(env, "fc-match", "Calibri", "family")...).Output(); !carlito && strings.Contains(string(out), "Carlito") {
		t.Fatalf("the fontconfig file does not hide Carlito: Calibri → %s", out)
	}
	return env
}

// printWithLibreOffice converts workbooks (name → XLSX) to PDF with
// soffice in one run, in the font environment env, and returns the PDFs'
// paths by name.
func printWithLibreOffice(t *testing.T, dir string, env []string, books map[string][]byte) map[string]string {
	t.Helper()
	args := []string{"--headless", "--convert-to", "pdf", "--outdir", dir}
	pdfs := map[string]string{}
	for name, data := range books {
		in := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args, pdfs[name] = append(args, in), filepath.Join(dir, name+".pdf")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A fresh LibreOffice profile costs 5 to 15 s; one kept in the user's
	// cache makes later runs take under 2 s.
	profile := filepath.Join(dir, "profile")
	if cache, err := os.UserCacheDir(); err == nil {
		profile = filepath.Join(cache, "jixiao-test-soffice")
	}
	profileURL := (&url.URL{Scheme: "file", Path: profile}).String()
	cmd := exec.CommandContext(ctx, "soffice", append([]string{"-env:UserInstallation=" + profileURL}, args...)...)
	// LibreOffice needs a writable home.
	cmd.Env = append(append(os.Environ(), "HOME="+dir), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return pdfs
}
