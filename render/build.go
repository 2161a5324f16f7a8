package render

import (
	"jixiao"
	"jixiao/render/form"
)

// Build lays the scored report out on the template's grid, as its spec
// says (render/form interprets it). It measures nothing.
func Build(tpl *Template, s *jixiao.Scored) *Table {
	cols := make([]float64, len(tpl.Table.Columns))
	for i, w := range tpl.Table.Columns {
		cols[i] = mm(w)
	}
	return form.Build(&tpl.Spec, cols, s)
}

// mm converts millimetres to points.
func mm(v float64) float64 { return v * 72 / 25.4 }
