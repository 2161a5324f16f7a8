package jixiao

import "unicode/utf8"

// suggest returns the candidate closest to a mistyped key, or "" when none
// is close enough to be a likely typo.
func suggest(key string, candidates []string) string {
	best, bestDist := "", 0
	n := utf8.RuneCountInString(key)
	for _, c := range candidates {
		// The distance is at least the difference in length: a key much
		// longer than c is no typo of it, and not worth the quadratic cost.
		if m := utf8.RuneCountInString(c); n-m > max(1, m/4) || m-n > max(1, m/4) {
			continue
		}
		d := editDistance(key, c)
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one typo per four letters, and at least one.
	if best == "" || bestDist > max(1, len([]rune(best))/4) {
		return ""
	}
	return best
}

// editDistance is the edit distance between a and b, in runes, where
// swapping two neighbours counts as one edit ("yaer" is one typo from
// "year"): the optimal string alignment distance.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	before := make([]int, len(rb)+1) // row i-2
	prev := make([]int, len(rb)+1)   // row i-1
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(rb)]
}
