package preview

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func itoa(n int) string { return strconv.Itoa(n) }

func newTestServer(t *testing.T) (*Preview, *httptest.Server) {
	t.Helper()
	p := New(Config{Build: fileBuild(t, sampleFile(t)), Name: "益阳-2020", DPI: 30, Encode: testEncode})
	p.Rebuild()
	s := NewServer(p)
	srv := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); srv.Close() })
	return p, srv
}

func TestServer(t *testing.T) {
	_, srv := newTestServer(t)
	client := srv.Client()

	code, h, page := get(t, client, srv.URL+"/")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("/: %d %s", code, h.Get("Content-Type"))
	}
	for _, want := range []string{`<img src="/page/1?v=1"`, `<img src="/page/2?v=1"`, `href="/download/pdf"`, `href="/download/xlsx"`, "<title>益阳-2020"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page has no %s", want)
		}
	}
	// The policy allows the page's own script, exactly as served.
	script := regexp.MustCompile(`(?s)<script>(.*)</script>`).FindSubmatch(page)
	if script == nil || !strings.Contains(h.Get("Content-Security-Policy"), "'sha256-"+hash(string(script[1]))+"'") {
		t.Errorf("the script's hash is not in the policy %q", h.Get("Content-Security-Policy"))
	}

	for n := 1; n <= 2; n++ {
		code, h, img := get(t, client, srv.URL+"/page/"+itoa(n)+"?v=1")
		if code != 200 || h.Get("Content-Type") != "image/png" || !bytes.HasPrefix(img, pngSignature) {
			t.Errorf("/page/%d: %d %s %.8q", n, code, h.Get("Content-Type"), img)
		}
	}

	code, h, pdf := get(t, client, srv.URL+"/download/pdf")
	if code != 200 || !bytes.HasPrefix(pdf, []byte("%PDF-")) || h.Get("Content-Type") != "application/pdf" {
		t.Errorf("/download/pdf: %d %s %.8q", code, h.Get("Content-Type"), pdf)
	}
	if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "filename*=utf-8''%E7%9B%8A") {
		t.Errorf("/download/pdf: Content-Disposition %q", cd)
	}
	code, _, x := get(t, client, srv.URL+"/download/xlsx")
	if code != 200 {
		t.Errorf("/download/xlsx: %d", code)
	} else if z, err := zip.NewReader(bytes.NewReader(x), int64(len(x))); err != nil {
		t.Errorf("/download/xlsx is not a zip: %v", err)
	} else if f, _ := z.Open("xl/workbook.xml"); f == nil {
		t.Error("/download/xlsx has no workbook")
	}
	if _, _, again := get(t, client, srv.URL+"/download/pdf"); !bytes.Equal(again, pdf) {
		t.Error("the PDF of a version changes between downloads")
	}
}

func TestServerServesNothingElse(t *testing.T) {
	_, srv := newTestServer(t)
	client := srv.Client()
	for _, path := range []string{
		"/nope", "/page/0", "/page/3", "/page/x", "/page/1.png", "/page/-1", "/page/", "/download/pdf.exe",
		"/download/", "/download/toml", "/image/../../etc/passwd", "/page/..%2f..%2fetc%2fpasswd",
		"/page/1/../../../../etc/passwd", "/..%2f..%2fetc/passwd", "/events/x", "/samples/yiyang-2020.toml",
		"/form.toml", "/index.html",
	} {
		code, _, body := get(t, client, srv.URL+path)
		if code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, code)
		}
		if bytes.Contains(body, []byte("root:")) || bytes.Contains(body, []byte("department")) {
			t.Errorf("%s: served a file: %.80q", path, body)
		}
	}
	res, err := client.Post(srv.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d, want 405", res.StatusCode)
	}
	// A name pointed at 127.0.0.1 by another site (DNS rebinding) is refused.
	req, _ := http.NewRequest("GET", srv.URL+"/problems", nil)
	req.Host = "evil.example:80"
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("Host evil.example: %d, want 403", res.StatusCode)
	}
}

// TestEvents: the stream sends the current version at once, then each new one.
func TestEvents(t *testing.T) {
	p, srv := newTestServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/events", nil)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	versions := make(chan string)
	go func() {
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				select {
				case versions <- v:
				case <-ctx.Done():
					return
				}
			}
		}
		close(versions)
	}()
	next := func(want string) {
		t.Helper()
		select {
		case v := <-versions:
			if v != want {
				t.Fatalf("event %q, want %q", v, want)
			}
		case <-ctx.Done():
			t.Fatalf("no event %s", want)
		}
	}
	next("1")
	p.Rebuild()
	next("2")
	p.Rebuild()
	next("3")
}
