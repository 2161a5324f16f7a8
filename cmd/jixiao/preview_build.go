package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"jixiao"
	"jixiao/cmd/jixiao/internal/preview"
	"jixiao/fonts"
	"jixiao/render"
)

// previewBuilder reads the preview's files afresh at each build. It keeps
// the last engine while the template and its font files stay the same: a
// font file takes longer to load than the whole form to lay out.
type previewBuilder struct {
	data, template string // template "" is the built-in one

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
	data, err := os.ReadFile(b.data)
	if err != nil {
		p := jixiao.Problem{File: b.data, Severity: jixiao.Error, Message: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
		return preview.Build{Problems: jixiao.Problems{p}, Watch: watch}
	}
	doc, _, problems := r.layout(b.data, data)
	return preview.Build{Engine: r.engine, Doc: doc, Problems: problems, Watch: watch}
}

// renderer returns the engine of the template as it is now on disk, and
// the font files it loads. A template that cannot be read, parsed or
// loaded gives a nil renderer and a problem located in the template.
func (b *previewBuilder) renderer() (*renderer, []string, jixiao.Problems) {
	if b.template == "" {
		if b.r == nil {
			r, err := newRenderer("")
			if err != nil {
				return nil, nil, jixiao.Problems{{File: "built-in template", Severity: jixiao.Error, Message: err.Error()}}
			}
			b.r = r
		}
		return b.r, nil, nil
	}
	src, err := os.ReadFile(b.template)
	if err != nil {
		return nil, nil, jixiao.Problems{{File: b.template, Severity: jixiao.Error,
			Message: fmt.Sprintf("cannot read the template: %v", unwrapPathError(err))}}
	}
	tpl, err := render.ParseTemplate(b.template, src)
	if err != nil {
		return nil, nil, jixiao.Problems{templateProblem(b.template, src, err)}
	}
	files := fontFiles(tpl)
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
		return nil, nil, jixiao.Problems{templateProblem(b.template, src, err)}
	}
	b.r, b.key = &renderer{engine: e}, key
	return b.r, files, nil
}

// fontFiles are the files a template's fonts are loaded from, resolved as
// render.NewEngine does.
func fontFiles(tpl *render.Template) []string {
	var out []string
	for _, src := range tpl.Fonts {
		if slices.Contains(fonts.BuiltinNames(), src) {
			continue
		}
		if !filepath.IsAbs(src) {
			src = filepath.Join(tpl.Dir, src)
		}
		out = append(out, src)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The messages of render.ParseTemplate and NewEngine, after the file
// name: "LINE:COL: message" for syntax, "unknown key "a.b"", "key.path[i]:
// message" or "key.path message" for a value out of range, "fonts.KEY:
// message" for a font.
var (
	tplPosRe     = regexp.MustCompile(`^(\d+):(\d+): `)
	tplUnknownRe = regexp.MustCompile(`^unknown key "([^"]+)"`)
	tplKeyRe     = regexp.MustCompile(`^([a-z_][a-z0-9_.\[\]-]*)[: ]`)
	tplIndexRe   = regexp.MustCompile(`\[\d+\]`)
)

// templateProblem places a template error at its line, so that the
// preview shows it as check shows a data error.
func templateProblem(name string, src []byte, err error) jixiao.Problem {
	p := jixiao.Problem{File: name, Severity: jixiao.Error}
	msg := strings.TrimPrefix(err.Error(), name+":")
	msg = strings.TrimPrefix(msg, " ")
	if m := tplPosRe.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &p.Pos.Line)
		fmt.Sscan(m[2], &p.Pos.Col)
		msg = msg[len(m[0]):]
	} else if m := tplUnknownRe.FindStringSubmatch(msg); m != nil {
		p.Pos = keyPos(src, m[1])
	} else if m := tplKeyRe.FindStringSubmatch(msg); m != nil {
		p.Pos = keyPos(src, m[1])
	}
	p.Message = "template: " + msg
	return p
}

// keyPos finds where a dotted key such as table.columns[3] or
// styles.title is set in a template: the line of "columns =" under
// [table], or the line of [styles.title]. Zero when not found.
func keyPos(src []byte, path string) jixiao.Pos {
	path = tplIndexRe.ReplaceAllString(path, "")
	table, key := "", path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		table, key = path[:i], path[i+1:]
	}
	current := ""
	for i, line := range bytes.Split(src, []byte("\n")) {
		s := strings.TrimSpace(string(line))
		if strings.HasPrefix(s, "[") {
			current = strings.Trim(strings.TrimSpace(strings.SplitN(s, "#", 2)[0]), "[]")
			if current == path {
				return jixiao.Pos{Line: i + 1, Col: 1}
			}
			continue
		}
		name, _, ok := strings.Cut(s, "=")
		if ok && current == table && strings.TrimSpace(name) == key {
			return jixiao.Pos{Line: i + 1, Col: 1 + len(line) - len(bytes.TrimLeft(line, " \t"))}
		}
	}
	return jixiao.Pos{}
}
