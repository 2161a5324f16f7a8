package preview

import (
	"sync"
	"time"

	"jixiao"
)

// Snapshot is what the page shows: the problems of the latest build, good
// or not, and the last good output.
type Snapshot struct {
	Version  int // of the latest build; counts from 1
	Built    time.Time
	Took     time.Duration
	Problems jixiao.Problems
	// Good is the last build without errors; until there is one, the
	// latest draft (marked as such on every page); nil when neither.
	Good *Output
}

// Stale tells whether the latest build failed, so that the images shown
// are those of an earlier version.
func (s Snapshot) Stale() bool { return s.Good == nil || s.Good.Version != s.Version }

// State holds the current snapshot and wakes whoever waits for the next.
type State struct {
	mu      sync.Mutex
	snap    Snapshot
	changed chan struct{} // closed, and replaced, at each publish
}

// NewState returns a state at version 0: nothing built yet.
func NewState() *State {
	return &State{changed: make(chan struct{})}
}

// Current returns the snapshot, and a channel closed when it is replaced.
func (s *State) Current() (Snapshot, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snap, s.changed
}

// publish records a build as the next version. A build with errors, or
// without output, keeps the last good output: the page keeps the last
// picture that could be drawn, and shows the errors above it.
func (s *State) publish(b build) Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := Snapshot{Version: s.snap.Version + 1, Built: b.at, Took: b.took, Problems: b.problems, Good: s.snap.Good}
	if b.out != nil && (b.problems.Errors() == 0 || b.out.Draft && (next.Good == nil || next.Good.Draft)) {
		b.out.Version = next.Version
		next.Good = b.out
	}
	s.snap = next
	close(s.changed)
	s.changed = make(chan struct{})
	return next
}

// build is the outcome of one rebuild, before it gets its version.
type build struct {
	at       time.Time
	took     time.Duration
	problems jixiao.Problems
	out      *Output
}
