package summary

import "jixiao"

// Heads are the headings of the columns that show a form's fields, from
// the labels of the fields that play their roles.
type Heads struct {
	Department, Year, Budget, Executed, Rate, Total string
}

// HeadsOf takes the headings from a form: 预算部门, 年度, 全年预算数（万元）…
func HeadsOf(f *jixiao.Form) Heads {
	label := func(role string) string {
		fd, _ := f.ByRole(role)
		return fd.Label
	}
	money := func(role string) string {
		if l := label(role); l != "" {
			return l + "（" + f.Unit + "）"
		}
		return ""
	}
	return Heads{Department: label(jixiao.RoleDepartment), Year: label(jixiao.RoleYear), Budget: money(jixiao.RoleBudget),
		Executed: money(jixiao.RoleExecuted), Rate: label(jixiao.RoleRate), Total: label(jixiao.RoleTotal)}
}
