package form

import "jixiao"

// The Chinese of a spec's problems, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		"%d cells; expected 2, the 一级 and the 二级", "有 %d 格，应为 2 格：一级和二级指标",
		"%q is not a field of the form", "%q 不是本表的栏目",
		"%q; expected %s or %s", "%q 无效，应为 %s 或 %s",
		"a cell above is merged down into the indicator block", "上方有一格向下合并进了指标区",
		"a second indicator block", "出现了第二个指标区，只能有一个",
		"does not fit: the row has %d columns", "放不下：这一行只有 %d 列",
		"its cells cover %d of the %d columns", "各格只占了 %d 列，表格共 %d 列",
		"no row with indicators = true: where does the indicator block go?", "没有 indicators = true 的行：指标区放在哪里？",
		"span and rows must be positive", "span 和 rows 必须是正数",
		"the label and the header cover %d of the %d columns", "标签和表头占了 %d 列，表格共 %d 列",
		"the label, levels and items cover %d of the %d columns", "标签、各级指标和三级指标的格子占了 %d 列，表格共 %d 列",
		"the last rows' cells are merged down below the table", "最后几行的格子向下合并到了表格之外",
		"{%s} is not a field of the form", "{%s} 不是本表的栏目",
	)
}
