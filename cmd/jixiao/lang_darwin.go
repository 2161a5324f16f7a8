package main

import (
	"os"
	"os/exec"
	"strings"
)

// On macOS a program started from Finder or a fresh Terminal may have no
// LANG; the user's language is then the first of AppleLanguages, or
// AppleLocale.
func init() {
	systemLanguage = func() string {
		if os.Getenv("LANG") != "" {
			return ""
		}
		for _, key := range []string{"AppleLanguages", "AppleLocale"} {
			out, err := exec.Command("defaults", "read", "-g", key).Output()
			if err != nil {
				continue
			}
			// AppleLanguages prints a list: ( "zh-Hans-CN", "en-CN" ).
			for _, f := range strings.FieldsFunc(string(out), func(r rune) bool { return strings.ContainsRune("()\",\n\t ", r) }) {
				return f
			}
		}
		return ""
	}
}
