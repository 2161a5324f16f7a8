package preview

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock moved by hand: Advance runs the timers that fall
// due, on the caller's goroutine, so a test sees their effect at once.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Duration
	timers []*fakeTimer
}

type fakeTimer struct {
	at            time.Duration
	f             func()
	stopped, done bool
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now + d, f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		pending := !t.stopped && !t.done
		t.stopped = true
		return pending
	}
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now += d
	var due []*fakeTimer
	for _, t := range c.timers {
		if !t.stopped && !t.done && t.at <= c.now {
			t.done = true
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	for _, t := range due {
		t.f()
	}
}

func TestDebounceBurstIsOneCall(t *testing.T) {
	clock := &fakeClock{}
	var fired int
	d := NewDebouncer(clock, 50*time.Millisecond, func() { fired++ })
	// An editor's save: truncate, write, write, rename, 10 ms apart.
	for range 4 {
		d.Trigger()
		clock.Advance(10 * time.Millisecond)
	}
	if fired != 0 {
		t.Fatalf("fired %d times during the burst", fired)
	}
	clock.Advance(39 * time.Millisecond)
	if fired != 0 {
		t.Fatalf("fired %d times before the quiet period ended", fired)
	}
	clock.Advance(time.Millisecond)
	if fired != 1 {
		t.Fatalf("fired %d times after the burst, want 1", fired)
	}
	clock.Advance(time.Second)
	if fired != 1 {
		t.Fatalf("fired %d times a second later, want still 1", fired)
	}
}

func TestDebounceSeparateEventsAreTwoCalls(t *testing.T) {
	clock := &fakeClock{}
	var fired int
	d := NewDebouncer(clock, 50*time.Millisecond, func() { fired++ })
	d.Trigger()
	clock.Advance(60 * time.Millisecond)
	d.Trigger()
	clock.Advance(60 * time.Millisecond)
	if fired != 2 {
		t.Fatalf("fired %d times for two saves 60 ms apart, want 2", fired)
	}
}

func TestDebounceStop(t *testing.T) {
	clock := &fakeClock{}
	var fired int
	d := NewDebouncer(clock, 50*time.Millisecond, func() { fired++ })
	d.Trigger()
	d.Stop()
	d.Trigger()
	clock.Advance(time.Second)
	if fired != 0 {
		t.Fatalf("fired %d times after Stop", fired)
	}
}

// TestDebounceRealClock runs the same on the wall clock, waiting for
// each call rather than sleeping.
func TestDebounceRealClock(t *testing.T) {
	calls := make(chan struct{}, 10)
	var fired atomic.Int32
	d := NewDebouncer(nil, 20*time.Millisecond, func() {
		fired.Add(1)
		calls <- struct{}{}
	})
	defer d.Stop()
	wait := func() {
		t.Helper()
		select {
		case <-calls:
		case <-time.After(2 * time.Second):
			t.Fatal("no call within 2 s")
		}
	}
	for range 100 {
		d.Trigger()
	}
	wait()
	d.Trigger()
	wait()
	if n := fired.Load(); n != 2 {
		t.Fatalf("a burst then one trigger fired %d times, want 2", n)
	}
}
