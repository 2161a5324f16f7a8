//go:build !race

package main

const previewRace = false
