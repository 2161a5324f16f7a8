package jixiao

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// TestEveryMessageTranslated finds each message the package makes (the
// English format given to T, Errorf and the reporters) in its source, and
// checks that the catalog has its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	for _, key := range MessageKeys(t, ".", map[string]int{"T": 0, "Errorf": 1, "errorf": 2, "warnf": 2, "add": 3, "mistake": 4, "addAt": 4, "fileProblem": 2, "formErrorf": 1}) {
		if !HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
}

// MessageKeys returns the string literals passed to the named functions at
// the given argument index in the non-test Go files of dir.
func MessageKeys(t *testing.T, dir string, calls map[string]int) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var keys []string
	fset := token.NewFileSet()
	for _, name := range files {
		if filepath.Ext(name) != ".go" || len(name) > 8 && name[len(name)-8:] == "_test.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.Ident:
				fn = f.Name
			case *ast.SelectorExpr:
				fn = f.Sel.Name
			}
			i, ok := calls[fn]
			if !ok || i >= len(call.Args) {
				return true
			}
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				if s != "" && s != "%s" {
					keys = append(keys, s)
				}
			}
			return true
		})
	}
	return keys
}

// TestTablesOfWordsTranslated covers the messages that are data, not
// calls: the parser's messages, the full-width characters' roles, the
// names of invisible characters.
func TestTablesOfWordsTranslated(t *testing.T) {
	var keys []string
	for _, m := range parserMessages() {
		keys = append(keys, m.format)
	}
	for _, fw := range fullWidth {
		keys = append(keys, fw.role.Format)
	}
	for _, name := range invisibleNames {
		keys = append(keys, name)
	}
	keys = append(keys, "variation selector", "a control character", "an invisible format character",
		"一级指标 分值", "预算执行率 分值 and 一级指标 分值", "%s, printed as %s")
	for _, key := range keys {
		if !HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
}
