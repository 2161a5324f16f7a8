package render

import (
	"strconv"
	"strings"

	"jixiao"
)

// A draft is a form laid out although it has errors, so that an officer
// sees it while fixing it. It is never without its mark: every page says
// 草稿 — N 处问题 in its top margin, and the cells of the fields with
// problems are outlined. The positions are computed here, as every other
// position; the backends draw them.

// DraftMark is the mark of a draft with n problems.
func DraftMark(n int) string { return "草稿 — " + strconv.Itoa(n) + " 处问题" }

// Outline is a rectangle drawn around a cell with a problem.
type Outline struct{ X, Y, W, H float64 }

// draftMarkSize is the mark's size in points: it must read at a glance,
// and fit the narrowest top margin a template allows.
const draftMarkSize = 12

// MarkDraft makes doc a draft of a form with problems: each page gets the
// mark, placed in the top margin at the left edge of the table, and the
// outlines of the boxes of every cell whose field has an error (or holds
// a field that has one: a 三级指标's row when its 得分 is wrong, if the
// 得分 has no cell of its own).
func (e *Engine) MarkDraft(doc *Document, problems jixiao.Problems) {
	bad := map[string]bool{}
	for _, p := range problems {
		if p.Severity == jixiao.Error && p.Path != "" {
			bad[p.Path] = true
		}
	}
	mark := DraftMark(problems.Errors())
	top := mm(e.Template.Page.MarginTop)
	left := mm(e.Template.Page.MarginLeft)
	for i := range doc.Pages {
		page := &doc.Pages[i]
		page.Draft = &Text{X: left, Y: max(top/2+draftMarkSize/3, draftMarkSize), Text: mark, Style: StyleTitle, Size: draftMarkSize, Cell: -1}
		page.Outlines = nil
		for _, b := range page.Boxes {
			if field := doc.Table.Cells[b.Cell].Field; field != "" && hasProblem(bad, field) {
				page.Outlines = append(page.Outlines, Outline{b.X, b.Y, b.W, b.H})
			}
		}
	}
}

// hasProblem tells whether the field, or a field inside it, has an error.
func hasProblem(bad map[string]bool, field string) bool {
	if bad[field] {
		return true
	}
	for p := range bad {
		if strings.HasPrefix(p, field+".") || strings.HasPrefix(p, field+"[") {
			return true
		}
	}
	return false
}
