package render

import "jixiao"

// The Chinese of the layout's problems, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		"the template %s cannot lay this form out: %s", "表格定义 %s 排不下这份表单：%s",
		"the font %s has no glyph for %s", "字体 %s 里没有 %s 这个字，请换用常用字或改用别的写法",
		"template label %s: %s", "表格定义中的文字 %s：%s",
		"%q is too wide for its column even at %g pt, so it breaks across lines; shorten it, or widen column %c in the template", "%q 太长，即使缩小到 %g 磅也放不进这一栏，只好折行；请写短一些，或在表格定义中加宽第 %c 列",
	)
}
