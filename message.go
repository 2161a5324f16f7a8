package jixiao

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The languages the program speaks. English texts are the keys of the
// message catalogs; each package registers its Chinese translations in
// its messages_zh.go.
var (
	English = language.English
	Chinese = language.Chinese
)

// Text is a message not yet put into words: its English format, which is
// its key in the catalog, and its arguments. It is made into the reader's
// language only when printed, so that one problem can be shown in either.
type Text struct {
	Format string
	Args   []any
}

// T makes a Text.
func T(format string, args ...any) Text { return Text{Format: format, Args: args} }

// In puts the text into words in lang. Arguments that are Texts are put
// into words first; numbers are written as they are, without the
// thousands separators the catalog's printer would add (a year is 2021,
// a line 1024).
func (t Text) In(lang language.Tag) string {
	if lang != English {
		loadCatalog()
	}
	if len(t.Args) == 0 {
		return message.NewPrinter(lang).Sprintf(t.Format)
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		switch a := a.(type) {
		case Text:
			args[i] = a.In(lang)
		case int, int64, int32, uint8, uint16, uint32, uint64, uint, float64, float32:
			args[i] = plain{a}
		default:
			args[i] = a
		}
	}
	return message.NewPrinter(lang).Sprintf(t.Format, args...)
}

// String is the text in English.
func (t Text) String() string { return t.In(English) }

// Sprintf formats in lang through the catalog, as Text.In does.
func Sprintf(lang language.Tag, format string, args ...any) string {
	return Text{format, args}.In(lang)
}

// plain formats a number as package fmt does.
type plain struct{ v any }

func (p plain) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), p.v) }

// zhKeys are the English keys that have a Chinese text, with it.
var zhKeys = map[string]string{}

// RegisterChinese adds Chinese translations to the catalog: pairs of
// English key and Chinese text. Each package calls it once, from its
// messages_zh.go, at init.
func RegisterChinese(pairs ...string) {
	if len(pairs)%2 != 0 {
		panic("RegisterChinese: odd number of texts")
	}
	for i := 0; i < len(pairs); i += 2 {
		if was, ok := zhKeys[pairs[i]]; ok && was != pairs[i+1] {
			panic("RegisterChinese: two texts for " + pairs[i])
		}
		zhKeys[pairs[i]] = pairs[i+1]
		if catalogLoaded {
			setChinese(pairs[i], pairs[i+1])
		}
	}
}

// The catalog is filled when a Chinese text is first needed: a run in
// English never pays for it, and one in Chinese pays a fraction of a
// millisecond once.
var (
	catalogOnce   sync.Once
	catalogLoaded bool
)

func loadCatalog() {
	catalogOnce.Do(func() {
		for en, zh := range zhKeys {
			setChinese(en, zh)
		}
		catalogLoaded = true
	})
}

func setChinese(en, zh string) {
	if err := message.SetString(Chinese, en, zh); err != nil {
		panic(err) // the catalog is fixed at build time
	}
}

// HasChinese reports whether the catalog has a Chinese text for the
// English key, for tests that every message is translated.
func HasChinese(key string) bool { _, ok := zhKeys[key]; return ok }

// ChineseTexts is every pair of English key and Chinese text registered,
// for tests of the catalog.
func ChineseTexts() iter.Seq2[string, string] { return maps.All(zhKeys) }

// ChineseOf is the catalog's Chinese for a fixed text (a help text, not a
// format), or the text itself when there is none.
func ChineseOf(english string) string {
	if zh, ok := zhKeys[english]; ok {
		return zh
	}
	return english
}

// Texter is an error whose message the catalog can put into words.
type Texter interface{ MessageText() Text }

// TextError is an error whose message the catalog puts into words, with
// the code of the problem it makes.
type TextError struct {
	Code string
	Text Text
}

func (e *TextError) Error() string { return e.Text.String() }

// MessageText is the error's message before it is put into words.
func (e *TextError) MessageText() Text { return e.Text }

// Errorf makes a TextError.
func Errorf(code, format string, args ...any) error {
	return &TextError{Code: code, Text: T(format, args...)}
}

// TextOf is err's message as a Text, and its code: a TextError's own
// (wrapped or not), else the error's English as it is, under fallback.
func TextOf(err error, fallback string) (string, Text) {
	if te, ok := errors.AsType[*TextError](err); ok {
		return te.Code, te.Text
	}
	var tx Texter
	if errors.As(err, &tx) {
		return fallback, tx.MessageText()
	}
	return fallback, T("%s", err.Error())
}

// TOMLMessage is a message of the TOML parser as a Text the catalog
// translates, for every file jixiao reads: data files and templates.
func TOMLMessage(msg string) Text { return parserText(msg) }

// joinTexts lists texts, separated by the language's list separator.
func joinTexts(ts []Text) Text {
	if len(ts) == 0 {
		return T("")
	}
	out := ts[0]
	for _, t := range ts[1:] {
		out = T("%s, %s", out, t)
	}
	return out
}
