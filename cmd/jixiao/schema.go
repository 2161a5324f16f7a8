package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"

	"jixiao/cmd/jixiao/internal/atomicfile"
	"jixiao/render"
)

var schemaCommand = &command{
	name: "schema", args: "[FORM] [FILE]", summary: "write the JSON Schema of a form's data file, for TOML editors",
	help: schemaHelp,
	run: func(c *cli, cmd *command, args []string) int {
		files, force, code, done := parseWriteFlags(c, cmd, args, func(*flag.FlagSet) {})
		if done {
			return code
		}
		tpl, _, files, ok := leadingForm(files)
		if !ok {
			return c.usageError(cmd, msgNotBuiltinArg, files[0])
		}
		return writeOut(c, cmd, files, schemaOf(tpl), force)
	},
}

// schemaOf is the JSON Schema of a form's data file, as written.
func schemaOf(tpl *render.Template) []byte {
	data, err := json.MarshalIndent(tpl.Domain().JSONSchema(tpl.Name, []string{tpl.Form}), "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and lists
	}
	return append(data, '\n')
}

// schemaFile is the name of a form's schema beside its data files:
// jixiao.schema.json for the default form, jixiao.NAME.schema.json for
// another, NAME being its template's file name (ASCII, so that every
// editor resolves the path).
func schemaFile(tpl *render.Template) string {
	if tpl.Form == render.DefaultTemplate().Form {
		return "jixiao.schema.json"
	}
	_, file, _ := render.BuiltinForm(tpl.Form)
	return "jixiao." + strings.TrimSuffix(file, filepath.Ext(file)) + ".schema.json"
}

// schemaLine is the comment that points TOML editors at the schema.
func schemaLine(tpl *render.Template) string { return "#:schema ./" + schemaFile(tpl) + "\n" }

// writeSchemaBeside writes a form's schema into the folder of the data
// file path, where its #:schema line finds it; an up-to-date one is kept.
func writeSchemaBeside(path string, tpl *render.Template) error {
	target := filepath.Join(filepath.Dir(path), schemaFile(tpl))
	data := schemaOf(tpl)
	if old, err := os.ReadFile(target); err == nil && string(old) == string(data) {
		return nil
	}
	return atomicfile.Write(target, data)
}

// schemaHelp is the help of the command; its Chinese is in messages_zh.go.
const schemaHelp = `Writes a JSON Schema of the data file of the form FORM (the default
without FORM) to FILE, or stdout: every key with its Chinese label as
title, its type, the values it may take and the keys each table requires,
from the same field list check reads. TOML editors that know schemas
(Taplo, Even Better TOML in VS Code) then complete keys and mark mistakes
as one types. 'jixiao init FILE' writes it beside FILE, and the line
#:schema ./jixiao.schema.json that points the editor at it; run schema
after updating jixiao to refresh a folder's copy.

Examples:
  jixiao schema jixiao.schema.json
  jixiao schema 项目支出-2020 jixiao.xiangmu-2020.schema.json`
