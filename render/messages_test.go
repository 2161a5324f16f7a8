package render

import (
	"testing"

	"jixiao"
	"jixiao/internal/catalogtest"
)

// TestEveryMessageTranslated finds each message of the layout and of
// templates (the English format given to T, keyError and specErrorf) in
// the source of render and render/form, and checks that the catalog has
// its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	calls := map[string][]int{"T": {0}, "keyError": {1}, "specErrorf": {1}}
	for _, key := range catalogtest.Keys(t, []string{".", "form"}, calls) {
		if !jixiao.HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
}
