package jixiao

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// This file maps the TOML tree onto the Report, one table at a time. Every
// getter reports a wrong type or a missing required key and carries on, so
// that one run finds every problem.

func (d *decoder) report(o object) *Report {
	r := &Report{Form: d.form, Values: map[string]Figure{}}
	d.header(o, r.Values)
	for _, io := range d.tables(o, "indicators") {
		d.unknownKeys(io)
		ind := Indicator{Name: d.text(io, "name"), Weight: d.figure(io, "weight")}
		for _, go_ := range d.tables(io, "groups") {
			ind.Groups = append(ind.Groups, d.group(go_))
		}
		r.Indicators = append(r.Indicators, ind)
	}
	return r
}

// header reads the header fields the form declares under the table o, and
// the tables under it, into vals.
func (d *decoder) header(o object, vals map[string]Figure) {
	d.unknownKeys(o)
	fields := d.form.childFields(o.key)
	// Texts and figures first, then integers, then tables: problems at one
	// place (missing keys, at the table's start) keep this order.
	slices.SortStableFunc(fields, func(a, b Field) int { return cmp.Compare(readOrder(a.Kind), readOrder(b.Kind)) })
	for _, f := range fields {
		name := lastKey(f.Key)
		switch f.Kind {
		case KindTables: // the indicator tree, read by report
		case KindTable:
			if t, ok := d.table(o, name); ok {
				d.header(t, vals)
			}
		case KindText:
			s := d.text(o, name) // reports it when missing and required
			if v, present := o.m[name]; present && isString(v) {
				vals[f.Key] = Figure{Text: s, Set: true}
			}
		case KindInt:
			if n, ok := d.integer(o, name); ok {
				vals[f.Key] = Figure{Value: FixedFromInt(int64(n)), Text: strconv.Itoa(n), Set: true}
			}
		default:
			if fig := d.figure(o, name); fig.Set {
				vals[f.Key] = fig
			}
		}
	}
}

func readOrder(k Kind) int {
	switch k {
	case KindInt:
		return 1
	case KindTable, KindTables:
		return 2
	}
	return 0
}

func isString(v any) bool { _, ok := v.(string); return ok }

func (d *decoder) group(o object) Group {
	d.unknownKeys(o)
	g := Group{Name: d.text(o, "name"), Weight: d.figure(o, "weight")}
	if n, ok := d.integer(o, "blank_rows"); ok {
		g.BlankRows = n
	}
	// A group may be only slot rows, as paper forms print an empty 指标1：
	// under a 二级指标 the project has none of.
	var items []object
	if _, given := o.m["items"]; given || g.BlankRows == 0 {
		items = d.tables(o, "items")
	}
	for _, it := range items {
		d.unknownKeys(it)
		item := Item{
			Name:      d.text(it, "name"),
			Target:    d.text(it, "target"),
			Actual:    d.text(it, "actual"),
			Weight:    d.figure(it, "weight"),
			Score:     d.figure(it, "score"),
			Deviation: d.text(it, "deviation"),
			Kind:      d.text(it, "kind"),
			Band:      d.text(it, "band"),
		}
		for _, f := range d.form.extraItemFields() {
			if s := d.text(it, lastKey(f.Key)); s != "" {
				if item.Extra == nil {
					item.Extra = map[string]string{}
				}
				item.Extra[lastKey(f.Key)] = s
			}
		}
		g.Items = append(g.Items, item)
	}
	return g
}

// text reads a string, trimmed of the blanks around it (Word and editors
// leave stray spaces, including U+3000, at both ends), and rid of what
// prints as nothing (see removeInvisible), each reported.
func (d *decoder) text(o object, name string) string {
	v, path, f, ok := d.lookup(o, name)
	if !ok {
		return ""
	}
	written, isString := v.(string)
	if !isString {
		d.rep.errorf(path, "wrong-type", "is %s; expected a string (put the text in quotes)", describeValue(v))
		return ""
	}
	s, found := removeInvisible(written)
	d.reportInvisible(path, written, found)
	s = strings.TrimSpace(s)
	if s == "" && f.Required {
		d.rep.errorf(path, "empty", "is empty; the form needs the %s", f.Label)
	}
	return s
}

func (d *decoder) integer(o object, name string) (int, bool) {
	v, path, _, ok := d.lookup(o, name)
	if !ok {
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		d.rep.errorf(path, "wrong-type", "is %s; expected an integer", describeValue(v))
		return 0, false
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		d.rep.errorf(path, "out-of-range", "%d is out of range", n)
		return 0, false
	}
	return int(n), true
}

func (d *decoder) table(o object, name string) (object, bool) {
	v, path, _, ok := d.lookup(o, name)
	if !ok {
		return object{}, false
	}
	m, isTable := v.(map[string]any)
	if !isTable {
		d.rep.errorf(path, "wrong-type", "is %s; expected a table ([%s])", describeValue(v), genericPath(path))
		return object{}, false
	}
	_, key := o.child(name)
	return object{path: path, key: key, m: m}, true
}

func (d *decoder) tables(o object, name string) []object {
	v, path, _, ok := d.lookup(o, name)
	if !ok {
		return nil
	}
	_, key := o.child(name)
	var list []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		list = v
	case []any: // an array of inline tables
		for _, e := range v {
			m, isTable := e.(map[string]any)
			if !isTable {
				d.rep.errorf(path, "wrong-type", "holds %s; expected tables ([[%s]])", describeValue(e), key)
				return nil
			}
			list = append(list, m)
		}
	default:
		d.rep.errorf(path, "wrong-type", "is %s; expected an array of tables ([[%s]])", describeValue(v), key)
		return nil
	}
	out := make([]object, len(list))
	for i, m := range list {
		out[i] = object{path: indexPath(path, i), key: key, m: m}
	}
	return out
}

