package formread

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"jixiao"
	"jixiao/render"
	"jixiao/render/tablefile"
)

// words are texts a fuzzed cell may take: labels of both forms, patterns'
// starts, figures, and what people type into forms.
var words = []string{"", "预算部门", "年度资金总额", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
	"偏差原因分析\n及改进措施", "绩效指标", "总分", "100", "产出指标（50分）", "数量指标", "指标1：规模工业增加值增速", "指标：",
	"其中：一般公共预算：", "其中：一般公共预算：1e400", "政府性基金拨款：-0", "90%", "０.９", "—", "/", "1,758.17", "\"\\\x00\x7f",
	"项目名称", "主管部门", "实施单位", "项目资金（万元）", "其中：当年财政拨款", "年度总体目标", "预期目标", "2020年度部门整体支出绩效自评表",
	"（2019年度）", "NaN", "Inf", "3.14159", "指标2：" + strings.Repeat("长", 300), "[[indicators]]\nname = \"x\""}

// FuzzRead reads forms made by changing the sample's grid cell by cell
// and row by row. Whatever the grid, reading never panics, every problem
// has its place, and the data file written is valid TOML that the program
// decodes without a syntax error.
func FuzzRead(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 3, 7, 1, 40, 2, 200, 9})
	f.Add([]byte{1, 13, 1, 14, 2, 0, 3})
	f.Add([]byte{2, 20, 0, 60, 5, 0, 61, 33})
	base := sampleTable(f)
	forms := render.BuiltinForms()
	f.Fuzz(func(t *testing.T, ops []byte) {
		tb := base
		var tables []*tablefile.Table
		for len(ops) >= 3 {
			op, a, b := ops[0]%4, int(ops[1]), int(ops[2])
			ops = ops[3:]
			switch op {
			case 0: // a cell's text
				if len(tb.Cells) > 0 {
					c := tb.Cells[a%len(tb.Cells)]
					tb = setText(tb, c.Ref, words[b%len(words)])
				}
			case 1: // a row deleted
				if tb.Rows > 1 {
					tb = withoutRow(tb, a%tb.Rows)
				}
			case 2: // the table cut in two
				if tb.Rows > 2 && len(tables) < 3 {
					parts := split(tb, 1+a%(tb.Rows-1))
					tables = append(tables, parts[0])
					tb = parts[1]
				}
			case 3: // a cell's text with a fuzzed tail
				if len(tb.Cells) > 0 {
					c := tb.Cells[a%len(tb.Cells)]
					tb = setText(tb, c.Ref, c.Text+string(rune(b)*97))
				}
			}
		}
		tables = append(tables, tb)
		res, err := Read(tablefile.DOCX, tables, forms)
		if err != nil {
			if _, ok := err.(*UnknownFormError); !ok {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		for _, p := range res.Problems {
			if p.Where == "" || p.Text.Format == "" {
				t.Errorf("a problem without its place: %+v", p)
			}
		}
		data := res.TOML("fuzz.docx")
		var tree map[string]any
		if _, err := toml.Decode(string(data), &tree); err != nil {
			t.Fatalf("not TOML: %v\n%s", err, data)
		}
		if _, problems := jixiao.Decode("fuzz.toml", data, res.Template.Domain()); problems.Errors() > 0 {
			for _, p := range problems {
				if strings.Contains(p.Message, "unknown key") || strings.Contains(p.Message, "expected") && strings.Contains(p.Message, "but") {
					t.Errorf("the data file written does not fit its form: %v\n%s", p, data)
				}
			}
		}
	})
}
