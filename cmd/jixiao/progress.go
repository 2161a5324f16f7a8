package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"

	"jixiao"
)

// progress reports a batch on stderr: a bar redrawn in place on a
// terminal, a plain line now and then otherwise, nothing when quiet.
type progress struct {
	w         io.Writer
	tty       bool
	quiet     bool
	total     int
	done      int
	start     time.Time
	lastPrint time.Time
	now       func() time.Time
	lang      language.Tag
}

func (p *progress) tr(format string, args ...any) string {
	return jixiao.Sprintf(p.lang, format, args...)
}

func newProgress(w io.Writer, tty, quiet bool, total int) *progress {
	p := &progress{w: w, tty: tty, quiet: quiet, total: total, now: time.Now}
	p.start = p.now()
	return p
}

// plainEvery is how often a non-terminal gets a line.
const plainEvery = 2 * time.Second

// step counts one finished file.
func (p *progress) step() {
	p.done++
	if p.quiet || p.total < 2 {
		return
	}
	now := p.now()
	switch {
	case p.tty && (now.Sub(p.lastPrint) >= 100*time.Millisecond || p.done == p.total):
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(now, true))
	case !p.tty && (now.Sub(p.lastPrint) >= plainEvery || p.done == p.total):
		fmt.Fprintln(p.w, p.line(now, false))
	default:
		return
	}
	p.lastPrint = now
}

// finish ends the bar's line on a terminal.
func (p *progress) finish() {
	if p.tty && !p.quiet && p.total >= 2 && !p.lastPrint.IsZero() {
		fmt.Fprintln(p.w)
	}
}

func (p *progress) line(now time.Time, bar bool) string {
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed
	}
	left := "—"
	if rate > 0 {
		left = formatDuration(time.Duration(float64(p.total-p.done) / rate * float64(time.Second)))
	}
	s := p.tr("%d/%d files  %.1f files/s  %s left", p.done, p.total, rate, left)
	if !bar {
		return s
	}
	const width = 24
	filled := width * p.done / max(p.total, 1)
	return "[" + strings.Repeat("█", filled) + strings.Repeat("░", width-filled) + "] " + s
}

func formatDuration(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
