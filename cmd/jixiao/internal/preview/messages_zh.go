package preview

import "jixiao"

// The Chinese of the preview's status lines, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		"%s rebuilt in %d ms%s: %s, %s", "%s 重建用时 %d 毫秒%s：%s，%s",
		" (layout %d ms, images %d ms, %d of %d pages redrawn)", "（排版 %d 毫秒，绘图 %d 毫秒，重画了 %[4]d 页中的 %[3]d 页）",
		"; nothing to show yet", "；还没有可显示的画面",
		"drawing the pages: %s", "绘制页面时出错：%s",
		"version %d, built %s in %d ms: %s, %s", "第 %d 版，%s 生成，用时 %d 毫秒：%s，%s",
		"; nothing to show until the errors are fixed", "；改正错误后才有画面",
		"; showing a draft (marked 草稿) until the errors are fixed", "；改正错误前显示标有“草稿”的画面",
		"; showing a draft, marked 草稿", "；显示的是标有“草稿”的画面",
		"; showing version %d, the last good one", "；显示的是上一次正确的第 %d 版",
		"%d error", "%d 处错误",
		"%d errors", "%d 处错误",
		"%d warning", "%d 处警告",
		"%d warnings", "%d 处警告",
	)
}
