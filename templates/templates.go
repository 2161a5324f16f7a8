// Package templates holds the official forms as data files, embedded in
// the program: each form's spec and looks, and the blank form `jixiao init`
// writes.
package templates

import "embed"

// FS holds the template files.
//
//go:embed *.toml
var FS embed.FS

// The files in FS.
const (
	Form2020    = "fujian2-2020.toml" // 附件2 部门整体支出绩效自评表 (Hunan, 2020): the default form
	Project2020 = "xiangmu-2020.toml" // 项目支出绩效自评表 (财预〔2020〕10号 附1)
	Blank2020   = "blank-2020.toml"   // an empty 附件2 to fill in
)

// Forms lists the built-in forms' files, the default first.
var Forms = []string{Form2020, Project2020}
