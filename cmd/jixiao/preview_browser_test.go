package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// shownPages is what the page in the browser shows.
type shownPages struct {
	Good     int      `json:"good"`
	Srcs     []string `json:"srcs"`
	Problems []string `json:"problems"`
	page1    []byte   // the PNG of page 1, fetched when shown
}

// pagesShown is true once the page shows the images of a version after
// AFTER, every one loaded, and the problems list matches WANT (a regexp,
// "" for none); it then returns them as a shownPages.
const pagesShown = `(() => {
  const good = Number(document.body.dataset.good);
  const imgs = [...document.querySelectorAll("#pages img")];
  const problems = [...document.querySelectorAll("#problems li")].map((li) => li.textContent);
  if (good <= AFTER || imgs.length === 0) return false;
  if (!imgs.every((i) => i.complete && i.naturalWidth > 0 && i.src.endsWith("?v=" + good))) return false;
  if (WANT === "" ? problems.length > 0 : !problems.some((p) => new RegExp(WANT).test(p))) return false;
  return { good, srcs: imgs.map((i) => i.src), problems };
})()`

// TestPreviewInBrowser opens the preview in headless Chromium, changes a
// column width in the template and then the department's name in the data
// file, and waits each time, for at most 2 s, for the page to show new
// images by itself. A data error in between must show above the last good
// images.
func TestPreviewInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (.ci/run installs it)")
	}
	data, tpl := previewFiles(t)
	original, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	// 72 dpi rather than the default 120: the test is about the page
	// following the files, and smaller images keep it well within its
	// 2 s limits on a loaded machine or under the race detector.
	url, stderr, stop := startPreview(t, data, "--template", tpl, "--dpi", "72")

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1000, 1400))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first run starts the browser, and must not have a timeout:
	// the browser lives as long as its context.
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	t.Logf("browser started and page opened in %d ms", time.Since(start).Milliseconds())

	// wait polls the DOM until the page shows a version after the one
	// shown, all its images loaded, then checks that page 1 differs from
	// before.
	wait := func(what string, after shownPages, wantProblem string) shownPages {
		t.Helper()
		js := strings.NewReplacer("AFTER", strconv.Itoa(after.Good), "WANT", strconv.Quote(wantProblem)).Replace(pagesShown)
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		begin := time.Now()
		got, err := chromedp.Run(pctx, chromedp.Poll[shownPages](js,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(2*time.Second)))
		if err != nil {
			t.Fatalf("%s: the page did not show new images within 2 s: %v\n%s", what, err, stderr.String())
		}
		t.Logf("%s: version %d shown after %d ms", what, got.Good, time.Since(begin).Milliseconds())
		// Nothing changes on disk until the next save: the server still
		// has this version.
		got.page1 = fetchBody(t, got.Srcs[0])
		if after.page1 != nil && bytes.Equal(got.page1, after.page1) {
			t.Errorf("%s: page 1 of version %d is the same image as version %d's", what, got.Good, after.Good)
		}
		return got
	}
	v1 := wait("first load", shownPages{}, "")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}

	replaceInFile(t, tpl, "10, 10, 25]", "10, 10, 21]") // saved by rename, as vim does
	v2 := wait("column I narrowed in the template", v1, "")

	edit := func(old, new string) {
		t.Helper()
		src, err := os.ReadFile(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(data, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil { // in place
			t.Fatal(err)
		}
	}
	edit(`department = "益阳市工业和信息化局"`, `department = "益阳市财政局"`)
	v3 := wait("department renamed in the data", v2, "")

	// An error: the page lists it, with its line, and keeps version v3's images.
	edit("score = 9 ", "score = 12")
	pctx, cancelPoll := context.WithTimeout(ctx, 2*time.Second)
	defer cancelPoll()
	problem, err := chromedp.Run(pctx, chromedp.Poll[string](`(() => {
	  const li = document.querySelector("#problems li.error");
	  return li && document.body.dataset.good === "`+strconv.Itoa(v3.Good)+`" && li.textContent;
	})()`, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(2*time.Second)))
	if err != nil || !strings.Contains(problem, "yiyang-2020.toml:15:9: error: funds.score (得分)") {
		t.Fatalf("a data error: problem %q, %v", problem, err)
	}
	// Fixed in one save (the first department name is back): new images.
	if err := os.WriteFile(data, original, 0o644); err != nil {
		t.Fatal(err)
	}
	wait("errors fixed", v3, "")

	reloaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded !== true`))
	if err != nil || reloaded {
		t.Errorf("the page was reloaded (%v)", err)
	}
	cancel()
	if code := stop(); code != exitOK {
		t.Errorf("exit %d after Ctrl-C, want 0", code)
	}
	t.Logf("browser test took %d ms", time.Since(start).Milliseconds())
}
