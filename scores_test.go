package jixiao

import "testing"

// itemCase edits the one 三级指标 of minimal.toml (分值 90): its 年度指标值,
// 实际完成值 and 得分, with more lines appended after its 得分 (line 35).
// The declared 总分 is blanked, so that only the item is under test.
func itemCase(target, actual, score, extra string) []string {
	return []string{
		"total_score = 100\n", "\n",
		`target = "≥90%"`, `target = "` + target + `"`,
		`actual = "95%"`, `actual = "` + actual + `"`,
		"weight = 90\nscore = 90", "weight = 90\nscore = " + score + extra,
	}
}

const why = "\ndeviation = \"原因和措施\"" // line 36

func TestScores(t *testing.T) {
	runCases(t, []ruleCase{
		{
			name:  "得分 more than 分值",
			edits: itemCase("按期完成", "完成", "95", ""),
			want:  []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): 95 is more than its 分值 90"},
		},
		{
			name:  "得分 below 分值 without deviation",
			edits: itemCase("按期完成", "完成", "80", ""),
			want:  []string{"f.toml:30:1: error: indicators[0].groups[0].items[0].deviation (偏差原因分析及改进措施): is required: 得分 80 is below 分值 90, so the form needs the reason and the remedy"},
		},
		{
			name:  "得分 below 分值 with deviation",
			edits: itemCase("按期完成", "完成", "80", why),
		},
		{
			name:  "得分 0 with deviation",
			edits: itemCase("按期完成", "未完成", "0", why),
		},
		{
			name:  "blank deviation",
			edits: itemCase("按期完成", "完成", "89.99", "\ndeviation = \"\"\"\n  \n\"\"\""),
			want:  []string{"f.toml:36:13: error: indicators[0].groups[0].items[0].deviation (偏差原因分析及改进措施): is required: 得分 89.99 is below 分值 90, so the form needs the reason and the remedy"},
		},
		{
			name:  "deviation that is no text is reported once",
			edits: itemCase("按期完成", "完成", "80", "\ndeviation = 1"),
			want:  []string{"f.toml:36:13: error: indicators[0].groups[0].items[0].deviation (偏差原因分析及改进措施): is an integer (1); expected a string (put the text in quotes)"},
		},
		{
			name: "the seed's deduction",
			base: yiyangFile,
			edits: []string{
				"    deviation = \"专项资金下达较晚，未全部及时拨付使用。下一步将加强资金及时到位率。\"\n", "\n",
			},
			want: []string{"f.toml:119:5: error: indicators[0].groups[2].items[1].deviation (偏差原因分析及改进措施): is required: 得分 2 is below 分值 3, so the form needs the reason and the remedy"},
		},
	})
}

// TestQuantitative: numeric targets are scored by the positive, negative
// and equal rules; a declared 得分 that differs is a warning showing both.
func TestQuantitative(t *testing.T) {
	warn := func(declared, rule, computed, actual, target string) []string {
		return []string{"f.toml:35:9: warning: indicators[0].groups[0].items[0].score (得分): " + declared + ", but the " + rule + " rule gives " + computed + " (实际完成值 " + actual + " against 年度指标值 " + target + ")"}
	}
	runCases(t, []ruleCase{
		{name: "positive reached", edits: itemCase("≥90%", "95%", "90", "")},
		{name: "positive exactly reached", edits: itemCase("≥90%", "90%", "90", "")},
		{name: "positive missed, declared right", edits: itemCase("≥90%", "45%", "45", why)},
		{name: "positive missed, declared full", edits: itemCase("≥90%", "45%", "90", ""), want: warn("90", "正向指标", "45", "45%", "≥90%")},
		{name: "positive with >", edits: itemCase(">90%", "60%", "90", ""), want: warn("90", "正向指标", "60", "60%", ">90%")},
		{name: "positive rounded to 0.01", edits: itemCase("≥70%", "50%", "64.29", why)},
		{name: "positive rounded, declared 64", edits: itemCase("≥70%", "50%", "64", why), want: warn("64", "正向指标", "64.29", "50%", "≥70%")},
		{name: "positive in 个", edits: itemCase("≥30个", "27个", "81", why)},
		{name: "positive in 万元 with commas", edits: itemCase("不少于1,000万元", "500万元", "45", why)},
		{name: "negative kept", edits: itemCase("≤100%", "96.8%", "90", "")},
		{name: "negative overrun", edits: itemCase("≤100%", "150%", "90", ""), want: warn("90", "反向指标", "45", "150%", "≤100%")},
		{name: "negative just below twice", edits: itemCase("≤50%", "99%", "1.8", why)},
		{name: "negative at twice", edits: itemCase("<50%", "100%", "90", ""), want: warn("90", "反向指标", "0", "100%", "<50%")},
		{name: "equal to 0 hit", edits: itemCase("0起", "0起", "90", "")},
		{name: "equal to 0 missed", edits: itemCase("0起", "1起", "90", ""), want: warn("90", "等于指标", "0", "1起", "0起")},
		{name: "equal below", edits: itemCase("100%", "96.8%", "90", ""), want: warn("90", "等于指标", "87.12", "96.8%", "100%")},
		{name: "equal above", edits: itemCase("100%", "120%", "90", "")},
		{name: "full-width percent", edits: itemCase("≥90％", "45％", "90", ""), want: warn("90", "正向指标", "45", "45％", "≥90％")},
		// Full-width figures are scored as their ASCII twins, and printed as written.
		{name: "full-width digits", edits: itemCase("≥90%", "８５％", "90", ""), want: warn("90", "正向指标", "85", "８５％", "≥90%")},
		{name: "half-width digits", edits: itemCase("≥90%", "85%", "90", ""), want: warn("90", "正向指标", "85", "85%", "≥90%")},
		{name: "full-width comparator and decimal point", edits: itemCase("≧９０％", "４５．９％", "90", ""), want: warn("90", "正向指标", "45.9", "４５．９％", "≧９０％")},
		{name: "full-width negative", edits: itemCase("≦１００％", "１５０％", "90", ""), want: warn("90", "反向指标", "45", "１５０％", "≦１００％")},
		{name: "box-drawing equals", edits: itemCase("═１００％", "９６．８％", "90", ""), want: warn("90", "等于指标", "87.12", "９６．８％", "═１００％")},
		{name: "full-width units compare", edits: itemCase("≥３０ｋｍ", "２７km", "90", ""), want: warn("90", "正向指标", "81", "２７km", "≥３０ｋｍ")},
		{name: "different units are not compared", edits: itemCase("≥90%", "45分", "10", why)},
		{name: "an operator in 实际完成值 is not compared", edits: itemCase("≥90%", "≥45%", "10", why)},
		{name: "text is not compared", edits: itemCase("≥全省平均水平", "低于全省平均水平", "10", why)},
		{name: "a date is not compared", edits: itemCase("2020年底前完成", "2021年完成", "10", why)},
		{name: "kind 定性 is not compared", edits: itemCase("≥90%", "45%", "90", "\nkind = \"定性\"")},
		{name: "kind 定量 compares an operator in 实际完成值", edits: itemCase("≥90%", "≥45%", "90", "\nkind = \"定量\""), want: warn("90", "正向指标", "45", "≥45%", "≥90%")},
		{
			name:  "kind 定量 on text",
			edits: itemCase("按期完成", "完成", "90", "\nkind = \"定量\""),
			want:  []string{`f.toml:36:8: error: indicators[0].groups[0].items[0].kind (指标类型): is 定量, but 年度指标值 "按期完成" and 实际完成值 "完成" are not both numbers`},
		},
		{
			name:  "kind in English",
			edits: itemCase("按期完成", "完成", "90", "\nkind = \"qualitative\""),
			want:  []string{`f.toml:36:8: error: indicators[0].groups[0].items[0].kind (指标类型): "qualitative" is not a kind; expected "定量" or "定性"`},
		},
		{name: "kind empty", edits: itemCase("按期完成", "完成", "90", "\nkind = \"\"")},
		{
			name: "the seed's 满意度",
			base: yiyangFile,
			edits: []string{
				"target = \"≥90%\"\n    actual = \"97%\"", "target = \"≥98%\"\n    actual = \"97%\"",
			},
			want: []string{"f.toml:259:13: warning: indicators[2].groups[1].items[0].score (得分): 2, but the 正向指标 rule gives 1.98 (实际完成值 97% against 年度指标值 ≥98%)"},
		},
	})
}

