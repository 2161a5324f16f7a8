package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jixiao/templates"
)

// syncBuffer is a buffer the preview writes to while the test reads it,
// and that tells when it was written.
type syncBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{wrote: make(chan struct{}, 1)} }

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.wrote <- struct{}{}:
	default:
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the text written satisfies ok.
func (s *syncBuffer) waitFor(t testing.TB, what string, ok func(string) bool) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		if text := s.String(); ok(text) {
			return text
		}
		select {
		case <-s.wrote:
		case <-timeout:
			t.Fatalf("no %s within 10 s; got %q", what, s.String())
		}
	}
}

// previewFiles copies the sample and the built-in template into a
// temporary folder.
func previewFiles(t testing.TB) (data, tpl string) {
	t.Helper()
	dir := t.TempDir()
	data, tpl = filepath.Join(dir, "yiyang-2020.toml"), filepath.Join(dir, "template.toml")
	src, err := os.ReadFile("../../samples/yiyang-2020.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tpl, builtinFile(templates.Form2020), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, tpl
}

// startPreview runs 'jixiao preview' in-process and returns its URL; stop
// interrupts it (as Ctrl-C does) and returns its exit status.
func startPreview(t testing.TB, args ...string) (url string, stderr *syncBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := newSyncBuffer(), newSyncBuffer()
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr, stdin: strings.NewReader("")}
	exit := make(chan int, 1)
	go func() { exit <- c.main(append([]string{"preview"}, args...)) }()
	out := stdout.waitFor(t, "URL", func(s string) bool { return strings.HasSuffix(s, "\n") })
	url = strings.TrimSpace(out)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		cancel()
		t.Fatalf("printed %q, want the page's loopback URL", out)
	}
	stopped := false
	stop = func() int {
		if stopped {
			return exitOK
		}
		stopped = true
		cancel()
		select {
		case code := <-exit:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("the preview did not stop within 10 s of Ctrl-C")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return url, stderr, stop
}

// replaceInFile edits a file as an editor that saves by rename does: the
// new text goes to a temporary file, renamed over the old one.
func replaceInFile(t testing.TB, path, old, new string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// previewState is what /problems says.
type previewState struct {
	Version  int  `json:"version"`
	Good     int  `json:"good"`
	Pages    int  `json:"pages"`
	Stale    bool `json:"stale"`
	Errors   int  `json:"errors"`
	Problems []struct {
		Text string `json:"text"`
	} `json:"problems"`
}

func fetchState(t testing.TB, url string) previewState {
	t.Helper()
	res, err := http.Get(url + "problems")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var s previewState
	if err := json.NewDecoder(res.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// eventStream follows /events and sends each version announced.
func eventStream(t testing.TB, url string) <-chan int {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	versions := make(chan int, 100)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var n int
				if err := json.Unmarshal([]byte(v), &n); err == nil {
					versions <- n
				}
			}
		}
	}()
	return versions
}

func nextVersion(t testing.TB, versions <-chan int, after int) int {
	t.Helper()
	timeout := time.After(2 * time.Second)
	for {
		select {
		case v := <-versions:
			if v > after {
				return v
			}
		case <-timeout:
			t.Fatalf("no version after %d within 2 s", after)
		}
	}
}

func fetchBody(t testing.TB, url string) []byte {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("%s: %d %v", url, res.StatusCode, err)
	}
	return b
}
