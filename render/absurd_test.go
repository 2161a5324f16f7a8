package render

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAbsurdTemplates feeds templates with lengths no form has: each must
// be refused when it loads, at the key that is wrong, or lay out the
// sample and a form of long texts into a sound document, quickly. Before
// templates were checked against the page, the first one grew memory
// without end.
func TestAbsurdTemplates(t *testing.T) {
	const tinyPage = "width = 60\nheight = 75\nmargin_top = 5\nmargin_bottom = 8\nmargin_left = 5\nmargin_right = 5"
	for _, c := range []struct {
		name  string
		pairs []string
		key   string // the key a refusal names; "" when the template must lay out
	}{
		{"row taller than a page", []string{"min_row_height = 6.5", "min_row_height = 300"}, "table.min_row_height"},
		{"row over half a page", []string{"min_row_height = 6.5", "min_row_height = 140"}, "table.min_row_height"},
		{"rows of 2 a page", []string{"min_row_height = 6.5", "min_row_height = 120"}, ""},
		{"tiny page, table too wide", []string{"width = 210                    # A4\nheight = 297\nmargin_top = 20\nmargin_bottom = 18\nmargin_left = 18\nmargin_right = 16", tinyPage}, "table.columns"},
		{"tiny page, narrow columns", []string{
			"width = 210                    # A4\nheight = 297\nmargin_top = 20\nmargin_bottom = 18\nmargin_left = 18\nmargin_right = 16", tinyPage,
			"columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [5, 5, 5, 6, 5, 5, 5, 5, 5]",
			"padding_x = 1.0", "padding_x = 0.2", "page_number_gap = 6", "page_number_gap = 4",
			"[styles.title]                 # 2020年度部门整体支出绩效自评表\nfont = \"serif-bold\"\noffice_font = \"宋体\"\nsize = 18",
			"[styles.title]\nfont = \"serif-bold\"\noffice_font = \"宋体\"\nsize = 6",
			"[styles.attachment]            # 附件2：\nfont = \"sans\"\noffice_font = \"黑体\"\nsize = 16",
			"[styles.attachment]\nfont = \"sans\"\noffice_font = \"黑体\"\nsize = 6"}, ""},
		{"margins eat the page", []string{"margin_top = 20", "margin_top = 270"}, "page.margin_top"},
		{"margins wider than the page", []string{"margin_left = 18", "margin_left = 200"}, "page.margin_left"},
		{"zero page", []string{"height = 297", "height = 0"}, "page.height"},
		{"huge page", []string{"height = 297", "height = 1e12"}, "page.height"},
		{"page height nan", []string{"height = 297", "height = nan"}, "page.height"},
		{"zero column", []string{"columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [17, 19, 20, 33, 21, 21, 0, 10, 25]"}, "table.columns"},
		{"infinite column", []string{"columns = [17, 19, 20, 33, 21, 21, 10, 10, 25]", "columns = [17, 19, 20, 33, 21, 21, inf, 10, 25]"}, "table.columns"},
		{"huge padding_x", []string{"padding_x = 1.0", "padding_x = 40"}, "table.columns"},
		{"huge padding_y", []string{"padding_y = 0.8", "padding_y = 200"}, "table"},
		{"negative padding", []string{"padding_y = 0.8", "padding_y = -1"}, "table.padding_y"},
		{"enormous body font", []string{"[styles.body]                  # texts: goals, 三级指标, 偏差原因 ...\nfont = \"serif\"\noffice_font = \"宋体\"\nsize = 10.5",
			"[styles.body]\nfont = \"serif\"\noffice_font = \"宋体\"\nsize = 72"}, "table.columns"},
		{"font beyond any size", []string{"size = 18", "size = 1e9"}, "styles.title.size"},
		{"enormous title", []string{"size = 18", "size = 72", `title = "{year}年度部门整体支出绩效自评表"`,
			`title = "{year}年度部门整体支出绩效自评表{year}年度部门整体支出绩效自评表{year}年度部门整体支出绩效自评表"`}, "styles.title.size"},
		{"large title", []string{"size = 18", "size = 72"}, ""},
		{"leading nan", []string{"leading = 1.25", "leading = nan"}, "table.leading"},
		{"leading huge", []string{"leading = 1.25", "leading = 1000"}, "table.leading"},
		{"leading 4", []string{"leading = 1.25", "leading = 4"}, ""},
		{"border huge", []string{"border = 0.5", "border = 1e6"}, "table.border"},
		{"page number below the page", []string{"page_number_gap = 6", "page_number_gap = 40"}, "page.page_number_gap"},
		{"title gap huge", []string{"title_gap = 3", "title_gap = 250"}, "styles.title.size"},
	} {
		t.Run(c.name, func(t *testing.T) {
			result := make(chan error, 1)
			go func() { result <- absurdLayout(t, c.pairs) }()
			select {
			case <-time.After(20 * time.Second):
				t.Fatal("no result after 20 s: pagination does not end")
			case err := <-result:
				var te *TemplateError
				switch {
				case c.key == "" && err != nil:
					t.Errorf("want a document, got %v", err)
				case c.key != "" && !errors.As(err, &te):
					t.Errorf("want a template error at %s, got %v", c.key, err)
				case c.key != "" && (te.Key != c.key || te.Pos.Line == 0):
					t.Errorf("error at key %q line %d, want %q located: %v", te.Key, te.Pos.Line, c.key, err)
				}
			}
		})
	}
}

// absurdLayout loads a template edited by pairs, lays out the sample and
// a form of long texts, and checks the documents' geometry.
func absurdLayout(t *testing.T, pairs []string) error {
	tpl, err := edited(t, t.TempDir(), pairs...)
	if err != nil {
		return err
	}
	e, err := NewEngine(tpl)
	if err != nil {
		return err
	}
	for _, s := range []string{"sample", "long"} {
		form := sample(t)
		if s == "long" {
			form = longForm(t, 300)
		}
		doc, problems := e.Layout(form, "x.toml")
		if problems.Errors() > 0 {
			return fmt.Errorf("%s: %v", s, problems)
		}
		checkGeometry(t, e, doc)
	}
	return nil
}

// TestPaginationFailsRatherThanLoops lays out with templates that skip
// their check, so that no row fits a page: pagination must end with an
// error, not start page after page.
func TestPaginationFailsRatherThanLoops(t *testing.T) {
	e := engine(t)
	for _, edit := range []func(*Template){
		func(tpl *Template) { tpl.Table.MinRowHeight = 300 },
		func(tpl *Template) { tpl.Table.PaddingY = 150 },
	} {
		tpl := *e.Template
		edit(&tpl)
		unchecked := &Engine{Template: &tpl, faces: e.faces}
		result := make(chan error, 1)
		go func() {
			doc, problems := unchecked.Layout(sample(t), "x.toml")
			if doc != nil || problems.Errors() != 1 || !strings.Contains(problems[0].Message, "cannot lay this form out") {
				result <- fmt.Errorf("doc %v, problems %v; want one error and no document", doc != nil, problems)
				return
			}
			result <- nil
		}()
		select {
		case err := <-result:
			if err != nil {
				t.Error(err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("no result after 20 s: pagination does not end")
		}
	}
}
