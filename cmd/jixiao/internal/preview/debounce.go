package preview

import (
	"sync"
	"time"
)

// Clock makes the timers a Debouncer waits with, so that tests can move
// time by hand.
type Clock interface {
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

// RealClock is the wall clock.
type RealClock struct{}

// AfterFunc calls f in its own goroutine after d.
func (RealClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// Debouncer turns a burst of triggers into one call: fire runs once the
// triggers have stopped for the quiet period. An editor's save is often
// several events (truncate, write, rename, chmod), and each rebuild costs
// tens of milliseconds, so rebuilding on every event would only lag.
type Debouncer struct {
	clock Clock
	quiet time.Duration
	fire  func()

	mu   sync.Mutex
	stop func() bool // the pending timer's; nil when none
	gen  uint64      // counts triggers, so that a superseded timer does nothing
	done bool
}

// NewDebouncer returns a debouncer that calls fire after quiet without
// triggers. A nil clock is the real one.
func NewDebouncer(clock Clock, quiet time.Duration, fire func()) *Debouncer {
	if clock == nil {
		clock = RealClock{}
	}
	return &Debouncer{clock: clock, quiet: quiet, fire: fire}
}

// Trigger (re)starts the quiet period.
func (d *Debouncer) Trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return
	}
	if d.stop != nil {
		d.stop()
	}
	d.gen++
	gen := d.gen
	d.stop = d.clock.AfterFunc(d.quiet, func() {
		d.mu.Lock()
		// A timer may fire while Trigger stops it: only the latest counts.
		current := gen == d.gen && !d.done
		if current {
			d.stop = nil
		}
		d.mu.Unlock()
		if current {
			d.fire()
		}
	})
}

// Stop cancels a pending call; later triggers do nothing.
func (d *Debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.done = true
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
}
