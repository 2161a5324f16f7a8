package jixiao

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Form is what a form's spec tells the domain: the header fields of the
// data file, the sums that must hold between them, and the scoring rules.
// It is read from the form's template file ([[fields]], [[sums]], [rules],
// unit); the indicator tree is the same for every form and stays Go.
type Form struct {
	Fields []Field `toml:"fields"`
	Sums   []Total `toml:"sums"`
	Rules  Rules   `toml:"rules"`
	Unit   string  `toml:"unit"` // the money unit: 万元 (default) or 元

	all    []Field          // Fields, then the indicator tree's
	items  []Field          // the keys Fields adds to a 三级指标
	byKey  map[string]Field // all, by key
	byRole map[string]Field
}

// Total is a sum the form requires: Whole = Σ Parts. With Columns, Whole
// and each part are tables and the sum holds column by column: Whole.c =
// Σ part.c for each c. Messages stand at At, or else at the whole.
type Total struct {
	Whole   string   `toml:"whole"`
	Parts   []string `toml:"parts"`
	Columns []string `toml:"columns"`
	At      string   `toml:"at"`
}

// The roles a field may play: what the program must know of its meaning to
// score the form, name it in messages and lay out the summaries.
const (
	RoleYear       = "year"        // the year reported on
	RoleDepartment = "department"  // who reports: the document's author, the 汇总表's row
	RoleBudget     = "budget"      // 全年预算数: the denominator of 执行率
	RoleExecuted   = "executed"    // 全年执行数: the numerator of 执行率
	RoleExecWeight = "exec-weight" // 分值 of 执行率
	RoleRate       = "rate"        // 执行率, computed; the declared one is checked
	RoleExecScore  = "exec-score"  // 预算执行得分, computed; the declared one is checked
	RoleTotal      = "total"       // 总分, computed; the declared one is checked
)

var roles = []string{RoleYear, RoleDepartment, RoleBudget, RoleExecuted, RoleExecWeight, RoleRate, RoleExecScore, RoleTotal}

// roleKinds is the type a role's field must have.
var roleKinds = map[string][]Kind{
	RoleYear: {KindInt}, RoleDepartment: {KindText}, RoleBudget: {KindAmount}, RoleExecuted: {KindAmount},
	RoleExecWeight: {KindPoints}, RoleRate: {KindPercent}, RoleExecScore: {KindPoints}, RoleTotal: {KindPoints},
}

