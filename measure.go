package jixiao

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Measure is a numeric 年度指标值 or 实际完成值: "≥90%", "≤100%", "<100%",
// "100%", "30个", "5.5万元".
type Measure struct {
	Op    string   // ">=", "<=", ">", "<" or "=" (no operator written)
	Value *big.Rat // exact
	Unit  string   // "%", "个", "万元", or ""
}

// Direction tells how a quantitative indicator is scored.
type Direction int

// The three directions of the official rules.
const (
	Positive Direction = iota // ≥, >: more is better
	Negative                  // ≤, <: less is better
	Equal                     // no operator: hit the value
)

func (m Measure) Direction() Direction {
	switch m.Op {
	case ">=", ">":
		return Positive
	case "<=", "<":
		return Negative
	}
	return Equal
}

// Symbol returns the operator as the form prints it.
func (m Measure) Symbol() string {
	return map[string]string{">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": ""}[m.Op]
}

// opSpellings are the operators as foldFigure leaves them: ≧ ＞＝ and
// the other full-width spellings are folded to these first.
var opSpellings = []struct{ spelling, op string }{
	{">=", ">="}, {"≥", ">="}, {"不低于", ">="}, {"不少于", ">="},
	{"<=", "<="}, {"≤", "<="}, {"不高于", "<="}, {"不超过", "<="},
	{">", ">"}, {"<", "<"}, {"=", "="},
}

// maxUnitLen keeps "2020年底前完成" from passing for the number 2020 with a
// unit: units are short.
const maxUnitLen = 4

// maxDigits bounds the number of a measure: no target needs more digits,
// and exact arithmetic on a number of a million digits takes seconds.
const maxDigits = 30

// ParseMeasure reads a numeric value; ok is false for a text such as
// "≥全省平均水平" or "按期完成", which makes the indicator qualitative.
// Full-width figures read as their ASCII twins: "≧９０％" is "≥90%".
func ParseMeasure(s string) (m Measure, ok bool) {
	s = strings.TrimSpace(foldFigure(s))
	m.Op = "="
	for _, o := range opSpellings {
		if rest, found := strings.CutPrefix(s, o.spelling); found {
			m.Op, s = o.op, strings.TrimSpace(rest)
			break
		}
	}
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	num := strings.ReplaceAll(s[:end], ",", "")
	if num == "" || len(num) > maxDigits || strings.Count(num, ".") > 1 || strings.HasPrefix(num, ".") || strings.HasSuffix(num, ".") {
		return Measure{}, false
	}
	v, valid := new(big.Rat).SetString(num)
	if !valid {
		return Measure{}, false
	}
	unit := strings.TrimSpace(s[end:])
	if utf8.RuneCountInString(unit) > maxUnitLen || strings.IndexFunc(unit, unicode.IsDigit) >= 0 {
		return Measure{}, false
	}
	m.Value, m.Unit = v, unit
	return m, true
}
