package linebreak

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// em is the test advance: ASCII is half an em, everything else (CJK
// ideographs, full-width punctuation, “”, ≥) a full em.
func em(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "保证机关正常运转", 8, []string{"保证机关正常运转"}},
		{"comma carries previous char", "保证机关正常运转，推进各项专项工作", 8,
			[]string{"保证机关正常运", "转，推进各项专项", "工作"}},
		{"period at exact fit", "推进各项工作。完成", 6, []string{"推进各项工", "作。完成"}},
		{"brackets w3", "（见《通知》）", 3, []string{"（见", "《通", "知》）"}},
		{"brackets w4", "（见《通知》）", 4, []string{"（见《通", "知》）"}},
		{"brackets w2 relaxes only unavoidably", "（见《通知》）", 2, []string{"（见", "《通", "知》", "）"}},
		{"quotes", "他说：“你好”然后走了", 4, []string{"他说：", "“你好”", "然后走了"}},
		{"close quote carries", "这是“重点工作”", 6, []string{"这是“重点工", "作”"}},
		{"open quote after comma", "他说，“好的”。", 3, []string{"他说，", "“好", "的”。"}},
		{"colon after space", "甲乙 ：丙丁", 2.5, []string{"甲", "乙 ：", "丙丁"}},
		{"number moves whole", "一般公共预算：6341.72", 8, []string{"一般公共预算：", "6341.72"}},
		{"number split not at dot", "6341.72", 2, []string{"634", "1.72"}},
		{"percent whole", "完成率96.8%", 5, []string{"完成率", "96.8%"}},
		{"ge whole", "增长率≥90%", 4, []string{"增长率", "≥90%"}},
		{"middle dot", "阿卜杜勒·克里木", 4, []string{"阿卜杜", "勒·克里", "木"}},
		{"latin words", "hello world foo", 3, []string{"hello", "world", "foo"}},
		{"long word", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3,
			[]string{"ABCDEF", "GHIJKL", "MNOPQR", "STUVWX", "YZ"}},
		{"label stacks", "绩效指标", 1.2, []string{"绩", "效", "指", "标"}},
		{"label with score", "（10分）", 1.2, []string{"（", "10", "分", "）"}},
		// Numbers with their units, and bracketed weights, stay whole
		// when they fit a line; UAX #14 alone breaks before 万 and 分.
		{"amount with unit", "合计1234567.89万元", 8, []string{"合计", "1234567.89万元"}},
		{"count with unit", "服务120人次以上", 4, []string{"服务", "120人次", "以上"}},
		{"unit per unit", "补贴3元/亩", 4, []string{"补贴", "3元/亩"}},
		{"weight suffix whole", "产出指标（50分）", 6, []string{"产出指标", "（50分）"}},
		{"weight suffix after comma", "满意度指标（10分）", 7, []string{"满意度指标", "（10分）"}},
		{"negative percent", "同比−12.5%", 5, []string{"同比", "−12.5%"}},
		{"run wider than the line breaks", "100%", 1.5, []string{"10", "0%"}},
		{"newline", "第一行\n第二行", 10, []string{"第一行", "第二行"}},
		{"crlf", "第一行\r\n第二行", 10, []string{"第一行", "第二行"}},
		{"blank line kept", "甲\n\n乙", 10, []string{"甲", "", "乙"}},
		{"trailing newline", "甲\n", 10, []string{"甲"}},
		{"trailing blank line", "甲\n\n", 10, []string{"甲", ""}},
		{"only newline", "\n", 10, []string{""}},
		{"hard break inside wrap", "一二三四五\n六", 3, []string{"一二三", "四五", "六"}},
		{"newline before negative number", "增长\n-3.5%", 10, []string{"增长", "-3.5%"}},
		{"space before negative number", "增长率为 -3.5%", 4.5, []string{"增长率为", "-3.5%"}},
		{"spaces at soft break dropped", "ab   cd", 1, []string{"ab", "cd"}},
		{"trailing spaces trimmed", "甲  \n乙", 10, []string{"甲", "乙"}},
		{"indent kept", "  abc", 10, []string{"  abc"}},
		{"indent alone dropped", "    abcd", 1, []string{"ab", "cd"}},
		{"ideographic space kept", "　　本单位", 10, []string{"　　本单位"}},
		{"ideographic space after newline", "甲\n　　乙", 10, []string{"甲", "　　乙"}},
		{"empty", "", 10, nil},
		{"only spaces", "   ", 10, nil},
		{"zero width", "ab中", 0, []string{"a", "b", "中"}},
		{"negative width", "ab中", -5, []string{"a", "b", "中"}},
		{"NaN width", "ab中", math.NaN(), []string{"a", "b", "中"}},
		{"wide grapheme alone", "甲乙", 0.6, []string{"甲", "乙"}},
		{"infinite width", "甲乙\n丙", math.Inf(1), []string{"甲乙", "丙"}},
		{"split between clusters", "e\u0301e\u0301e\u0301", 3.5, []string{"e\u0301e\u0301", "e\u0301"}},
		{"cluster never split", "e\u0301e\u0301", 1, []string{"e\u0301", "e\u0301"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.text, tt.width, em)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lines(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// samples exercise kinsoku, numbers, quotes and breaks over many widths.
var samples = []string{
	"保证机关正常运转，推进各项专项工作。",
	"（见《通知》）要求：“按时完成”，不得延误！",
	"他说：“你好”‘再见’然后走了……",
	"一般公共预算：6341.72万元，执行率96.8%，满意度≥90%。",
	"阿卜杜勒·克里木（10分）【重要】〔2024〕3号",
	"Use ABCDEFGHIJKLMNOPQRSTUVWXYZ or https://example.com/a/b?c=d, ok.",
	"　　本单位2024年度\r\n\n  共有 3 项 (a, b; c) [x] 任务\n",
}

func TestSweep(t *testing.T) {
	for _, s := range samples {
		for w := -0.5; w <= 14; w += 0.25 {
			check(t, s, w)
		}
	}
}

// contexts surround the fast pairs with every UAX #14 class that could
// interact with them, including numeric (LB25), quote, space, joiner and
// combining-mark sequences.
var contexts = []string{"", "a", "1", "中", "，", "（", "：", "！", "(", ")", "[", "]",
	"%", "$", "¥", ".", ",", "-", "/", " ", "\u00a0", "\u3000", "“", "”", "\"", "'",
	"\u200d", "\u0301", "\u200b", "\u2060", "—", "…", "·", "≥", "\n", "\r\n", "\t",
	"😀", "🇨🇳", "א", "한", "ア", "ー", "々", "\x80", ".5", "%)", ")%", " %", "-1",
	"  ，", "1.", "1,0", "a-", "（1）%", "\u0301\u0301"}

// TestFastPairs checks that the fast path agrees with plain uniseg around
// every pair of kinds, and for every rune that kind puts in a kind.
func TestFastPairs(t *testing.T) {
	same := func(s string) {
		fast = false
		want, _ := segment(s, em, nil)
		fast = true
		got, _ := segment(s, em, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast %v, uniseg %v", s, got, want)
		}
	}
	reps := []rune("中，（：！0a.,%")
	for _, a := range reps {
		for _, b := range reps {
			for _, p := range contexts {
				for _, q := range contexts {
					same(p + string(a) + string(b) + q)
				}
			}
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		cs := contexts
		if kind(r) == kID {
			cs = []string{"", "1", "%", "，"} // 27,000 of them: spot checks
		}
		for _, c := range cs {
			if kind(r) != kOther {
				same(c + string(r) + string(r) + c)
			}
		}
	}
}

func FuzzLines(f *testing.F) {
	for _, s := range samples {
		f.Add(s, 3.0)
		f.Add(s, 1.2)
	}
	f.Add("绩效指标", 1.2)
	f.Add("a\u200d\n\u0301 “ ”", 0.0)
	f.Add("增长\n-3.5% 或 -1,234.56元", 2.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		check(t, text, width)
		check(t, text, math.Mod(math.Abs(width), 12)) // a width that wraps
	})
}

// check verifies the properties of Lines(text, width, em): the fast path
// agrees with plain uniseg; paragraphs break independently; every line fits
// unless it is one grapheme; lines are the text in order, with only spaces
// and hard breaks left out; and kinsoku holds wherever it could.
func check(t *testing.T, text string, width float64) {
	t.Helper()
	got := Lines(text, width, em)
	fast = false
	ref := Lines(text, width, em)
	fast = true
	if !reflect.DeepEqual(got, ref) {
		t.Fatalf("Lines(%q, %v): fast path %q, uniseg %q", text, width, got, ref)
	}
	if strings.Trim(text, " ") == "" {
		if got != nil {
			t.Fatalf("Lines(%q) = %q, want nil", text, got)
		}
		return
	}
	var want []string
	for _, p := range paragraphs(text) {
		lp := Lines(p, width, em)
		if lp == nil {
			lp = []string{""}
		}
		checkPara(t, p, lp, width)
		want = append(want, lp...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Lines(%q, %v) = %q, per paragraph %q", text, width, got, want)
	}
}

func checkPara(t *testing.T, p string, lines []string, width float64) {
	t.Helper()
	off := 0
	for k, l := range lines {
		all := graphemes(l, true)
		w := 0.0
		for _, r := range l {
			w += em(r)
		}
		switch {
		case strings.IndexFunc(l, isBK) >= 0:
			t.Fatalf("%q: line %q has a hard break", p, l)
		case len(all) > 0 && (all[len(all)-1] == " " || k > 0 && all[0] == " "):
			t.Fatalf("%q: line %q has a space at a soft break", p, l)
		case !(w <= width+1e-6) && uniseg.GraphemeClusterCount(l) > 1:
			t.Fatalf("%q at %v: line %q is %v wide", p, width, l, w)
		}
		i := strings.Index(p[off:], l)
		if i < 0 || strings.Trim(p[off:off+i], " ") != "" {
			t.Fatalf("%q at %v: line %q is not next in the text (%q)", p, width, l, lines)
		}
		off += i + len(l)
		if k == 0 {
			continue
		}
		prev := graphemes(lines[k-1], false)
		if first := graphemes(l, false); len(prev) > 0 && len(first) > 0 && !clean(prev[len(prev)-1], first[0]) {
			for j := 1; j < len(prev); j++ {
				if clean(prev[j-1], prev[j]) {
					t.Fatalf("%q at %v: kinsoku broken between %q and %q, could break inside the first",
						p, width, lines[k-1], l)
				}
			}
		}
	}
	if strings.Trim(p[off:], " ") != "" {
		t.Fatalf("%q at %v: lost %q (%q)", p, width, p[off:], lines)
	}
}

// clean reports whether a break between graphemes a and b keeps kinsoku.
func clean(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return class(ra)&fNoEnd == 0 && class(rb)&fNoStart == 0
}

// graphemes returns the grapheme clusters of s, with or without spaces.
func graphemes(s string, spaces bool) []string {
	var gs []string
	for st := -1; s != ""; {
		var g string
		g, s, _, st = uniseg.FirstGraphemeClusterInString(s, st)
		if spaces || g != " " {
			gs = append(gs, g)
		}
	}
	return gs
}

func isBK(r rune) bool {
	return strings.ContainsRune("\n\r\v\f\u0085\u2028\u2029", r)
}

// paragraphs splits text at UAX #14 mandatory breaks; a trailing one does not
// start a paragraph.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var ps []string
	for {
		i := strings.IndexFunc(text, isBK)
		if i < 0 {
			break
		}
		ps = append(ps, text[:i])
		_, n := utf8.DecodeRuneInString(text[i:])
		text = text[i+n:]
	}
	if text != "" || len(ps) == 0 {
		ps = append(ps, text)
	}
	return ps
}

// para is a ~300-character paragraph of a typical form cell.
var para = strings.Repeat("2024年度部门整体支出绩效目标完成情况：一般公共预算支出6341.72万元，"+
	"预算执行率96.8%，较上年增长12.5%。保证机关正常运转，推进各项专项工作"+
	"（见《关于做好预算绩效管理工作的通知》），群众满意度≥90%。", 3)

// figures is a number-heavy cell of a budget table.
var figures = strings.Repeat("预算数：1,234,567.89元；执行数：1,001,234.56元；执行率：81.13%。", 6)

func BenchmarkLines(b *testing.B) {
	for _, bb := range []struct{ name, text string }{{"mixed", para}, {"figures", figures}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				Lines(bb.text, 20, em)
			}
			b.ReportMetric(float64(utf8.RuneCountInString(bb.text)), "runes")
		})
	}
}

