//go:build race

package main

// previewRace is true under the race detector, which makes drawing pages
// ten times slower: timings measured then say nothing.
const previewRace = true