// ParseForm reads the domain's part of a template file: its fields, sums,
// rules and unit; the rest of the file (looks, grid) is left to render.
func ParseForm(name string, data []byte) (*Form, error) {
	var f Form
	if _, err := toml.Decode(string(data), &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := f.Prepare(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

// FormError is what is wrong with a form's spec, with the key of the
// template that says it (fields[3].role, sums[0].parts).
type FormError struct {
	Key  string
	Msg  string
	text Text // Msg before it is put into words
}

func (e *FormError) Error() string { return e.Msg }

// MessageText is the message before it is put into words.
func (e *FormError) MessageText() Text {
	if e.text.Format == "" {
		return T("%s", e.Msg)
	}
	return e.text
}

func formErrorf(key, format string, args ...any) *FormError {
	return &FormError{Key: key, Msg: fmt.Sprintf(format, args...), text: T(format, args...)}
}

// Prepare checks the spec and indexes its fields; a Form must be prepared
// before use.
func (f *Form) Prepare() error {
	if f.Unit == "" {
		f.Unit = "万元"
	}
	// The spec's own keys of a 三级指标 (such as 评分标准) follow the tree's.
	var header, items []Field
	for i, fd := range f.Fields {
		if err := checkField(fmt.Sprintf("fields[%d]", i), fd); err != nil {
			return err
		}
		if strings.HasPrefix(fd.Key, itemsKey+".") {
			items = append(items, fd)
		} else {
			header = append(header, fd)
		}
	}
	f.all, f.items = slices.Concat(metaFields, header, indicatorFields, items), items
	f.byKey = make(map[string]Field, len(f.all))
	f.byRole = map[string]Field{}
	for _, fd := range f.all {
		key := fmt.Sprintf("fields[%d]", slices.IndexFunc(f.Fields, func(x Field) bool { return x == fd }))
		if _, dup := f.byKey[fd.Key]; dup {
			return formErrorf(key+".key", "%s.key: %s is declared twice", key, fd.Key)
		}
		if parent := parentKey(fd.Key); parent != "" {
			if p, ok := f.byKey[parent]; !ok || p.Kind != KindTable && p.Kind != KindTables {
				return formErrorf(key+".key", "%s.key: %s comes before its table %s is declared", key, fd.Key, parent)
			}
		}
		f.byKey[fd.Key] = fd
		if fd.Role == "" {
			continue
		}
		if _, dup := f.byRole[fd.Role]; dup {
			return formErrorf(key+".role", "%s.role: %s is played by %s already", key, fd.Role, f.byRole[fd.Role].Key)
		}
		f.byRole[fd.Role] = fd
	}
	for i, s := range f.Sums {
		if err := f.checkSum(s); err != nil {
			_, msg := TextOf(err, "")
			return formErrorf(fmt.Sprintf("sums[%d]", i), "sums[%d]: %s", i, msg)
		}
	}
	if err := f.Rules.Check(); err != nil {
		_, msg := TextOf(err, "")
		return &FormError{Key: "rules", Msg: "rules: " + err.Error(), text: T("rules: %s", msg)}
	}
	return nil
}

// checkField checks one field of a spec on its own; key is where the
// template declares it, fields[3].
func checkField(key string, fd Field) error {
	switch {
	case fd.Key == "" || strings.ContainsAny(fd.Key, "[] \""):
		return formErrorf(key+".key", "%s.key: %q is not a key; expected a path such as funds.executed", key, fd.Key)
	case fd.Label == "":
		return formErrorf(key+".label", "%s.label: missing", key)
	case !slices.Contains(kinds, fd.Kind):
		return formErrorf(key+".type", "%s.type: %q; expected text, integer, amount, points, percent or table", key, fd.Kind)
	case strings.HasPrefix(fd.Key, "indicators") && (parentKey(fd.Key) != itemsKey || fd.Kind != KindText):
		return formErrorf(key+".key", "%s.key: %s; a form may add only text keys to the 三级指标 (%s.KEY)", key, fd.Key, itemsKey)
	case fd.Role != "" && !slices.Contains(roles, fd.Role):
		return formErrorf(key+".role", "%s.role: %q; expected one of %s", key, fd.Role, strings.Join(roles, ", "))
	case fd.Role != "" && !slices.Contains(roleKinds[fd.Role], fd.Kind):
		return formErrorf(key+".role", "%s.role: a %s field must be of type %s", key, fd.Role, roleKinds[fd.Role][0])
	}
	return nil
}

func (f *Form) checkSum(s Total) error {
	if s.Whole == "" || len(s.Parts) == 0 {
		return Errorf("bad-sum", "expected a whole and its parts")
	}
	want := []Kind{KindAmount, KindPoints}
	if len(s.Columns) > 0 {
		want = []Kind{KindTable}
	}
	for _, key := range append([]string{s.Whole}, s.Parts...) {
		fd, ok := f.byKey[key]
		if !ok || !slices.Contains(want, fd.Kind) {
			return Errorf("bad-sum", "%s is not a declared field of type %s", key, want[0])
		}
		for _, c := range s.Columns {
			if cf, ok := f.byKey[key+"."+c]; !ok || cf.Kind != KindAmount && cf.Kind != KindPoints {
				return Errorf("bad-sum", "%s.%s is not a declared amount", key, c)
			}
		}
	}
	return nil
}

// itemsKey is the table of a 三级指标.
const itemsKey = "indicators.groups.items"

// extraItemFields are the keys the spec adds to a 三级指标.
func (f *Form) extraItemFields() []Field {
	return f.items
}

// Field returns the declared field of a generic key.
func (f *Form) Field(key string) (Field, bool) {
	fd, ok := f.byKey[key]
	return fd, ok
}

// ByRole returns the field that plays a role, if the form has one.
func (f *Form) ByRole(role string) (Field, bool) {
	fd, ok := f.byRole[role]
	return fd, ok
}

// AllFields lists every key of the data file in the order a file writes
// them: the form's header fields, then the indicator tree's.
func (f *Form) AllFields() []Field { return f.all }

// LabelOf returns the form's own label for a value's path, e.g. 得分 for
// indicators[0].groups[2].items[1].score; "" for a path the form lacks.
func (f *Form) LabelOf(path string) string {
	if f == nil {
		return ""
	}
	return f.byKey[genericPath(path)].Label
}

// roleLabel is the label of the field playing role, or fallback.
func (f *Form) roleLabel(role, fallback string) string {
	if fd, ok := f.byRole[role]; ok {
		return fd.Label
	}
	return fallback
}

// childFields lists the keys directly under a generic table path.
func (f *Form) childFields(table string) []Field {
	var out []Field
	for _, fd := range f.all {
		if parentKey(fd.Key) == table {
			out = append(out, fd)
		}
	}
	return out
}

func parentKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}
