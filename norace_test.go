//go:build !race

package jixiao

const raceSlowdown = 1
