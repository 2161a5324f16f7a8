package formread

import (
	"fmt"
	"math/big"
	"strings"

	"jixiao"
)

// A cell holds a figure either as the number a spreadsheet stores (raw:
// 1758.1, 0.9009867, 6341.7200000000003 when a program wrote a float) or as
// the text someone typed (１７５８．１０, 1,758.10, 90%). Both read to the
// text a data file writes.

// number reads a number, typed or stored; false when the text is none.
func number(s string) (*big.Rat, bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == ',' || r == '，' || r == ' ':
			// thousands separators
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if t == "" || strings.ContainsAny(t, "/_") {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(t)
	return r, ok
}

// snap takes away what storing a figure as a float added: a value within a
// millionth of a hundredth is that hundredth. A figure with more decimals
// is kept as it is, and checking says so.
func snap(r *big.Rat) *big.Rat {
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	n := roundRat(x)
	diff := new(big.Rat).Sub(x, new(big.Rat).SetInt(n))
	if diff.Abs(diff).Cmp(big.NewRat(1, 1_000_000)) < 0 {
		return new(big.Rat).SetFrac(n, big.NewInt(100))
	}
	return r
}

func roundRat(x *big.Rat) *big.Int {
	half := new(big.Rat).Add(new(big.Rat).Abs(x), big.NewRat(1, 2))
	n := new(big.Int).Quo(half.Num(), half.Denom())
	if x.Sign() < 0 {
		n.Neg(n)
	}
	return n
}

// decimalText writes r with at least places decimals, more when r needs
// them (up to 10), never in exponent form.
func decimalText(r *big.Rat, places int) string {
	for p := max(places, 0); p <= 10; p++ {
		s := r.FloatString(p)
		if back, _ := new(big.Rat).SetString(s); back.Cmp(r) == 0 {
			return s
		}
	}
	return r.FloatString(10)
}

// figureText reads a cell's figure of the given kind into the text a data
// file writes: amounts with amountPlaces decimals when the cell stores a
// number (as its format shows it), points as short as they are, and
// percentages as "90%" whether the cell holds 0.9 or the text 90%.
func figureText(kind jixiao.Kind, text string, amountPlaces int) (string, error) {
	text = strings.TrimSpace(text)
	switch kind {
	case jixiao.KindAmount:
		r, ok := number(text)
		if !ok {
			return "", jixiao.Errorf("unreadable-value", msgNotNumber, quote(text))
		}
		return decimalText(snap(r), amountPlaces), nil
	case jixiao.KindPoints:
		r, ok := number(strings.TrimSuffix(text, "分"))
		if !ok {
			return "", jixiao.Errorf("unreadable-value", msgNotPoints, quote(text))
		}
		return decimalText(snap(r), 0), nil
	case jixiao.KindInt:
		r, ok := number(strings.TrimSuffix(text, "年"))
		if !ok || !r.IsInt() {
			return "", jixiao.Errorf("unreadable-value", msgNotWhole, quote(text))
		}
		return r.Num().String(), nil
	case jixiao.KindPercent:
		if p, ok := strings.CutSuffix(strings.TrimSuffix(text, "％"), "%"); ok || strings.HasSuffix(text, "％") {
			r, ok := number(p)
			if !ok {
				return "", jixiao.Errorf("unreadable-value", msgNotPercent, quote(text))
			}
			return decimalText(snap(r), 0) + "%", nil
		}
		// A bare number is a fraction, as a sheet stores 90% (0.9); one
		// above 2 (200%) is more likely 90 meant as 90%, so it is asked for.
		r, ok := number(text)
		if !ok || r.Cmp(big.NewRat(2, 1)) > 0 {
			return "", jixiao.Errorf("unreadable-value", msgNotPercent, quote(text))
		}
		return decimalText(snap(r.Mul(r, big.NewRat(100, 1))), 0) + "%", nil
	}
	return text, nil
}

// quote shows a cell's text in a message, cut when long.
func quote(s string) string {
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
