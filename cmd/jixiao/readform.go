package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"syscall"

	"jixiao"
	"jixiao/render/tablefile"
)

// errNotRegular refuses devices, FIFOs and sockets: /dev/zero never ends,
// and a FIFO without a writer never answers.
var errNotRegular = jixiao.Errorf("not-regular", "not a regular file (a device, FIFO or socket)")

// readForm reads a form: path, or stdin when path is "-". It reads at
// most jixiao.MaxFileSize+1 bytes, so that a file too big is refused by
// the check without being read whole, refuses what is not a regular file,
// and gives up when ctx ends (Ctrl-C), even while a read blocks. Every
// command reads its forms through it.
func readForm(ctx context.Context, stdin io.Reader, path string) ([]byte, error) {
	if path == "-" {
		if stdin == nil {
			return nil, jixiao.Errorf("no-stdin", "no stdin")
		}
		return readAtMost(ctx, stdin, jixiao.MaxFileSize+1)
	}
	return readRegular(ctx, path, jixiao.MaxFileSize+1)
}

// readOffice reads a spreadsheet or Word form as readForm reads a data
// file: a regular file only, interruptible, and at most one byte more
// than tablefile accepts, so that a file too big is refused without being
// read whole. Such a file may be larger than a data file: its limits are
// tablefile's.
func readOffice(ctx context.Context, path string) ([]byte, error) {
	return readRegular(ctx, path, tablefile.DefaultFileBytes+1)
}

// maxTemplateSize bounds a template file; the built-in one is 10 kB.
const maxTemplateSize = 1 << 20

// readTemplate reads a template file as readForm reads a form.
func readTemplate(ctx context.Context, path string) ([]byte, error) {
	data, err := readRegular(ctx, path, maxTemplateSize+1)
	if err == nil && len(data) > maxTemplateSize {
		return nil, jixiao.Errorf("file-too-large", "%s is more than %d MB; a template is a few kilobytes", path, maxTemplateSize>>20)
	}
	return data, err
}

// readRegular reads at most limit bytes of the regular file path.
func readRegular(ctx context.Context, path string, limit int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO waits for a writer without it. It changes
	// nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		if info.IsDir() {
			return nil, jixiao.Errorf("is-folder", "is a folder")
		}
		return nil, errNotRegular
	}
	return readAtMost(ctx, f, limit)
}

// readAtMost reads r to its end or to limit bytes, in a goroutine, so
// that a cancelled ctx returns at once; the read left behind ends with
// the process.
func readAtMost(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, limit))
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("interrupted: %w", context.Cause(ctx))
	}
}
