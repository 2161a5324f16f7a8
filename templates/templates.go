// Package templates holds the fixed parts of the official forms as data
// files, embedded in the program: the layout and rules of 附件2, and the
// blank form `jixiao init` writes.
package templates

import "embed"

// FS holds the template files.
//
//go:embed *.toml
var FS embed.FS

// The files in FS.
const (
	Form2020  = "fujian2-2020.toml" // the layout and rules of 附件2 (2020)
	Blank2020 = "blank-2020.toml"   // an empty form to fill in
)
