package linebreak

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Runs that a form must never break, though UAX #14 allows it: a number
// with its sign or comparator, its decimals, its % and a short unit
// ("−12.5%", "≥90%", "1234567.89万元", "3元/亩", "120人次"), and a short
// bracketed weight such as "（10分）". A break between 9 and 万 or inside
// "（10分）" is legal Unicode but misreads on paper. Lines keeps each run
// whole when it fits the width, and breaks it only when it alone is wider
// than a line; Widest tells a caller how wide the line must be.

// units are the units kept with the number before them, longest first,
// so that 人次 wins over 人.
var units = longestFirst(
	"个百分点", "百分点", "平方公里", "平方米", "立方米", "工作日", "个月",
	"万人次", "人次", "人天", "户次", "家次", "批次", "场次", "件次", "架次", "台套",
	"万元", "亿元", "千元", "万人", "万户", "万亩", "万吨", "公里", "千米", "千克", "公斤", "公顷", "小时", "分钟",
	"元", "万", "亿", "人", "次", "个", "项", "家", "户", "件", "台", "套", "吨", "米", "亩", "天", "年", "月", "日",
	"分", "所", "座", "处", "篇", "场", "期", "批", "份", "辆", "株", "头", "只", "册", "本", "张", "条", "间", "栋",
	"名", "位", "类", "起", "宗", "笔", "部", "种", "棵", "片", "周", "倍", "度",
	"㎡", "㎞", "㎏", "㎎", "㎥", "㏄", "℃",
)

func longestFirst(list ...string) []string {
	slices.SortStableFunc(list, func(a, b string) int {
		return cmp.Compare(utf8.RuneCountInString(b), utf8.RuneCountInString(a))
	})
	return list
}

// maxBracketed is the most runes between the brackets of a kept run.
const maxBracketed = 8

// keeps returns the byte ranges [from, to) of text that must stay whole.
func keeps(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) && r != '（' && r != '(' && !strings.ContainsRune(signs, r) {
			i += n // the common case: no run starts here
			continue
		}
		if end := bracketed(text, i); end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		if end := number(text, i); end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		i += n
	}
	return out
}

// bracketed returns the end of a short bracketed run with a digit in it
// starting at i, such as "（10分）", or i.
func bracketed(text string, i int) int {
	open, n := utf8.DecodeRuneInString(text[i:])
	var close rune
	switch open {
	case '（':
		close = '）'
	case '(':
		close = ')'
	default:
		return i
	}
	digit := false
	j := i + n
	for count := 0; j < len(text) && count <= maxBracketed; count++ {
		r, m := utf8.DecodeRuneInString(text[j:])
		switch {
		case r == close:
			if digit {
				return j + m
			}
			return i
		case r == '（' || r == '(' || r == '\n':
			return i
		}
		digit = digit || isDigit(r)
		j += m
	}
	return i
}

// signs may stand before a number, as part of it.
const signs = "+-−±＋－≥≤><=≧≦＞＜＝≈~～"

// number returns the end of a number run starting at i (its sign or
// comparator, digits, decimals, percent sign and unit), or i.
func number(text string, i int) int {
	j := i
	if r, n := utf8.DecodeRuneInString(text[j:]); strings.ContainsRune(signs, r) {
		j += n
	}
	start := j
	for {
		k := digits(text, j)
		if k == j {
			break
		}
		j = k
		r, n := utf8.DecodeRuneInString(text[j:])
		if r != '.' && r != ',' && r != '．' || digits(text, j+n) == j+n {
			break
		}
		j += n // a decimal point or thousands separator between digits
	}
	if j == start {
		return i
	}
	if r, n := utf8.DecodeRuneInString(text[j:]); r == '%' || r == '％' || r == '‰' {
		return j + n
	}
	if k := unit(text, j); k > j {
		j = k
		if r, n := utf8.DecodeRuneInString(text[j:]); r == '/' || r == '／' {
			if k := unit(text, j+n); k > j+n {
				j = k
			}
		}
	}
	return j
}

func digits(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) {
			break
		}
		i += n
	}
	return i
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// unit returns the end of a unit starting at i, or i.
func unit(text string, i int) int {
	for _, u := range units {
		if strings.HasPrefix(text[i:], u) {
			return i + len(u)
		}
	}
	return i
}

// glue takes the break opportunities out of the kept runs of text.
func glue(text string, cs []cluster) {
	if !strings.ContainsAny(text, allDigits) {
		return // every kept run has a digit
	}
	runs := keeps(text)
	k := 0
	for i := range cs {
		end := cs[i].end
		for k < len(runs) && runs[k][1] <= end {
			k++
		}
		if k == len(runs) {
			return
		}
		if end > runs[k][0] {
			cs[i].f &^= fBreak
		}
	}
}

const allDigits = "0123456789０１２３４５６７８９"

// Widest returns the widest run of text that must stay whole (see keeps)
// and its width; "" and 0 when there is none. A line narrower than that
// breaks a number or a weight.
func Widest(text string, adv Advance) (run string, width float64) {
	if !strings.ContainsAny(text, allDigits) {
		return "", 0
	}
	for _, r := range keeps(text) {
		w := 0.0
		for _, c := range text[r[0]:r[1]] {
			w += adv(c)
		}
		if w > width {
			run, width = text[r[0]:r[1]], w
		}
	}
	return run, width
}
