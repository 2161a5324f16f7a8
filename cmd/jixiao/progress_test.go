package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock steps a fake time by a fixed amount at each reading.
func clock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestProgressPlainLines(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, false, false, 10)
	p.now = clock(time.Second) // one file a second
	p.start = p.now()
	for range 10 {
		p.step()
	}
	p.finish()
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	// The first file at once, then a line at most every 2 s, and always
	// the last one.
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 6:\n%s", len(lines), b.String())
	}
	if want := "10/10 files  1.0 files/s  0:00 left"; lines[5] != want {
		t.Errorf("last line %q, want %q", lines[5], want)
	}
	if lines[0] != "1/10 files  1.0 files/s  0:09 left" {
		t.Errorf("first line %q", lines[0])
	}
}

func TestProgressBarOnTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, true, false, 4)
	p.now = clock(time.Second)
	p.start = p.now()
	for range 4 {
		p.step()
	}
	p.finish()
	out := b.String()
	if !strings.Contains(out, "\r\033[K[██████░░░░░░░░░░░░░░░░░░] 1/4 files") || !strings.HasSuffix(out, "4/4 files  1.0 files/s  0:00 left\n") {
		t.Errorf("bar output %q", out)
	}
}

func TestProgressQuiet(t *testing.T) {
	var b bytes.Buffer
	for _, p := range []*progress{newProgress(&b, true, true, 5), newProgress(&b, false, false, 1)} {
		p.step()
		p.finish()
	}
	if b.Len() != 0 {
		t.Errorf("-q or a single file printed %q", b.String())
	}
}
