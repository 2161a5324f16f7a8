package jixiao

import (
	"strings"
	"testing"
)

// TestInvisibleCharacters: what prints as nothing is never dropped unseen.
// Invisible format characters are removed with a warning, control and bidi
// characters are an error, each placed at the character itself, whether
// the file writes it as is or as an escape.
func TestInvisibleCharacters(t *testing.T) {
	dept := func(v string) []string { return []string{`department = "测试局"`, "department = " + v} }
	const at = "f.toml:2:17: "
	runCases(t, []ruleCase{
		{name: "zero-width space escaped", edits: dept(`"测试\u200B局"`), want: []string{at + "warning: department (预算部门): removed the invisible U+200B (zero-width space)"}},
		{name: "zero-width space as is", edits: dept("\"测试\u200b局\""), want: []string{at + "warning: department (预算部门): removed the invisible U+200B (zero-width space)"}},
		{name: "BOM inside the text", edits: dept("\"测试\ufeff局\""), want: []string{at + "warning: department (预算部门): removed the invisible U+FEFF (zero-width no-break space, a byte-order mark)"}},
		{name: "soft hyphen", edits: dept(`"测试\u00AD局"`), want: []string{at + "warning: department (预算部门): removed the invisible U+00AD (soft hyphen)"}},
		{name: "variation selector", edits: dept(`"测试\uFE0F局"`), want: []string{at + "warning: department (预算部门): removed the invisible U+FE0F (variation selector)"}},
		{
			name:  "several invisible",
			edits: dept(`"测试\u200B\u200B局\uFEFF"`),
			want:  []string{at + "warning: department (预算部门): removed 3 invisible characters: U+200B (zero-width space), U+FEFF (zero-width no-break space, a byte-order mark)"},
		},
		{
			name:  "many kinds",
			edits: dept(`"测试\u200B\u200C\u200D\u2060\uFEFF\u00AD局"`),
			want:  []string{at + "warning: department (预算部门): removed 6 invisible characters: U+200B (zero-width space), U+200C (zero-width non-joiner), U+200D (zero-width joiner), U+2060 (word joiner) and 2 more"},
		},
		{name: "bidi override", edits: dept(`"测试\u202E局"`), want: []string{at + "error: department (预算部门): holds U+202E (right-to-left override), which the form cannot print; remove it"}},
		{name: "NUL", edits: dept(`"测试\u0000局"`), want: []string{at + "error: department (预算部门): holds U+0000 (NUL), which the form cannot print; remove it"}},
		{name: "C1 control", edits: dept(`"测试\u0085局"`), want: []string{at + "error: department (预算部门): holds U+0085 (a control character), which the form cannot print; remove it"}},
		{name: "form feed", edits: dept(`"测试\f局"`), want: []string{at + "error: department (预算部门): holds U+000C (form feed), which the form cannot print; remove it"}},
		{
			name:  "both kinds, each where it is",
			edits: dept(`"测\u200B试\u0001\u0002局"`),
			want: []string{
				"f.toml:2:16: warning: department (预算部门): removed the invisible U+200B (zero-width space)",
				"f.toml:2:23: error: department (预算部门): holds 2 characters the form cannot print: U+0001 (a control character), U+0002 (a control character); remove them",
			},
		},
		{
			name:  "in a literal string",
			edits: dept("'测试\u200b局'"),
			want:  []string{at + "warning: department (预算部门): removed the invisible U+200B (zero-width space)"},
		},
		{
			name:  "on the third line of a multi-line string",
			edits: []string{`expected = "目标"`, "expected = \"\"\"\n一、目标\n二、\\\n   目\u200b标\"\"\""},
			want:  []string{"f.toml:22:5: warning: goals.expected (预期目标): removed the invisible U+200B (zero-width space)"},
		},
		{
			name:  "in a multi-line literal string",
			edits: []string{`expected = "目标"`, "expected = '''\n一、目标\n\u202e二、目标'''"},
			want:  []string{"f.toml:21:1: error: goals.expected (预期目标): holds U+202E (right-to-left override), which the form cannot print; remove it"},
		},
		{
			// The text reads 90% once the space is gone, and is scored so.
			name:  "in a figure",
			edits: []string{`actual = "95%"`, `actual = "4\u200B5%"`},
			want: []string{
				"f.toml:33:12: warning: indicators[0].groups[0].items[0].actual (实际完成值): removed the invisible U+200B (zero-width space)",
				"f.toml:35:9: warning: indicators[0].groups[0].items[0].score (得分): 90, but the 正向指标 rule gives 45 (实际完成值 45% against 年度指标值 ≥90%)",
			},
		},
		{name: "tabs and line breaks stay", edits: []string{`expected = "目标"`, "expected = \"一、\t目标\\r\\n二、目标\\r三、\u2028四、\""}},
		{name: "only invisible is empty", edits: dept(`"\u200B"`), want: []string{
			"f.toml:2:14: error: department (预算部门): is empty; the form needs the 预算部门",
			"f.toml:2:15: warning: department (预算部门): removed the invisible U+200B (zero-width space)",
		}},
	})
}

// TestInvisibleRemoved: the report holds the text as it prints, with line
// breaks made "\n" and tabs kept.
func TestInvisibleRemoved(t *testing.T) {
	src := edit(t, readFile(t, minimalFile),
		`department = "测试局"`, `department = "测\u200B试\u202E局"`,
		`expected = "目标"`, "expected = \"一、\t目标\\r\\n二、目标\\r三、\u2028四、\"\r\n",
	)
	r, _ := Decode("f.toml", []byte(src), form2020)
	if r.Department() != "测试局" {
		t.Errorf("department %q; want 测试局", r.Department())
	}
	if want := "一、\t目标\n二、目标\n三、\n四、"; r.Text("goals.expected") != want {
		t.Errorf("expected %q; want %q", r.Text("goals.expected"), want)
	}
	if strings.ContainsFunc(r.Department()+r.Text("goals.expected"), func(r rune) bool { return r != '\t' && r != '\n' && classify(r) != visible }) {
		t.Error("an invisible character is left")
	}
}
