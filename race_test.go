//go:build race

package jixiao

// The race detector makes code 5 to 10 times slower; time limits allow for it.
const raceSlowdown = 10
