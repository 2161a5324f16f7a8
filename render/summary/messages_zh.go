package summary

import "jixiao"

// The Chinese of the summary's problems, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		"same department and year as %s (%s, %d): the summary ranks both", "与 %s 的单位和年度相同（%s，%d年度）：汇总表中两份都参与排名，请确认是否重复上报",
	)
}
