// Package batch runs one job per input file on several goroutines at once.
// Jobs start in input order; results are handed, one at a time, to a
// single callback as they finish, so the caller needs no locks. A cancelled
// context stops new jobs from starting while the running ones finish, so
// that every output is either complete or never begun.
package batch

import (
	"context"
	"sync"
)

// Run calls do for every job on up to workers goroutines and passes each
// result to done, from one goroutine, in the order they finish. It returns
// how many jobs ran; fewer than len(jobs) when ctx was cancelled.
func Run[J, R any](ctx context.Context, jobs []J, workers int, do func(J) R, done func(R)) int {
	workers = max(1, min(workers, len(jobs)))
	next := make(chan J)
	results := make(chan R)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				results <- do(j)
			}
		}()
	}
	go func() {
		defer close(next)
		for _, j := range jobs {
			// Check first: select picks at random among ready cases.
			if ctx.Err() != nil {
				return
			}
			select {
			case next <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	n := 0
	for r := range results {
		done(r)
		n++
	}
	return n
}
