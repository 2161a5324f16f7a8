package form

import (
	"testing"

	"github.com/BurntSushi/toml"

	"jixiao"
)

// FuzzSpecTiles reshapes the small spec's cells — spans, rows merged down,
// and the number of columns — and checks the promise of Check: a spec it
// accepts builds a table whose cells tile the grid, every (row, column) in
// exactly one cell, whatever the indicator tree.
func FuzzSpecTiles(f *testing.F) {
	f.Add([]byte{}, uint8(4), uint8(2), uint8(1))
	f.Add([]byte{0, 2, 1, 1, 2, 0}, uint8(4), uint8(0), uint8(3))
	f.Add([]byte{0, 1, 3, 2, 1, 1}, uint8(5), uint8(1), uint8(0))
	f.Fuzz(func(t *testing.T, edits []byte, cols, groups, blanks uint8) {
		var spec Spec
		if _, err := toml.Decode(smallSpec, &spec); err != nil {
			t.Fatal(err)
		}
		// Each edit is three bytes: which cell of the fixed rows, its span,
		// its rows.
		var cells []*CellSpec
		for i := range spec.Rows {
			for j := range spec.Rows[i].Cells {
				cells = append(cells, &spec.Rows[i].Cells[j])
			}
		}
		for i := 0; i+2 < len(edits) && i < 30; i += 3 {
			c := cells[int(edits[i])%len(cells)]
			c.Span, c.Rows = int(edits[i+1]%5), int(edits[i+2]%4)
		}
		n := int(cols%8) + 1
		if spec.Check(n) != nil {
			return
		}
		var ind jixiao.Indicator
		for g := range int(groups % 4) {
			grp := jixiao.Group{Name: "组", BlankRows: int(blanks % 3)}
			for range g + 1 {
				grp.Items = append(grp.Items, jixiao.Item{Name: "项", Weight: jixiao.NewFigure(100), Score: jixiao.NewFigure(100)})
			}
			ind.Groups = append(ind.Groups, grp)
		}
		r := &jixiao.Report{Form: &spec.Form, Values: map[string]jixiao.Figure{}, Indicators: []jixiao.Indicator{ind}}
		widths := make([]float64, n)
		tb := Build(&spec, widths, jixiao.Score(r))
		owner := make([][]int, len(tb.Rows))
		for row := range owner {
			owner[row] = make([]int, n)
			for col := range owner[row] {
				owner[row][col] = -1
			}
		}
		for i, c := range tb.Cells {
			if c.Row < 0 || c.Col < 0 || c.Row+c.RowSpan > len(tb.Rows) || c.Col+c.ColSpan > n {
				t.Fatalf("cell %d (%s) leaves the %d×%d grid", i, c.Ref(), len(tb.Rows), n)
			}
			for row := c.Row; row < c.Row+c.RowSpan; row++ {
				for col := c.Col; col < c.Col+c.ColSpan; col++ {
					if owner[row][col] >= 0 {
						t.Fatalf("cells %d and %d both cover row %d column %d", owner[row][col], i, row, col)
					}
					owner[row][col] = i
				}
			}
		}
		for row := range owner {
			for col, o := range owner[row] {
				if o < 0 {
					t.Fatalf("row %d column %d belongs to no cell", row, col)
				}
			}
		}
	})
}