// figure reads an amount, points or a percentage, exactly as written.
func (d *decoder) figure(o object, name string) Figure {
	v, path, f, ok := d.lookup(o, name)
	if !ok {
		return Figure{}
	}
	fig, err := parseFigure(v, d.rep.src.raw(path), f.Kind, d.form.Unit)
	if err != nil {
		code, msg := TextOf(err, "bad-value")
		d.rep.errorf(path, code, "%s", msg)
		return Figure{}
	}
	if fig.Value < 0 {
		d.rep.errorf(path, "negative", "%s is negative; expected 0 or more", fig.Text)
		return Figure{}
	}
	return fig
}

func parseFigure(v any, raw string, kind Kind, unit string) (Figure, error) {
	what := describeKind(kind, unit)
	switch v := v.(type) {
	case int64, float64:
		if kind == KindPercent {
			return Figure{}, percentAsNumber(v, raw)
		}
	}
	switch v := v.(type) {
	case int64:
		if v > int64(maxFixed/100) || v < -int64(maxFixed/100) {
			return Figure{}, Errorf("bad-number", "%d is too large", v)
		}
		return fixedFigure(raw, FixedFromInt(v)), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Figure{}, Errorf("bad-number", "%s is not a finite number; expected %s", raw, what)
		}
		exact, err := ParseFixed(strings.ReplaceAll(raw, "+", ""))
		if err == nil {
			return fixedFigure(raw, exact), nil
		}
		if err != errNotDecimal { // the file wrote too many decimals
			return Figure{}, figureError(raw, err, what)
		}
		// An exponent such as 1e3: read the float's shortest exact form.
		x, err := ParseFixed(strconv.FormatFloat(v, 'f', -1, 64))
		if err != nil {
			return Figure{}, figureError(raw, err, what)
		}
		return NewFigure(x), nil
	case string:
		if kind != KindPercent {
			// Typed in full-width, a number is easily quoted: spell it.
			if folded := foldFigure(strings.TrimSpace(v)); folded != strings.TrimSpace(v) {
				if _, err := ParseFixed(folded); err == nil {
					return Figure{}, Errorf("quoted-number", "is %s; write the number without quotes: %s", describeValue(v), folded)
				}
			}
			return Figure{}, Errorf("quoted-number", "is %s; expected %s without quotes", describeValue(v), what)
		}
		s := strings.TrimSpace(v)
		num, hasPct := strings.CutSuffix(foldFigure(s), "%")
		x, err := ParseFixed(num)
		if !hasPct || err != nil {
			if err == nil || err == errNotDecimal {
				return Figure{}, Errorf("bad-percent", "%s is not a percentage; expected a number followed by %%, e.g. \"90%%\"", quoteShort(v))
			}
			return Figure{}, figureError(v, err, what)
		}
		return Figure{Value: x, Text: s, Set: true}, nil
	default:
		return Figure{}, Errorf("wrong-type", "is %s; expected %s", describeValue(v), what)
	}
}

// percentAsNumber refuses a percentage written as a bare number: 0.96
// could mean 96% or 0.96%, and 1 could mean 100% or 1%. The message
// spells the string to write, reading a number up to 1 as a ratio.
func percentAsNumber(v any, raw string) error {
	x := new(big.Rat)
	switch v := v.(type) {
	case int64:
		x.SetInt64(v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Errorf("bad-number", `%s is not a finite number; expected a percentage such as "90%%"`, raw)
		}
		// Read the float as its shortest decimal, so that 0.96 is 96, not 95.999….
		x.SetString(strconv.FormatFloat(v, 'f', -1, 64))
	}
	if x.Sign() >= 0 && x.Cmp(big.NewRat(1, 1)) <= 0 {
		x.Mul(x, big.NewRat(100, 1))
	}
	return Errorf("bad-percent", "is %s; write the percentage in quotes: \"%s%%\"", describeValue(v), ratString(x))
}

// ratString prints a rational with at most 4 decimals, without trailing zeros.
func ratString(x *big.Rat) string {
	s := x.FloatString(4)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// fixedFigure keeps the file's own spelling of a number ("90.40", "735")
// within the form's rule: no TOML underscores or plus sign, at most two
// decimals (238.450 is 238.45: the zeros past the second say nothing) and
// no sign on zero (-0.0 is 0.0).
func fixedFigure(raw string, v Fixed) Figure {
	text := strings.TrimPrefix(strings.ReplaceAll(raw, "_", ""), "+")
	if x, err := ParseFixed(text); err != nil || x != v {
		return NewFigure(v) // hex, octal or exponent forms print plainly
	}
	if v == 0 {
		text = strings.TrimPrefix(text, "-")
	}
	if whole, frac, ok := strings.Cut(text, "."); ok && len(frac) > 2 {
		text = whole + "." + frac[:2]
	}
	return Figure{Value: v, Text: text, Set: true}
}

func figureError(raw string, err error, what Text) error {
	switch err {
	case errTooPrecise:
		return Errorf("too-precise", "%s has more than 2 decimals; expected %s", raw, what)
	case errOutOfRange:
		return Errorf("bad-number", "%s is too large", raw)
	}
	return Errorf("bad-number", "%s is not a number; expected %s", raw, what)
}
