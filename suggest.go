package jixiao

// suggest returns the candidate closest to a mistyped key, or "" when none
// is close enough to be a likely typo.
func suggest(key string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
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
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
