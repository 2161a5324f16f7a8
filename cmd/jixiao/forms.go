package main

import (
	"fmt"
	"strings"
	"sync"

	"jixiao"
	"jixiao/render"
	"jixiao/templates"
)

// forms picks the form each data file is checked and laid out with: the
// template of --template FILE when given, else the built-in form the file
// names in form = "…" (the default when it names none). Each form's engine
// loads its fonts on first use. It is safe for concurrent use.
type forms struct {
	override *render.Template // --template FILE; nil for the built-in forms

	mu        sync.Mutex
	templates map[string]*render.Template // built-in forms by the name data files give
	engines   map[*render.Template]*render.Engine
}

func newForms(override *render.Template) *forms {
	return &forms{override: override, templates: map[string]*render.Template{}, engines: map[*render.Template]*render.Engine{}}
}

// template returns the built-in form of a name a data file gives.
func (f *forms) template(name string) (*render.Template, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if tpl, ok := f.templates[name]; ok {
		return tpl, nil
	}
	tpl, _, ok := render.BuiltinForm(name)
	if !ok {
		var names []string
		for _, t := range render.BuiltinForms() {
			names = append(names, fmt.Sprintf("%q", t.Form))
		}
		return nil, jixiao.Errorf("unknown-form", "%q is not a built-in form; expected %s (see jixiao template --list), or give --template FILE",
			name, strings.Join(names, " or "))
	}
	f.templates[name] = tpl
	return tpl, nil
}

// engine returns the engine of a form, loading its fonts the first time.
func (f *forms) engine(tpl *render.Template) (*render.Engine, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if e, ok := f.engines[tpl]; ok {
		return e, nil
	}
	e, err := render.NewEngine(tpl)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", tpl.Name, err)
	}
	f.engines[tpl] = e
	return e, nil
}

// check decodes, scores and validates a data file by its form, and
// returns that form; nil when the file could not be read as far as its
// form (its problems say why).
func (f *forms) check(path string, data []byte) (*render.Template, *jixiao.Scored, jixiao.Problems) {
	if f.override != nil {
		s, problems := jixiao.Check(path, data, f.override.Domain())
		return f.override, s, problems
	}
	var tpl *render.Template
	s, problems := jixiao.CheckNamed(path, data, func(name string) (*jixiao.Form, error) {
		t, err := f.template(name)
		if err != nil {
			return nil, err
		}
		tpl = t
		return t.Domain(), nil
	})
	return tpl, s, problems
}

// leadingForm takes the name of a built-in form off the front of args, as
// `template [NAME] [FILE]` and `schema [NAME] [FILE]` take it: the form
// (the default one when args name none), its template file, and the
// arguments left. ok is false when the first of two arguments is no form.
func leadingForm(args []string) (tpl *render.Template, file string, rest []string, ok bool) {
	if len(args) > 0 {
		if t, f, found := render.BuiltinForm(args[0]); found {
			return t, f, args[1:], true
		}
		if len(args) > 1 {
			return nil, "", args, false
		}
	}
	return render.DefaultTemplate(), templates.Form2020, args, true
}
