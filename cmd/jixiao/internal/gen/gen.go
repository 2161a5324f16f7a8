// Package gen writes forms from a form's spec: the blank form `jixiao init`
// writes, and plausible, valid made-up forms for tests and benchmarks —
// varied names, amounts that add up as the spec's sums say, 15 to 45
// indicators whose weights and scores follow the rules, and texts from a few
// characters to very long. The same seed always gives the same forms.
package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"jixiao"
	"jixiao/render"
)

var (
	places = []string{"益阳市", "长沙市", "岳阳市", "常德市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "娄底市", "郴州市", "永州市", "怀化市", "张家界市", "湘西州"}
	bureau = []string{"工业和信息化局", "教育局", "财政局", "民政局", "司法局", "自然资源和规划局", "生态环境局", "住房和城乡建设局",
		"交通运输局", "水利局", "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康委员会", "应急管理局", "审计局", "统计局",
		"医疗保障局", "林业局", "市场监督管理局", "人力资源和社会保障局", "退役军人事务局", "机关事务服务中心", "档案馆"}
	phrases = []string{"保证机关正常运转", "推进各项专项工作正常运作", "全面完成年度工作任务", "加强干部队伍建设",
		"落实惠企政策", "提高资金使用效益", "推进节能降耗", "促进中小企业健康发展", "完善管理制度", "强化绩效管理",
		"开展调研活动", "提升公共服务水平", "做好安全生产工作", "推动数字化转型", "加强预算执行管理"}
	targets = []struct{ target, actual string }{
		{"≥90%", "97%"}, {"≥95%", "98.5%"}, {"≤100%", "96.8%"}, {"<100%", "44%"}, {"100%", "100%"},
		{"按期完成", "完成年度指标"}, {"≥全省平均水平", "≥全省平均水平"}, {"合规", "合规"}, {"完善", "完善"},
		{"显著", "显著"}, {"不断提高", "不断提高"}, {"≥30个", "32个"}, {"按年度计划完成", "按年度计划完成"},
	}
	levels = []struct {
		name   string
		groups []string
		weight int
	}{
		{"产出指标", []string{"数量指标", "质量指标", "时效指标", "成本指标"}, 50},
		{"效益指标", []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}, 30},
		{"满意度指标", []string{"服务对象满意度指标"}, 10},
	}
)

// defaultTemplate is the default form's, parsed once.
var defaultTemplate = sync.OnceValue(render.DefaultTemplate)

// Form returns the TOML text of the n-th generated default form of a seed.
func Form(seed uint64, n int) string { return FormOf(defaultTemplate(), seed, n) }

// FormOf returns the TOML text of the n-th made-up form of a template.
func FormOf(tpl *render.Template, seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	g := &form{r: r, f: tpl.Domain(), tpl: tpl, seed: seed, n: n}
	return g.write(n)
}

// Name returns a file name for the n-th form, after the department the
// form holds, e.g. "0042-长沙市教育局".
func Name(seed uint64, n int) string {
	return fmt.Sprintf("%04d-%s", n, Department(seed, n))
}

// Department is the department of the n-th form of a seed: the first
// len(places)×len(bureau) forms of a seed have different departments, so
// that a generated batch ranks no department twice. It depends on seed and
// n alone, so that Name and Form agree on it whatever else the form draws.
func Department(seed uint64, n int) string {
	all := len(places) * len(bureau)
	i := rand.New(rand.NewPCG(seed, 0x6a697869616f)).Perm(all)[n%all]
	return places[i/len(bureau)] + bureau[i%len(bureau)]
}

func department(r *rand.Rand) string {
	return places[r.IntN(len(places))] + bureau[r.IntN(len(bureau))]
}

type form struct {
	r    *rand.Rand
	f    *jixiao.Form
	tpl  *render.Template
	seed uint64
	n    int
	b    strings.Builder
}

func (g *form) line(format string, args ...any) { fmt.Fprintf(&g.b, format+"\n", args...) }

// text joins phrases into a text of about n characters.
func (g *form) text(n int) string {
	var s []string
	for i := 1; len([]rune(strings.Join(s, "，"))) < n; i++ {
		s = append(s, fmt.Sprintf("%d、%s", i, phrases[g.r.IntN(len(phrases))]))
	}
	return strings.Join(s, "；") + "。"
}

// length picks a text length: mostly short, sometimes long, rarely very long.
func (g *form) length(short int) int {
	switch x := g.r.Float64(); {
	case x < 0.02:
		return 600 + g.r.IntN(1400)
	case x < 0.15:
		return 80 + g.r.IntN(200)
	default:
		return short + g.r.IntN(short)
	}
}

// cents splits total (in hundredths) into n parts that add up exactly.
func (g *form) split(total int64, n int) []int64 {
	parts := make([]int64, n)
	left := total
	for i := 0; i < n-1; i++ {
		parts[i] = left * int64(20+g.r.IntN(50)) / 100
		left -= parts[i]
	}
	parts[n-1] = left
	return parts
}

