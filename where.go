package jixiao

import (
	"regexp"
	"strconv"
	"strings"
)

// indicatorPath splits a path into the indicator tree: the 一级, 二级 and
// 三级 indexes it goes down (-1 where it stops) and the key after them.
var indicatorPath = regexp.MustCompile(`^indicators\[(\d+)\](?:\.groups\[(\d+)\](?:\.items\[(\d+)\])?)?(?:\.(.+))?$`)

// placeInWords names the place of path in the form's own words, as an
// officer finds it on paper: 产出指标 › 数量指标 › 指标1 规模工业增加值增速 › 得分.
// A header field is its label; "" when the path says nothing more than
// its label would.
func placeInWords(r *Report, path, label string) string {
	m := indicatorPath.FindStringSubmatch(path)
	if m == nil || r == nil {
		return ""
	}
	idx := func(s string) int {
		if s == "" {
			return -1
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	i, j, k := idx(m[1]), idx(m[2]), idx(m[3])
	var parts []string
	if i >= len(r.Indicators) {
		return ""
	}
	ind := r.Indicators[i]
	parts = append(parts, nameOr(ind.Name, "一级指标", i))
	if j >= 0 && j < len(ind.Groups) {
		g := ind.Groups[j]
		parts = append(parts, nameOr(g.Name, "二级指标", j))
		if k >= 0 && k < len(g.Items) {
			parts = append(parts, strings.TrimSpace("指标"+strconv.Itoa(k+1)+" "+g.Items[k].Name))
		}
	}
	if m[4] != "" && label != "" && label != parts[len(parts)-1] {
		parts = append(parts, label)
	}
	return strings.Join(parts, " › ")
}

// nameOr is a name, or the place of an unnamed one: 第2个二级指标.
func nameOr(name, level string, i int) string {
	if name != "" {
		return name
	}
	return "第" + strconv.Itoa(i+1) + "个" + level
}

// placeAll gives each problem about the indicator tree its place in words.
func placeAll(ps Problems, r *Report) {
	for i := range ps {
		if ps[i].Where == "" && ps[i].Path != "" {
			ps[i].Where = placeInWords(r, ps[i].Path, ps[i].Label)
		}
	}
}
