package formread

import "jixiao"

// The Chinese of the import's problems, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		msgUnknownForm, "这不是 jixiao 认得的表格：试过 %s；表格是按各行的标签认出来的，请检查标签是否被改动或删去",
		msgTried, "%s（%s：找到 %d 个标签，共 %d 个）",
		msgNoFit, "%s 与表格的格式 %q 对不上，请按这个格式填写",
		msgNotNumber, "%s 不是数字，请只填写数字（单位不用写）",
		msgNotPoints, "%s 不是分数，请只填写数字",
		msgNotWhole, "%s 不是整数，请填写整数",
		msgNotPercent, "%s 不是百分比，请写成 90%% 或 0.9 这样的形式",
		msgNoLevels, "这个指标不在任何%s和%s之下，它左边应有对应的单元格",
		msgNoLevel, "这个%s不在任何%s之下",
		msgRowNotFound, "在这里及以下找不到标签为 %s 的行，读不到它的值",
		msgNoTables, "文件里没有表格",
	)
}
