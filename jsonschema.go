package jixiao

import "slices"

// JSONSchema describes the data file of a form as a JSON Schema (draft
// 2020-12), from the same field list the decoder reads: each key with its
// Chinese label as title, its doc as description, its type, and the keys
// a table requires. TOML editors (Taplo, Even Better TOML) use it for
// completion and for checking as one types. title names the form; forms
// are the names form = "…" may give.
//
// It says what the decoder says of a value's shape; what only validation
// knows (sums, scores against weights) it leaves to `jixiao check`.
func (f *Form) JSONSchema(title string, forms []string) map[string]any {
	root := f.objectSchema("")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = title
	props := root["properties"].(map[string]any)
	if form, ok := props[FormKey].(map[string]any); ok && len(forms) > 0 {
		form["enum"] = forms
	}
	return root
}

// objectSchema is the schema of the table at key ("" for the file).
func (f *Form) objectSchema(key string) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, fd := range f.childFields(key) {
		name := lastKey(fd.Key)
		props[name] = f.fieldSchema(fd)
		if fd.Required {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	if key == "indicators.groups" {
		// A group of blank rows only, as paper forms leave, has no items.
		s["required"] = slices.DeleteFunc(required, func(k string) bool { return k == "items" })
		s["anyOf"] = []any{
			map[string]any{"required": []string{"items"}},
			map[string]any{"required": []string{"blank_rows"}, "properties": map[string]any{"blank_rows": map[string]any{"minimum": 1}}},
		}
	}
	return s
}

// fieldSchema is the schema of one key.
func (f *Form) fieldSchema(fd Field) map[string]any {
	var s map[string]any
	switch fd.Kind {
	case KindTable:
		s = f.objectSchema(fd.Key)
	case KindTables:
		s = map[string]any{"type": "array", "items": f.objectSchema(fd.Key)}
		if fd.Required {
			s["minItems"] = 1
		}
	case KindInt:
		s = map[string]any{"type": "integer"}
	case KindAmount, KindPoints:
		// At most two decimals: the decoder says so where it can point at
		// the digits; a schema's multipleOf would misfire on binary floats.
		s = map[string]any{"type": "number", "minimum": 0}
	case KindPercent:
		s = map[string]any{"type": "string", "pattern": `^\s*[0-9０-９.．]+\s*[%％]\s*$`}
	default:
		s = map[string]any{"type": "string"}
		if enum := textEnums[fd.Key]; enum != nil {
			s["enum"] = enum
		} else if fd.Required {
			s["pattern"] = `\S` // not empty: the decoder trims spaces, and asks for the text
		}
	}
	s["title"] = fd.Label
	if fd.Doc != "" {
		s["description"] = fd.Doc
	}
	return s
}

// textEnums are the texts that take one of a few values.
var textEnums = map[string][]string{
	"indicators.groups.items.kind": {KindQuantitative, KindQualitative},
	"indicators.groups.items.band": {"达成", "部分达成", "未达成"},
}
