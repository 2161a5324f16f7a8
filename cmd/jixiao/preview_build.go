package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"jixiao"
	"jixiao/cmd/jixiao/internal/preview"
	"jixiao/render"
)

// previewBuilder reads the preview's files afresh at each build. It keeps
// the last engine while the template and its font files stay the same: a
// font file takes longer to load than the whole form to lay out.
type previewBuilder struct {
	data, template string          // template "" is the built-in one
	stop           context.Context // ends reads when the preview stops; nil: never

	key string    // what the cached engine was made from
	r   *renderer // the cached engine
}

func (b *previewBuilder) build() preview.Build {
	watch := []string{b.data}
	if b.template != "" {
		watch = append(watch, b.template)
	}
	r, fontFiles, problems := b.renderer()
	if r == nil {
		// The template names no fonts we can trust: keep watching the
		// ones of the last good template.
		return preview.Build{Problems: problems}
	}
	watch = append(watch, fontFiles...)
	data, im, problems := r.readInput(b.ctx(), nil, b.data)
	if problems != nil {
		return preview.Build{Problems: problems, Watch: watch}
	}
	e, doc, s, problems := r.layout(b.data, data)
	draft := false
	if doc == nil && e != nil && s != nil {
		doc = draftLayout(e, s, b.data, problems)
		draft = doc != nil
	}
	return preview.Build{Doc: doc, Problems: im.locate(problems), Watch: watch, Draft: draft}
}

func (b *previewBuilder) ctx() context.Context {
	if b.stop == nil {
		return context.Background()
	}
	return b.stop
}

// renderer returns the engine of the template as it is now on disk, and
// the font files it loads. A template that cannot be read, parsed or
// loaded gives a nil renderer and a problem located in the template.
func (b *previewBuilder) renderer() (*renderer, []string, jixiao.Problems) {
	if b.template == "" {
		if b.r == nil {
			r, err := newRenderer("")
			if err != nil {
				return nil, nil, jixiao.Problems{problemOf("built-in template", "template", err)}
			}
			b.r = r
		}
		return b.r, nil, nil
	}
	src, err := readTemplate(b.ctx(), b.template)
	if err != nil {
		return nil, nil, jixiao.Problems{jixiao.NewProblem(b.template, jixiao.Pos{}, jixiao.Error, "cannot-read",
			jixiao.T("cannot read the template: %s", errText(unwrapPathError(err))))}
	}
	tpl, err := render.ParseTemplate(b.template, src)
	if err != nil {
		return nil, nil, jixiao.Problems{templateProblem(b.template, err)}
	}
	files := tpl.FontFiles()
	key := string(src)
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			key += fmt.Sprintf("\x00%s %d %d", f, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	if b.r != nil && key == b.key {
		return b.r, files, nil
	}
	e, err := render.NewEngine(tpl)
	if err != nil {
		return nil, nil, jixiao.Problems{templateProblem(b.template, err)}
	}
	b.r, b.key = &renderer{engine: e}, key // no templateDigest: the preview writes no stamps
	return b.r, files, nil
}

// templateProblem shows a template error as check shows a data error,
// at its line.
func templateProblem(name string, err error) jixiao.Problem {
	msg := jixiao.T("template: %s", errText(err))
	var pos jixiao.Pos
	if te, ok := errors.AsType[*render.TemplateError](err); ok {
		pos, msg = te.Pos, jixiao.T("template: %s", te.Unplaced())
	}
	return jixiao.NewProblem(name, pos, jixiao.Error, "template", msg)
}
