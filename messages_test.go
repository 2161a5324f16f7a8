package jixiao

import (
	"testing"

	"jixiao/internal/catalogtest"
)

// TestEveryMessageTranslated finds each message the package makes (the
// English format given to T, Errorf and the reporters) in its source, and
// checks that the catalog has its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	calls := map[string][]int{"T": {0}, "Errorf": {1}, "errorf": {2}, "warnf": {2}, "add": {3}, "mistake": {4}, "addAt": {4}, "fileProblem": {2}, "formErrorf": {1}}
	for _, key := range catalogtest.Keys(t, []string{"."}, calls) {
		if !HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
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
