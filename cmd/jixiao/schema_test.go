package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"jixiao"
	"jixiao/render"
)

// structural are the problem codes of a value of the wrong shape: what a
// schema can say (a key missing or unknown, a value of the wrong type or
// out of its set), unlike sums and scores.
var structural = []string{"missing", "unknown-key", "wrong-type", "negative", "bad-kind", "bad-band", "bad-percent", "quoted-number", "empty"}

// TestSchemaAcceptsSamplesRejectsBadFiles validates data files, converted
// from TOML to JSON, against the schema of the form each names: every
// sample passes; every bad file whose problems include a structural one
// fails.
func TestSchemaAcceptsSamplesRejectsBadFiles(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	schemaFor := func(form string) *jsonschema.Schema {
		tpl, _, ok := render.BuiltinForm(form)
		if !ok {
			t.Fatalf("no form %q", form)
		}
		if s := schemas[tpl.Form]; s != nil {
			return s
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaOf(tpl)))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(tpl.Form+".json", doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(tpl.Form + ".json")
		if err != nil {
			t.Fatalf("the schema of %s does not compile: %v", tpl.Form, err)
		}
		schemas[tpl.Form] = s
		return s
	}
	validate := func(path string) (err error, ok bool) {
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		var tree map[string]any
		if _, err := toml.Decode(strings.TrimPrefix(string(data), "\ufeff"), &tree); err != nil {
			return nil, false // not TOML: the editor's parser says so before any schema
		}
		js, err := json.Marshal(tree)
		if err != nil {
			return nil, false // NaN or infinity: JSON has no such number
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		form, _ := tree[jixiao.FormKey].(string)
		if _, _, known := render.BuiltinForm(strings.TrimSpace(form)); !known {
			form = ""
		}
		return schemaFor(form).Validate(inst), true
	}

	samples, _ := filepath.Glob("../../samples/*.toml")
	if len(samples) < 2 {
		t.Fatalf("%d samples", len(samples))
	}
	for _, path := range samples {
		if err, ok := validate(path); !ok || err != nil {
			t.Errorf("%s: the schema refuses a sample: %v", filepath.Base(path), err)
		}
	}

	bad, _ := filepath.Glob("../../testdata/bad/*.toml")
	rejected := 0
	for _, path := range bad {
		data, _ := os.ReadFile(path)
		_, _, problems := newForms(nil).check(filepath.Base(path), data)
		if !slices.ContainsFunc(problems, func(p jixiao.Problem) bool { return slices.Contains(structural, p.Code) }) {
			continue
		}
		err, ok := validate(path)
		if !ok {
			continue
		}
		if err == nil {
			t.Errorf("%s: the schema accepts a file with a structural problem: %v", filepath.Base(path), problems)
		} else {
			rejected++
		}
	}
	if rejected < 10 {
		t.Errorf("the schema rejected %d bad files; want at least 10", rejected)
	}
	t.Logf("rejected %d structurally bad files", rejected)
}
