package formread

import (
	"testing"

	"jixiao"
	"jixiao/internal/catalogtest"
)

// TestEveryMessageTranslated: each problem the import reports (its msg…
// constants and the formats given to problem) has its Chinese.
func TestEveryMessageTranslated(t *testing.T) {
	for _, key := range catalogtest.Keys(t, []string{"."}, map[string][]int{"problem": {2}}) {
		if !jixiao.HasChinese(key) {
			t.Errorf("no Chinese for %q", key)
		}
	}
}