// TestBands: a 定性 indicator's 得分 must lie in its declared band:
// 达成 [80%, 100%], 部分达成 [60%, 80%), 未达成 [0, 60%) of its 分值.
func TestBands(t *testing.T) {
	band := func(name, score string) []string {
		return itemCase("按期完成", "完成", score, why+"\nband = \""+name+"\"")
	}
	outside := func(score, band, lo, hi, rng string) []string {
		return []string{"f.toml:35:9: error: indicators[0].groups[0].items[0].score (得分): " + score + " is outside the band " + band + ": " + lo + "% to " + hi + "% of 分值 90 is " + rng}
	}
	runCases(t, []ruleCase{
		{name: "达成 top", edits: band("达成", "90")},
		{name: "达成 bottom", edits: band("达成", "72")},
		{name: "达成 below", edits: band("达成", "71.99"), want: outside("71.99", "达成", "80", "100", "[72, 90]")},
		{name: "达成 in full", edits: band("达成年度指标", "80")},
		{name: "部分达成 top is excluded", edits: band("部分达成", "72"), want: outside("72", "部分达成", "60", "80", "[54, 72)")},
		{name: "部分达成 below top", edits: band("部分达成", "71.99")},
		{name: "部分达成 bottom", edits: band("部分达成", "54")},
		{name: "部分达成 below", edits: band("部分达成", "53.99"), want: outside("53.99", "部分达成", "60", "80", "[54, 72)")},
		{name: "部分达成 in full", edits: band("部分达成年度指标并具有一定效果", "60")},
		{name: "未达成 top is excluded", edits: band("未达成", "54"), want: outside("54", "未达成", "0", "60", "[0, 54)")},
		{name: "未达成 below top", edits: band("未达成", "53.99")},
		{name: "未达成 zero", edits: band("未达成", "0")},
		{name: "未达成 in full", edits: band("未达成年度指标且效果较差", "10")},
		{
			name:  "not a band",
			edits: band("优秀", "90"),
			want:  []string{`f.toml:37:8: error: indicators[0].groups[0].items[0].band (达成情况): "优秀" is not a band; expected 达成, 部分达成 or 未达成`},
		},
		{
			// 80% of 3.33 is 2.664: the message shows the exact bound.
			name: "bound between hundredths",
			edits: []string{
				"total_score = 100\n", "\n",
				"weight = 90\nscore = 90", "weight = 86.67\nscore = 86.67\n\n[[indicators.groups.items]]\nname = \"合规性\"\ntarget = \"合规\"\nactual = \"基本合规\"\nweight = 3.33\nscore = 2.66\nband = \"达成\"" + why,
			},
			want: []string{
				"f.toml:42:9: error: indicators[0].groups[0].items[1].score (得分): 2.66 is outside the band 达成: 80% to 100% of 分值 3.33 is [2.664, 3.33]",
			},
		},
	})
}
