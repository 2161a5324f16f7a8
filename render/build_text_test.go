package render

import (
	"os"
	"strings"
	"testing"

	"jixiao"
)

// TestAmountsPrintByTheFormsRule: amounts print as the file wrote them, but
// with at most two decimals and no sign on zero (238.450 → 238.45, -0 → 0).
func TestAmountsPrintByTheFormsRule(t *testing.T) {
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer(
		"initial_budget = 1758.17 ", "initial_budget = 1758.170",
		"# special_account = ", "special_account = -0    ",
		"other = 90.40 ", "other = 90.400",
	).Replace(string(data))
	s, problems := jixiao.Check("f.toml", []byte(src), DefaultTemplate().Domain())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	want := map[string]string{
		"funds.initial_budget":         "1758.17",
		"funds.income.special_account": "0",
		"funds.income.other":           "90.40",
		"funds.income.general_budget":  "6341.72",
		"funds.income.government_fund": "735",
		"funds.spending.project":       "4320.71",
	}
	for _, c := range Build(DefaultTemplate(), s).Cells {
		amount, ok := want[c.Field]
		if !ok {
			continue
		}
		if !strings.HasSuffix(c.Text, amount) || strings.HasSuffix(c.Text, amount+"0") || strings.HasSuffix(c.Text, "-"+amount) {
			t.Errorf("%s prints %q; want it to end in %s", c.Field, c.Text, amount)
		}
		delete(want, c.Field)
	}
	for field := range want {
		t.Errorf("no cell for %s", field)
	}
}

// TestInvisibleIsNeverDroppedUnseen: decoding reports what prints as
// nothing; a control character that comes another way (a report made in
// code, a template) reaches the glyph check, which names it.
func TestInvisibleIsNeverDroppedUnseen(t *testing.T) {
	s := sample(t)
	r := *s.Report
	setText(&r, "department", "益阳市\x00局")
	_, problems := engine(t).Layout(jixiao.Score(&r), "x.toml")
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "U+0000") {
		t.Errorf("problems = %v; want one naming U+0000", problems)
	}
	setText(&r, "department", "益阳市\t工业和信息化局\r\n")
	table := Build(DefaultTemplate(), jixiao.Score(&r))
	for _, c := range table.Cells {
		if c.Field == "department" && c.Text != "益阳市 工业和信息化局\n" {
			t.Errorf("department prints %q; want the tab as a space and CR LF as LF", c.Text)
		}
	}
}
