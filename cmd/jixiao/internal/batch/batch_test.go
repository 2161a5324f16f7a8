package batch

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
)

func TestEveryJobRunsOnce(t *testing.T) {
	jobs := make([]int, 1000)
	for i := range jobs {
		jobs[i] = i
	}
	var got []int
	var running, most atomic.Int32
	n := Run(context.Background(), jobs, 4, func(j int) int {
		now := running.Add(1)
		for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
		}
		running.Add(-1)
		return j * 2
	}, func(r int) { got = append(got, r) }) // no lock: done runs on one goroutine
	if n != len(jobs) || len(got) != len(jobs) {
		t.Fatalf("ran %d, got %d results; want %d", n, len(got), len(jobs))
	}
	slices.Sort(got)
	for i, r := range got {
		if r != 2*i {
			t.Fatalf("result %d = %d, want %d", i, r, 2*i)
		}
	}
	if most.Load() > 4 {
		t.Errorf("%d jobs ran at once with 4 workers", most.Load())
	}
}

// TestCancelStopsNewJobs cancels after the third result: jobs already
// handed out finish, no new one starts.
func TestCancelStopsNewJobs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	jobs := make([]int, 100)
	results := 0
	n := Run(ctx, jobs, 2, func(int) int { return 0 }, func(int) {
		if results++; results == 3 {
			cancel()
		}
	})
	if n < 3 || n > 3+2+1 {
		t.Errorf("%d jobs ran after cancelling at the third; want 3 plus at most those in flight", n)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if n := Run(ctx, []int{1, 2, 3}, 2, func(j int) int { return j }, func(int) {}); n != 0 {
		t.Errorf("%d jobs ran on a cancelled context", n)
	}
}
