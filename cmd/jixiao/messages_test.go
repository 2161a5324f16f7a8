package main

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

	"jixiao"
)

// TestEveryMessageTranslated finds each message the command line makes in
// its source (formats given to printf, tr, usageError, Errorf, T, plural;
// flags' usages; commands' summaries and helps) and checks that the
// catalog has its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	keys := messageKeys(t, map[string][]int{
		"printf": {1}, "tr": {0}, "usageError": {1}, "Errorf": {1}, "T": {0}, "plural": {1, 2},
		"BoolVar": {3}, "StringVar": {3}, "IntVar": {3}, "Uint64Var": {3}, "Float64Var": {3}, "DurationVar": {3}, "Var": {2},
	})
	for _, cmd := range commands {
		keys = append(keys, cmd.summary)
		if cmd.help != "" {
			keys = append(keys, strings.TrimSpace(cmd.help))
		}
	}
	keys = append(keys, usageHead, usageTail, explorerHelp)
	for _, m := range flagMessages {
		keys = append(keys, m.format)
	}
	for _, key := range keys {
		if !jixiao.HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
}

// messageKeys returns the string literals passed to the named functions
// at the given argument indexes in the package's non-test Go files.
func messageKeys(t *testing.T, calls map[string][]int) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	var keys []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			// The messages kept as constants msg… (office.go).
			if spec, ok := n.(*ast.ValueSpec); ok {
				for i, name := range spec.Names {
					if strings.HasPrefix(name.Name, "msg") && i < len(spec.Values) {
						if lit, ok := spec.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							keys = append(keys, s)
						}
					}
				}
			}
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
			for _, i := range calls[fn] {
				if i >= len(call.Args) {
					continue
				}
				if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); hasWords(s) {
						keys = append(keys, s)
					}
				}
			}
			return true
		})
	}
	return keys
}

// verbs matches the formatting verbs of a format.
var verbs = regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z%]`)

// hasWords tells a message from a format that only arranges its
// arguments ("%s: %s").
func hasWords(format string) bool {
	return strings.ContainsFunc(verbs.ReplaceAllString(format, ""), unicode.IsLetter)
}

// verb is one formatting verb, with its explicit argument index if any.
var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0-9.]*([a-zA-Z%])`)

// TestTranslationsTakeTheSameArguments checks every Chinese text of every
// package against its English key: the same verbs in the same order, or,
// reordered with explicit indexes, each taking an argument the English
// has with the same verb. A mismatch would print %!d(string=…) to an
// officer.
func TestTranslationsTakeTheSameArguments(t *testing.T) {
	n := 0
	for en, zh := range jixiao.ChineseTexts() {
		n++
		var args []string // the English's verbs, by argument
		for _, m := range verb.FindAllStringSubmatch(en, -1) {
			if m[3] != "%" {
				args = append(args, m[3])
			}
		}
		var plain []string
		next := 0
		for _, m := range verb.FindAllStringSubmatch(zh, -1) {
			if m[3] == "%" {
				continue
			}
			i := next
			if m[2] != "" {
				i, _ = strconv.Atoi(m[2])
				i--
			}
			next = i + 1
			if i >= len(args) && !strings.Contains(en, "%[") {
				t.Errorf("%q → %q: argument %d, of %d", en, zh, i+1, len(args))
				continue
			}
			if i < len(args) && args[i] != m[3] {
				t.Errorf("%q → %q: argument %d is %%%s in English, %%%s in Chinese", en, zh, i+1, args[i], m[3])
			}
			if m[2] == "" {
				plain = append(plain, m[3])
			}
		}
		if !strings.Contains(zh, "%[") && len(plain) != len(args) {
			t.Errorf("%q → %q: %d verbs in English, %d in Chinese", en, zh, len(args), len(plain))
		}
	}
	t.Logf("%d texts", n)
	if n < 300 {
		t.Errorf("%d texts in the catalog; every package's should be registered", n)
	}
}
