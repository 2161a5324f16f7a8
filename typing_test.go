package jixiao

import (
	"fmt"
	"strings"
	"testing"
)

// TestTypingMistakesNoFalseAlarms: one mistake typed into the real sample —
// whose texts hold “” quotes, ：, ， and multi-line strings — is the only
// problem reported, at its place.
func TestTypingMistakesNoFalseAlarms(t *testing.T) {
	sample := readFile(t, "samples/yiyang-2020.toml")
	for _, tc := range []struct{ from, to, want string }{
		{"year = 2020", "year ＝ 2020", "sample.toml:%d:6: error: TOML syntax: ＝ is a full-width character; type = between a key and its value"},
		{"annual_budget = 7167.12", "annual_budget = 7,167.12", "sample.toml:%d:17: error: TOML syntax: 7,167.12 has thousands separators; write the number without them: 7167.12"},
		{`department = "益阳市工业和信息化局"`, `department = "益阳市工业和信息化局`, `sample.toml:%d:14: error: TOML syntax: this string has no closing quote; end it with " on the same line (or use """ for text over several lines)`},
	} {
		if !strings.Contains(sample, tc.from) {
			t.Fatalf("the sample has no %q", tc.from)
		}
		line := strings.Count(sample[:strings.Index(sample, tc.from)], "\n") + 1
		_, problems := Check("sample.toml", []byte(strings.Replace(sample, tc.from, tc.to, 1)), form2020)
		var got []string
		for _, p := range problems {
			got = append(got, p.String())
		}
		want := fmt.Sprintf(tc.want, line)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.to, got, want)
		}
	}
}