func amount(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

func (g *form) write(n int) string {
	r := g.r
	g.line("# generated form %d", n)
	if g.tpl.Form != defaultTemplate().Form {
		g.line("%s = %q", jixiao.FormKey, g.tpl.Form)
	}
	g.header(g.amounts(), "")
	g.indicators(15 + r.IntN(31))
	return g.b.String()
}

// amounts makes the form's amounts, in hundredths, by key: 全年预算数,
// 全年执行数 a share of it, and every sum split into parts that add up.
func (g *form) amounts() map[string]int64 {
	r := g.r
	budget := int64(50_000 + r.IntN(5_000_000)) // 500.00 to 50,500.00
	out := map[string]int64{}
	if f, ok := g.f.ByRole(jixiao.RoleBudget); ok {
		out[f.Key] = budget
	}
	if f, ok := g.f.ByRole(jixiao.RoleExecuted); ok {
		out[f.Key] = budget * int64(70+r.IntN(31)) / 100
	}
	for _, s := range g.f.Sums {
		columns := []string{""}
		if len(s.Columns) > 0 {
			columns = nil
			for _, c := range s.Columns {
				columns = append(columns, "."+c)
			}
		}
		for _, c := range columns {
			whole, ok := out[s.Whole+c]
			if !ok {
				whole = budget * int64(60+r.IntN(40)) / 100
				out[s.Whole+c] = whole
			}
			for i, part := range g.split(whole, len(s.Parts)) {
				out[s.Parts[i]+c] = part
			}
		}
	}
	for _, f := range g.f.AllFields() {
		if _, ok := out[f.Key]; !ok && f.Kind == jixiao.KindAmount {
			out[f.Key] = budget * int64(60+r.IntN(40)) / 100
		}
	}
	return out
}

// header writes the header fields under key, then its tables.
func (g *form) header(amounts map[string]int64, key string) {
	var tables []string
	for _, f := range g.f.AllFields() {
		if parentOf(f.Key) != key || f.Key == jixiao.FormKey || strings.HasPrefix(f.Key, "indicators") {
			continue
		}
		name := f.Key[len(key)+min(len(key), 1):]
		switch {
		case f.Kind == jixiao.KindTable:
			tables = append(tables, f.Key)
		case f.Kind == jixiao.KindAmount:
			g.line("%s = %s", name, amount(amounts[f.Key]))
		case f.Role == jixiao.RoleYear:
			g.line("%s = %d", name, 2019+g.r.IntN(5))
		case f.Role == jixiao.RoleDepartment:
			g.line("%s = %q", name, Department(g.seed, g.n))
		case f.Role == jixiao.RoleExecWeight:
			g.line("%s = %s", name, execWeight(g.f))
		case f.Kind == jixiao.KindText && strings.HasPrefix(f.Example, `"""`):
			g.line("%s = %q", name, g.text(g.length(70)))
		case f.Kind == jixiao.KindText && f.Required:
			g.line("%s = %q", name, department(g.r))
		}
	}
	for _, t := range tables {
		g.line("\n[%s]", t)
		g.header(amounts, t)
	}
}

// indicators writes the tree: items 三级指标 spread over the 一级 levels
// in proportion, each level's official weight (50, 30, 10) dealt out one
// point at a time over its items, and items grouped into 二级 in order.
func (g *form) indicators(items int) {
	r := g.r
	per := []int{items * 5 / 9, items * 3 / 9}
	per = append(per, items-per[0]-per[1])
	weights := g.levelWeights()
	for li, lv := range levels {
		lv.weight = weights[li]
		weights := make([]int, per[li])
		for i := range weights {
			weights[i] = 1
		}
		for range lv.weight - per[li] {
			weights[r.IntN(len(weights))]++
		}
		nGroups := min(len(lv.groups), max(1, per[li]/3))
		g.line("\n[[indicators]]\nname = %q\nweight = %d", lv.name, lv.weight)
		for gi := range nGroups {
			ws := weights[gi*len(weights)/nGroups : (gi+1)*len(weights)/nGroups]
			sum := 0
			for _, w := range ws {
				sum += w
			}
			g.line("\n  [[indicators.groups]]\n  name = %q\n  weight = %d", lv.groups[gi], sum)
			if r.IntN(4) == 0 {
				g.line("  blank_rows = 1")
			}
			names := r.Perm(len(phrases)) // distinct names within a group
			for k, w := range ws {
				name := phrases[names[k%len(names)]]
				if round := k / len(names); round > 0 {
					name += fmt.Sprint(round + 1)
				}
				g.item(name, w)
			}
		}
	}
}

// levelWeights are the 一级 weights: as the rules fix them, else what is
// left of the total after 执行率, dealt out 5 : 3 : 1 as the official forms do.
func (g *form) levelWeights() []int {
	rules := g.f.Rules
	left := rules.TotalPoints
	if _, ok := g.f.ByRole(jixiao.RoleExecWeight); ok {
		fmt.Sscan(execWeight(g.f), &left)
		left = rules.TotalPoints - left
	}
	out := []int{left * 5 / 9, left * 3 / 9}
	out = append(out, left-out[0]-out[1])
	for i, lv := range levels {
		if w, ok := rules.LevelWeights[lv.name]; ok {
			out[i] = w
		}
	}
	return out
}

func (g *form) item(name string, weight int) {
	r := g.r
	t := targets[r.IntN(len(targets))]
	score := weight
	g.line("\n    [[indicators.groups.items]]")
	g.line("    name = %q", name)
	g.line("    target = %q\n    actual = %q\n    weight = %d", t.target, t.actual, weight)
	for _, f := range g.f.AllFields() {
		if parentOf(f.Key) == "indicators.groups.items" && !slices.Contains(treeKeys, f.Key[len("indicators.groups.items."):]) {
			g.line("    %s = %q", f.Key[len("indicators.groups.items."):], phrases[r.IntN(len(phrases))])
		}
	}
	// Only qualitative indicators lose points, so no rule contradicts them.
	if !strings.ContainsAny(t.target, "0123456789") && weight > 1 && r.IntN(8) == 0 {
		score = weight - 1
		g.line("    score = %d\n    deviation = %q", score, g.text(g.length(30)))
		return
	}
	g.line("    score = %d", score)
}

// treeKeys are the keys of a 三级指标 every form has; a spec may add others.
var treeKeys = []string{"name", "target", "actual", "weight", "score", "deviation", "kind", "band"}
