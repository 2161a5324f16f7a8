package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao"
)

// TestEveryMessageTranslated finds each message of the layout and of
// templates (the English format given to T, keyError and specErrorf) in
// the source of render and render/form, and checks that the catalog has
// its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	calls := map[string]int{"T": 0, "keyError": 1, "specErrorf": 1}
	fset := token.NewFileSet()
	for _, dir := range []string{".", "form"} {
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
					if s, _ := strconv.Unquote(lit.Value); s != "%s" && !jixiao.HasChinese(s) {
						t.Errorf("%s: no Chinese for %q", name, s)
					}
				}
				return true
			})
		}
	}
}
