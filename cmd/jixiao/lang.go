package main

import (
	"os"
	"strings"

	"golang.org/x/text/language"

	"jixiao"
)

// langEnv overrides the system's language: zh or en.
const langEnv = "JIXIAO_LANG"

// chooseLanguage decides the language of messages: --lang, then
// JIXIAO_LANG, then the POSIX locale (LC_ALL, LC_MESSAGES, LANG: the first
// set one), then the system's own setting (the user's UI language on
// Windows; AppleLanguages on macOS when LANG is unset). Chinese when the
// choice starts with zh, English otherwise.
func chooseLanguage(flag string, getenv func(string) string, system func() string) language.Tag {
	for _, v := range []string{flag, getenv(langEnv), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG")} {
		if v != "" {
			return languageOf(v)
		}
	}
	if system != nil {
		return languageOf(system())
	}
	return jixiao.English
}

// languageOf reads a locale name: zh_CN.UTF-8, zh-Hans, zh, en_US, C.
func languageOf(locale string) language.Tag {
	if l := strings.ToLower(strings.TrimSpace(locale)); l == "zh" || strings.HasPrefix(l, "zh_") || strings.HasPrefix(l, "zh-") || strings.HasPrefix(l, "zh.") {
		return jixiao.Chinese
	}
	return jixiao.English
}

// validLangFlag reports whether v is a value --lang and JIXIAO_LANG accept.
func validLangFlag(v string) bool {
	switch strings.ToLower(v) {
	case "zh", "en":
		return true
	}
	return false
}

// extractLangFlag takes the global --lang VALUE (or --lang=VALUE, -lang)
// out of a command line, wherever it stands before "--".
func extractLangFlag(args []string) (rest []string, value string, found bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), value, found
		}
		name, v, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			rest = append(rest, a)
			continue
		}
		found = true
		if !hasValue && i+1 < len(args) {
			i++
			v = args[i]
		}
		value = v
	}
	return rest, value, found
}

// systemLanguage is the operating system's own language setting, beyond
// the environment; see lang_windows.go and lang_darwin.go.
var systemLanguage = func() string { return "" }

// environmentLanguage is the language of this process's environment.
func environmentLanguage(flag string) language.Tag {
	return chooseLanguage(flag, os.Getenv, systemLanguage)
}
