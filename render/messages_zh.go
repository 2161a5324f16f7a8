package render

import "jixiao"

// The Chinese of the layout's problems, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		"the template %s cannot lay this form out: %s", "表格定义 %s 排不下这份表单：%s",
		"the font %s has no glyph for %s", "字体 %s 里没有 %s 这个字，请换用常用字或改用别的写法",
		"template label %s: %s", "表格定义中的文字 %s：%s",

		// A template's problems.
		"unknown key %q", "%q 不是本表的键，请删除或改正",
		"%s.align: %q; expected left, center or right", "%s.align：%q 无效，应为 left、center 或 right",
		"%s.font: %q is not in [fonts]", "%s.font：[fonts] 里没有 %q",
		"%s.size: %g pt; expected %d to %d", "%s.size：%g 磅，应在 %d 到 %d 之间",
		"%s: %g mm; expected 0 or more", "%s：%g 毫米，不能为负",
		"%s: %g mm; expected more than 0 and at most %d", "%s：%g 毫米，应大于 0 且不超过 %d",
		"fonts.%s: %v", "fonts.%s：%v",
		"indicators.header: missing; the indicator block needs its header row", "indicators.header：缺少指标区的表头行",
		"labels.attachment and labels.title take up to %.1f mm and a row %.1f mm: more than the page's text height of %g mm", "labels.attachment 和 labels.title 最多占 %.1f 毫米，加上一行 %.1f 毫米，超过了页面正文高度 %g 毫米",
		"page.page_number_gap: %g mm puts the page number below the page; the bottom margin is %g mm", "page.page_number_gap：%g 毫米会把页码放到纸外，下边距只有 %g 毫米",
		"page.page_number_style: no style %q", "page.page_number_style：没有样式 %q",
		"page: margins leave %g mm of the page's %g mm height; a table needs at least %d", "page：页边距只留下页面高度 %[2]g 毫米中的 %[1]g 毫米，表格至少需要 %[3]d",
		"page: margins leave %g mm of the page's %g mm width; a table needs at least %d", "page：页边距只留下页面宽度 %[2]g 毫米中的 %[1]g 毫米，表格至少需要 %[3]d",
		"sheet: %q %s", "sheet：%q %s",
		"styles.%s: missing", "styles.%s：缺少这个样式",
		"summary: %q %s", "summary：%q %s",
		"table.border: %g pt; expected 0 to %d", "table.border：%g 磅，应在 0 到 %d 之间",
		"table.columns add up to %g mm, wider than the text width %g mm", "table.columns 合计 %g 毫米，超过了正文宽度 %g 毫米",
		"table.columns: %d columns; %s has %d", "table.columns：有 %d 列，而 %s 有 %d 列",
		"table.columns[%d]: %g mm leaves no room inside its padding (table.padding_x %g mm on each side)", "table.columns[%d]：%g 毫米，减去两边的内边距（table.padding_x 各 %g 毫米）后没有空间了",
		"table.columns[%d]: %g mm less table.padding_x on each side leaves %.1f mm, narrower than one character (%g pt)", "table.columns[%d]：%g 毫米减去两边的 table.padding_x 后只剩 %.1f 毫米，放不下一个字（%g 磅）",
		"table.leading: %g; expected 1 to %d (times the font size)", "table.leading：%g，应为字号的 1 到 %d 倍",
		"table.min_row_height: %g mm; a page's text height of %g mm must hold the repeated indicator header and a row", "table.min_row_height：%g 毫米；页面正文高度 %g 毫米要放得下重复的指标表头和一行",
		"table.min_row_height: %g mm; expected more than 0", "table.min_row_height：%g 毫米，应大于 0",
		"table: the indicator header takes up to %.1f mm and a row %.1f mm: more than the page's text height of %g mm (see padding_y, leading, min_row_height, styles.header.size)", "table：指标表头最多占 %.1f 毫米，加上一行 %.1f 毫米，超过了页面正文高度 %g 毫米（见 padding_y、leading、min_row_height、styles.header.size）",
		"%q is too wide for its column even at %g pt, so it breaks across lines; shorten it, or widen column %c in the template", "%q 太长，即使缩小到 %g 磅也放不进这一栏，只好折行；请写短一些，或在表格定义中加宽第 %c 列",
	)
}
