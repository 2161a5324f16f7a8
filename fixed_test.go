package jixiao

import (
	"math/big"
	"strconv"
	"testing"
)

func bigRat(a, b int64) *big.Rat { return big.NewRat(a, b) }

func TestParseFixed(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Fixed
		err  error
	}{
		{"6341.72", 634172, nil},
		{"735", 73500, nil},
		{"90.40", 9040, nil},
		{"90.4", 9040, nil},
		{"0", 0, nil},
		{"0.01", 1, nil},
		{"-3.5", -350, nil},
		{"+3.5", 350, nil},
		{"1_000.25", 100025, nil},
		{" 12 ", 1200, nil},
		{"007.10", 710, nil},
		{"1.2300", 123, nil}, // extra zeros are not extra decimals
		{"99999999999.99", 9999999999999, nil},
		{"100000000000", 10000000000000, nil},
		{"100000000000.01", 0, errOutOfRange},
		{"1000000000000", 0, errOutOfRange},
		{"99999999999999999999999", 0, errOutOfRange},
		{"1.005", 0, errTooPrecise},
		{"0.001", 0, errTooPrecise},
		{"", 0, errNotDecimal},
		{"-", 0, errNotDecimal},
		{".5", 0, errNotDecimal},
		{"5.", 0, errNotDecimal},
		{"1e3", 0, errNotDecimal},
		{"1.2.3", 0, errNotDecimal},
		{"+-1", 0, errNotDecimal},
		{"１２", 0, errNotDecimal}, // full-width digits
		{"nan", 0, errNotDecimal},
		{"0x10", 0, errNotDecimal},
	} {
		t.Run(strconv.Quote(c.in), func(t *testing.T) {
			got, err := ParseFixed(c.in)
			if err != c.err || (err == nil && got != c.want) {
				t.Errorf("ParseFixed(%q) = %d, %v; want %d, %v", c.in, got, err, c.want, c.err)
			}
		})
	}
}

func TestFixedFormat(t *testing.T) {
	for _, c := range []struct {
		f      Fixed
		places int
		want   string
	}{
		{634172, -1, "6341.72"},
		{9040, -1, "90.4"},
		{73500, -1, "735"},
		{0, -1, "0"},
		{-5, -1, "-0.05"},
		{9040, 2, "90.40"},
		{73500, 2, "735.00"},
		{9049, 1, "90.5"},
		{9045, 1, "90.5"}, // half away from zero
		{9044, 1, "90.4"},
		{9050, 0, "91"},
		{9049, 0, "90"},
		{-9050, 0, "-91"},
		{-9049, 0, "-90"},
		{-5, 1, "-0.1"},
		{-4, 1, "0.0"}, // rounds to zero: no minus sign
		{49, 0, "0"},
		{50, 0, "1"},
	} {
		if got := c.f.Format(c.places); got != c.want {
			t.Errorf("Fixed(%d).Format(%d) = %q; want %q", c.f, c.places, got, c.want)
		}
	}
	if got := Fixed(9040).String(); got != "90.4" {
		t.Errorf("String() = %q", got)
	}
	if got := NewFigure(9040); got != (Figure{Value: 9040, Text: "90.4", Set: true}) {
		t.Errorf("NewFigure = %+v", got)
	}
	if got := FixedFromInt(98); got != 9800 {
		t.Errorf("FixedFromInt(98) = %d", got)
	}
}

func TestFixedRound(t *testing.T) {
	for _, c := range []struct {
		f      Fixed
		places int
		want   Fixed
	}{
		{850, 0, 900}, {849, 0, 800}, {-850, 0, -900}, {-849, 0, -800},
		{845, 1, 850}, {844, 1, 840}, {-845, 1, -850}, {-844, 1, -840},
		{845, 2, 845}, {845, 3, 845},
		{0, 0, 0}, {50, 0, 100}, {-50, 0, -100},
	} {
		if got := c.f.Round(c.places); got != c.want {
			t.Errorf("Fixed(%d).Round(%d) = %d; want %d", c.f, c.places, got, c.want)
		}
	}
}

func TestRoundRat(t *testing.T) {
	for _, c := range []struct {
		r      *big.Rat
		places int
		want   Fixed
	}{
		{bigRat(1, 2), 0, 100},       // 0.5 → 1
		{bigRat(-1, 2), 0, -100},     // −0.5 → −1
		{bigRat(49, 100), 0, 0},      // 0.49 → 0
		{bigRat(1, 3), 2, 33},        // 0.333… → 0.33
		{bigRat(2, 3), 2, 67},        // 0.666… → 0.67
		{bigRat(-2, 3), 2, -67},      // −0.67
		{bigRat(1, 200), 2, 1},       // 0.005 → 0.01
		{bigRat(-1, 200), 2, -1},     // −0.005 → −0.01
		{bigRat(1, 201), 2, 0},       // just below 0.005
		{bigRat(25, 100), 1, 30},     // 0.25 → 0.3
		{bigRat(-25, 100), 1, -30},   // −0.25 → −0.3
		{bigRat(8949, 100), 0, 8900}, // 89.49 → 89
		// No double rounding: 89.495 is 89.50 to two places, and 90 from
		// there; in one step it is 89.
		{bigRat(89495, 1000), 0, 8900},
		{bigRat(89495, 1000), 2, 8950},
		{bigRat(4449, 1000), 0, 400},                                        // 4.449 → 4, not 4.45 → 4.5 → 5
		{new(big.Rat).Mul(bigRat(645748, 716712), bigRat(100, 1)), 0, 9000}, // 90.0991…% → 90
		{new(big.Rat).Mul(bigRat(645748, 716712), bigRat(100, 1)), 2, 9010}, // → 90.10
		{new(big.Rat).Mul(bigRat(645748, 716712), bigRat(10, 1)), 0, 900},   // 9.0099… → 9
		{bigRat(7, 1), 5, 700},                                              // more than 2 places means 2
		{bigRat(7, 1), -1, 700},
	} {
		if got := RoundRat(c.r, c.places); got != c.want {
			t.Errorf("RoundRat(%v, %d) = %d; want %d", c.r, c.places, got, c.want)
		}
	}
	if got := FixedFromRat(bigRat(1, 3)); got != 33 {
		t.Errorf("FixedFromRat(1/3) = %d", got)
	}
	if got := Fixed(-634172).Rat(); got.Cmp(bigRat(-634172, 100)) != 0 {
		t.Errorf("Rat() = %v", got)
	}
}
