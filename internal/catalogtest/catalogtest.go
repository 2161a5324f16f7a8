// Package catalogtest finds, in a package's source, the messages it writes
// for people, so that each package's tests can check that every one has
// its Chinese in the catalog. Only tests import it.
package catalogtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Keys returns the messages in the non-test Go files of dirs: the string
// literals passed to the named functions at the given argument indexes,
// and the values of constants named msg…. A format that only arranges
// its arguments ("%s: %s") is no message and is left out.
func Keys(t testing.TB, dirs []string, calls map[string][]int) []string {
	t.Helper()
	var keys []string
	add := func(e ast.Expr) {
		if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, _ := strconv.Unquote(lit.Value); hasWords(s) {
				keys = append(keys, s)
			}
		}
	}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ValueSpec:
					for i, id := range n.Names {
						if strings.HasPrefix(id.Name, "msg") && i < len(n.Values) {
							add(n.Values[i])
						}
					}
				case *ast.CallExpr:
					for _, i := range calls[funcName(n.Fun)] {
						if i < len(n.Args) {
							add(n.Args[i])
						}
					}
				}
				return true
			})
		}
	}
	return keys
}

func funcName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// verbs matches the formatting verbs of a format.
var verbs = regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z%]`)

// hasWords tells a message from a format that only arranges its
// arguments.
func hasWords(format string) bool {
	return strings.ContainsFunc(verbs.ReplaceAllString(format, ""), unicode.IsLetter)
}
