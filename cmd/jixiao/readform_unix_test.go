//go:build unix

package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesRefused: a device or a FIFO is refused at once, not
// read for ever.
func TestSpecialFilesRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "form.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		for _, cmd := range []string{"check", "render"} {
			within(t, 5*time.Second, cmd+" "+path, func() {
				code, _, stderr := run(t, cmd, path, "-o", t.TempDir())
				if cmd == "check" {
					code, _, stderr = run(t, cmd, path)
				}
				if code != exitProblems || !strings.Contains(stderr, "not a regular file") {
					t.Errorf("%s %s: exit %d, stderr %q", cmd, path, code, stderr)
				}
			})
		}
	}
}

// TestSpecialTemplateRefused: --template names a device or a FIFO: a
// usage error at once.
func TestSpecialTemplateRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "my.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		within(t, 5*time.Second, "--template "+path, func() {
			code, _, stderr := run(t, "check", "--template", path, sample)
			if code != exitUsage || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("--template %s: exit %d, stderr %q", path, code, stderr)
			}
		})
	}
}

// TestSignalEndsBlockedRead runs the program on a stdin that never ends
// and checks that SIGTERM ends it at once, and that a second SIGINT ends
// a program that does not stop by itself.
func TestSignalEndsBlockedRead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "check", "-")
	stdin, err := cmd.StdinPipe() // never written, never closed
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, "check - after SIGTERM", func() { _ = cmd.Wait() })
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Errorf("exit %d, want %d; stderr %q", code, exitInterrupted, stderr.String())
	}
}
