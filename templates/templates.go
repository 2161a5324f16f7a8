// Package templates holds the official forms as data files, embedded in
// the program: each form's spec and looks (`jixiao init` writes a blank
// form from the spec).
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
)

// Forms lists the built-in forms' files, the default first.
var Forms = []string{Form2020, Project2020}
