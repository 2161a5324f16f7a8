package preview

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatcherSurvivesSaves saves a watched file the ways editors do, and
// writes unwatched files beside it: each save is seen, nothing else is.
func TestWatcherSurvivesSaves(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	data, tpl := filepath.Join(dir, "form.toml"), filepath.Join(other, "t.toml")
	writeFile(t, data, "year = 2020\n")
	writeFile(t, tpl, "name = 't'\n")
	names := make(chan string, 100)
	w, err := NewWatcher(func(name string) { names <- name }, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Set([]string{data, tpl}); err != nil {
		t.Fatal(err)
	}

	// seen waits for an event on want; any event on another file fails.
	seen := func(how, want string) {
		t.Helper()
		timeout := time.After(2 * time.Second)
		for {
			select {
			case name := <-names:
				if name != data && name != tpl {
					t.Fatalf("%s: event for %s, which is not watched", how, name)
				}
				if name == want {
					return
				}
			case <-timeout:
				t.Fatalf("%s: no event for %s within 2 s", how, want)
			}
		}
	}
	rename := func(from, to string) {
		t.Helper()
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
	}

	writeFile(t, filepath.Join(dir, "unrelated.toml"), "x")
	writeFile(t, data, "year = 2021\n") // in place, as nano or echo >
	seen("write in place", data)

	writeFile(t, data+".tmp", "year = 2022\n") // write aside, rename over: VS Code, sed -i
	rename(data+".tmp", data)
	seen("rename over", data)

	rename(data, data+"~") // vim: move the old file away, write a new one
	seen("move away", data)
	writeFile(t, data, "year = 2023\n")
	seen("write anew", data)

	// One inotify queue delivers in order: once the template's event is
	// seen, every event of the data file before it has been too.
	writeFile(t, tpl, "name = 'u'\n")
	seen("second folder", tpl)

	// Watching only the template now, the data file goes quiet.
	if err := w.Set([]string{tpl}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, data, "year = 2024\n")
	writeFile(t, tpl, "name = 'v'\n")
	timeout := time.After(2 * time.Second)
	for {
		select {
		case name := <-names:
			if name == data {
				t.Fatal("event for the data file after it was unwatched")
			}
			if name == tpl {
				return
			}
		case <-timeout:
			t.Fatal("no event for the template within 2 s")
		}
	}
}
