package form

import "strings"

// A pattern is a cell's text with {key} placeholders for values, and
// optional parts in [ … ] that are left out when a value in them is empty:
// "{name}[（{weight}分）]" prints 产出指标（50分）, or 产出指标 when no weight
// is given.

// expand fills a pattern's placeholders with value(key).
func expand(pattern string, value func(key string) string) string {
	var out strings.Builder
	for len(pattern) > 0 {
		open := strings.IndexByte(pattern, '[')
		if open < 0 {
			out.WriteString(fill(pattern, value))
			break
		}
		out.WriteString(fill(pattern[:open], value))
		rest := pattern[open+1:]
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			out.WriteString(fill(pattern[open:], value))
			break
		}
		part := rest[:end]
		if !anyEmpty(part, value) {
			out.WriteString(fill(part, value))
		}
		pattern = rest[end+1:]
	}
	return out.String()
}

// fill replaces every {key} of s.
func fill(s string, value func(string) string) string {
	var out strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		end := strings.IndexByte(s[max(open, 0):], '}') + max(open, 0)
		if open < 0 || end < open {
			out.WriteString(s)
			return out.String()
		}
		out.WriteString(s[:open])
		out.WriteString(value(s[open+1 : end]))
		s = s[end+1:]
	}
}

func anyEmpty(s string, value func(string) string) bool {
	for _, k := range placeholders(s) {
		if value(k) == "" {
			return true
		}
	}
	return false
}

// placeholders lists the keys a pattern refers to, in order.
func placeholders(s string) []string {
	var keys []string
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return keys
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return keys
		}
		keys = append(keys, s[open+1:open+end])
		s = s[open+end+1:]
	}
}