func TestWidest(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"100%", 2},
		{"12.25", 2.5},
		{"1234567.89万元", 7},
		{"≥90%", 2.5},
		{"产出指标（50分）", 4},
		{"合格", 0},
		{"第1、2项", 1.5},
		{"服务120人次，补贴3元/亩", 3.5},
	} {
		if _, got := Widest(c.text, em); got != c.want {
			t.Errorf("Widest(%q) = %g, want %g", c.text, got, c.want)
		}
	}
}

func TestKeeps(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"执行率100%", []string{"100%"}},
		{"全年执行数６４５７．４８万元", []string{"６４５７．４８万元"}},
		{"同比增长-3.5%，减少1,234人次", []string{"-3.5%", "1,234人次"}},
		{"补贴≤35元/亩", []string{"≤35元/亩"}},
		{"产出指标（50分）", []string{"（50分）"}},
		{"说明(3)", []string{"(3)"}},
		{"（见附件）", nil},                                   // no figure: may break
		{"（依据2020年第12号文件规定执行）", []string{"2020年", "12"}}, // too long to keep whole; its figures stay
		{"2020年度", []string{"2020年"}},
		{"1、保证", []string{"1"}},
	} {
		var got []string
		for _, r := range keeps(c.text) {
			got = append(got, c.text[r[0]:r[1]])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("keeps(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
