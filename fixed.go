package jixiao

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Fixed is a decimal with two places, stored as an integer count of
// hundredths: 6341.72 万元 is Fixed(634172). Money and points are summed as
// integers, so sums are exact; floats never touch them.
type Fixed int64

// maxFixed bounds every figure read from a file (10^11 万元, far above any
// real budget), so that sums of many figures cannot overflow int64: a file
// of MaxFileSize holds fewer than 10^6 figures, and 10^6 × 10^13 hundredths
// is below 2^63 ≈ 9.2 × 10^18.
const maxFixed = Fixed(1e13)

var (
	errNotDecimal = errors.New("not a decimal number")
	errTooPrecise = errors.New("more than 2 decimals")
	errOutOfRange = errors.New("too large")
)

// ParseFixed reads a plain decimal such as "6341.72", "735", "-3.5" or
// "1_000.25" (TOML allows underscores between digits). More than two
// decimals is an error unless the extra digits are zeros.
func ParseFixed(s string) (Fixed, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") || !allDigits(whole) || !allDigits(frac) {
		return 0, errNotDecimal
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 2 {
		return 0, errTooPrecise
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 13 {
		return 0, errOutOfRange
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	f, _ := strconv.ParseInt((frac + "00")[:2], 10, 64)
	v := Fixed(w*100 + f)
	if v > maxFixed {
		return 0, errOutOfRange
	}
	if neg {
		v = -v
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FixedFromInt converts a whole number.
func FixedFromInt(n int64) Fixed { return Fixed(n * 100) }

// String prints the shortest exact form: 735, 90.4, 6341.72.
func (f Fixed) String() string {
	return f.Format(-1)
}

// Format prints f with exactly places decimals (0, 1 or 2), rounding half
// away from zero; places < 0 prints the shortest exact form.
func (f Fixed) Format(places int) string {
	v := f
	if places >= 0 && places < 2 {
		v = f.Round(places)
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	whole, frac := int64(v)/100, int64(v)%100
	fs := fmt.Sprintf("%02d", frac)
	switch {
	case places < 0:
		fs = strings.TrimRight(fs, "0")
	case places < 2:
		fs = fs[:places]
	}
	if fs == "" {
		return sign + strconv.FormatInt(whole, 10)
	}
	return sign + strconv.FormatInt(whole, 10) + "." + fs
}

// Round rounds to places decimals (0 or 1), half away from zero.
func (f Fixed) Round(places int) Fixed {
	if places >= 2 {
		return f
	}
	unit := Fixed(100)
	if places == 1 {
		unit = 10
	}
	half := unit / 2
	if f < 0 {
		return -((-f + half) / unit * unit)
	}
	return (f + half) / unit * unit
}

// Rat returns f as an exact rational.
func (f Fixed) Rat() *big.Rat { return big.NewRat(int64(f), 100) }

// FixedFromRat rounds r to hundredths, half away from zero.
func FixedFromRat(r *big.Rat) Fixed { return RoundRat(r, 2) }

// RoundRat rounds r to places decimals (0, 1 or 2), half away from zero,
// in one step (rounding to hundredths first could round twice).
func RoundRat(r *big.Rat, places int) Fixed {
	unit := int64(100)
	for range min(max(places, 0), 2) {
		unit /= 10
	}
	steps := new(big.Rat).Mul(r, big.NewRat(100/unit, 1))
	num, den := steps.Num(), steps.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	// A remainder of at least half a step rounds away from zero.
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Fixed(q.Int64() * unit)
}

// Sum adds figures exactly.
func Sum(fs ...Fixed) Fixed {
	var s Fixed
	for _, f := range fs {
		s += f
	}
	return s
}
