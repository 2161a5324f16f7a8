package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jixiao"
	"jixiao/internal/catalogtest"
)

// TestEveryMessageTranslated finds each message the command line makes in
// its source (formats given to printf, tr, usageError, Errorf, T, plural;
// flags' usages; commands' summaries and helps) and checks that the
// catalog has its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	keys := catalogtest.Keys(t, []string{"."}, map[string][]int{
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
