package formread

import "jixiao/render/tablefile"

// stream is the rows a form may stand on, in order: one sheet of a
// workbook, or every table of a document one after the other (Word
// continues a table across pages as a second table, or a writer splits it).
type stream struct {
	rows []srow
}

type srow struct {
	t *tablefile.Table
	r int
}

func newStream(tables ...*tablefile.Table) *stream {
	s := &stream{}
	for _, t := range tables {
		for r := 0; r < t.Rows; r++ {
			s.rows = append(s.rows, srow{t, r})
		}
	}
	return s
}

func (s *stream) len() int { return len(s.rows) }

// covering is the cell covering column col of row i, and whether it
// starts in that row (false: merged down from a row above).
func (s *stream) covering(i, col int) (*tablefile.Cell, bool) {
	if i < 0 || i >= len(s.rows) {
		return nil, false
	}
	row := s.rows[i]
	c := row.t.At(row.r, col)
	if c == nil {
		return nil, false
	}
	return c, c.Row == row.r
}

// starting is the cell that starts in row i and covers column col.
func (s *stream) starting(i, col int) *tablefile.Cell {
	if c, starts := s.covering(i, col); starts {
		return c
	}
	return nil
}

// cells are the cells that start in row i, left to right.
func (s *stream) cells(i int) []*tablefile.Cell {
	row := s.rows[i]
	return row.t.Row(row.r)
}

// where names the place of column col in row i for messages.
func (s *stream) where(i, col int) string {
	row := s.rows[i]
	if c, starts := s.covering(i, col); starts {
		return row.t.Where(c.Ref)
	}
	return row.t.Where(row.t.RefAt(row.r, col))
}

// cols is the widest table's column count.
func (s *stream) cols() int {
	n := 0
	for _, r := range s.rows {
		n = max(n, r.t.Cols)
	}
	return n
}
