package preview

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/fsnotify/fsnotify"
)

// Watcher calls changed when one of a set of files is written, created,
// renamed or removed. It watches the files' folders and filters by name,
// not the files themselves: editors that save by writing a new file and
// renaming it over the old one (vim, VS Code, sed -i) replace the file,
// and a watch on the old one would go deaf after the first save.
type Watcher struct {
	fs      *fsnotify.Watcher
	changed func(name string)
	failed  func(error)
	done    chan struct{}

	mu    sync.Mutex
	files map[string]bool // absolute, cleaned
	dirs  map[string]bool // the folders watched
}

// NewWatcher starts a watcher on no files; Set gives it some. failed
// receives the errors the system reports while watching (an overflowing
// event queue, say); both callbacks run on the watcher's goroutine.
func NewWatcher(changed func(name string), failed func(error)) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching files: %w", err)
	}
	w := &Watcher{fs: fw, changed: changed, failed: failed, done: make(chan struct{}),
		files: map[string]bool{}, dirs: map[string]bool{}}
	go w.loop()
	return w, nil
}

// Set replaces the files watched. A folder that cannot be watched is an
// error; the other files are watched all the same.
func (w *Watcher) Set(files []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	wantFiles, wantDirs := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return fmt.Errorf("watching %s: %w", f, err)
		}
		wantFiles[abs] = true
		wantDirs[filepath.Dir(abs)] = true
	}
	var errs []error
	for dir := range wantDirs {
		if w.dirs[dir] {
			continue
		}
		if err := w.fs.Add(dir); err != nil {
			errs = append(errs, fmt.Errorf("watching folder %s: %w", dir, err))
			delete(wantDirs, dir)
		}
	}
	for dir := range w.dirs {
		if !wantDirs[dir] {
			_ = w.fs.Remove(dir) // fails only when the folder is gone, and its watch with it
		}
	}
	w.files, w.dirs = wantFiles, wantDirs
	return errors.Join(errs...)
}

// Close stops watching and waits for the callbacks to return.
func (w *Watcher) Close() error {
	err := w.fs.Close()
	<-w.done
	if err != nil {
		return fmt.Errorf("closing the file watcher: %w", err)
	}
	return nil
}

func (w *Watcher) loop() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// A bare chmod (touch, a backup tool) changes no content.
			if ev.Op == fsnotify.Chmod || !w.watched(ev.Name) {
				continue
			}
			w.changed(ev.Name)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if w.failed != nil {
				w.failed(err)
			}
		}
	}
}

func (w *Watcher) watched(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files[filepath.Clean(name)]
}
