package main

import (
	"golang.org/x/sys/windows"
)

var procGetUserDefaultUILanguage = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")

// primaryLangChinese is LANG_CHINESE, the primary language of every
// Chinese LANGID (zh-CN 0x0804, zh-TW 0x0404, zh-HK 0x0C04, ...).
const primaryLangChinese = 0x04

// On Windows the environment rarely names a language: the user's display
// language does. Its name (zh-CN) first; its LANGID when that fails.
func init() {
	systemLanguage = func() string {
		if langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME); err == nil && len(langs) > 0 {
			return langs[0]
		}
		if id, _, _ := procGetUserDefaultUILanguage.Call(); id != 0 {
			if id&0x3FF == primaryLangChinese {
				return "zh"
			}
			return "en"
		}
		return ""
	}
}
