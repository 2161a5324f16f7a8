package main

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"jixiao"
)

// envOf is an environment holding only vars.
func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestChooseLanguage(t *testing.T) {
	zh, en := jixiao.Chinese, jixiao.English
	for _, c := range []struct {
		flag   string
		env    map[string]string
		system string
		want   language.Tag
	}{
		{"", nil, "", en},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, "", zh},
		{"", map[string]string{"LANG": "zh_TW.Big5"}, "", zh},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, "zh-CN", en},
		{"", map[string]string{"LANG": "C"}, "", en},
		{"", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "", zh},
		{"", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "", en},
		{"", map[string]string{"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, "", zh},
		{"", map[string]string{"JIXIAO_LANG": "en", "LANG": "zh_CN.UTF-8"}, "", en},
		{"zh", map[string]string{"JIXIAO_LANG": "en"}, "", zh},
		{"en", map[string]string{"LANG": "zh_CN.UTF-8"}, "", en},
		{"", nil, "zh-Hans-CN", zh}, // macOS AppleLanguages, Windows zh-CN
		{"", nil, "en-GB", en},
		{"", map[string]string{"LANG": "zhx"}, "", en},
	} {
		got := chooseLanguage(c.flag, envOf(c.env), func() string { return c.system })
		if got != c.want {
			t.Errorf("--lang %q, env %v, system %q: %v, want %v", c.flag, c.env, c.system, got, c.want)
		}
	}
}

func TestLangFlagAnywhere(t *testing.T) {
	for _, args := range [][]string{
		{"--lang", "zh", "check"},
		{"check", "--lang=zh"},
		{"check", "-lang", "zh"},
	} {
		code, _, errs := run(t, args...)
		if code != exitUsage || !strings.Contains(errs, "没有给出要检查的文件") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs := run(t, "check", "--lang", "fr")
	if code != exitUsage || !strings.Contains(errs, `--lang "fr"`) {
		t.Errorf("--lang fr: exit %d, stderr %q", code, errs)
	}
	// After --, --lang is a file name.
	rest, _, found := extractLangFlag([]string{"check", "--", "--lang"})
	if found || len(rest) != 3 {
		t.Errorf("after --: %v, found %v", rest, found)
	}
}

// TestLangFlagBeatsTheEnvironment runs as main does: launchMain, then main,
// both choosing; --lang holds over LANG through both.
func TestLangFlagBeatsTheEnvironment(t *testing.T) {
	var out, errs strings.Builder
	c := &cli{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), env: envOf(map[string]string{"LANG": "C"})}
	if code := c.launchMain([]string{"check", "--lang", "zh"}, false); code != exitUsage || !strings.Contains(errs.String(), "没有给出要检查的文件") {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}
