//go:build !windows

package main

// startedFromExplorer is false outside Windows: a terminal or a file
// manager there does not close the window the moment jixiao exits.
func startedFromExplorer() bool { return false }
