//go:build linux

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// setUmask sets the process umask for one test and restores it after.
func setUmask(t *testing.T, m int) {
	old := syscall.Umask(m)
	t.Cleanup(func() { syscall.Umask(old) })
}

// leftovers fails the test when dir holds a temporary file of this package.
func leftovers(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left in %s", e.Name(), dir)
		}
	}
}

func TestWriteFileRegular(t *testing.T) {
	tests := []struct {
		name     string
		umask    int
		existing fs.FileMode // 0: no file before
		perm     fs.FileMode
		want     fs.FileMode
	}{
		{"new file honours umask 022", 0o022, 0, 0o666, 0o644},
		{"new file honours umask 077", 0o077, 0, 0o644, 0o600},
		{"new executable", 0o022, 0, 0o777, 0o755},
		{"existing mode kept (0600 stays 0600)", 0o022, 0o600, 0o644, 0o600},
		{"existing mode kept (0664 stays 0664)", 0o077, 0o664, 0o600, 0o664},
		{"existing executable stays executable", 0o022, 0o755, 0o644, 0o755},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			setUmask(t, tc.umask)
			dir := t.TempDir()
			path := filepath.Join(dir, "f.json")
			if tc.existing != 0 {
				if err := os.WriteFile(path, []byte("old content"), 0); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tc.existing); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFile(path, []byte("new"), tc.perm); err != nil {
				t.Fatal(err)
			}
			st, err := os.Lstat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Mode().IsRegular() || st.Mode().Perm() != tc.want {
				t.Errorf("mode %v, want regular %v", st.Mode(), tc.want)
			}
			if b, _ := os.ReadFile(path); string(b) != "new" {
				t.Errorf("content %q, want %q", b, "new")
			}
			leftovers(t, dir)
		})
	}
}

func TestWriteFileFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "model.json")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real/model.json", link); err != nil { // relative, resolved from the link's dir
		t.Fatal(err)
	}
	chain := filepath.Join(dir, "chain.json")
	if err := os.Symlink(link, chain); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(chain, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, chain} {
		if st, err := os.Lstat(l); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink: %v %v", l, st.Mode(), err)
		}
	}
	st, err := os.Lstat(real)
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o640 {
		t.Fatalf("target: %v %v, want a regular 0640 file", st.Mode(), err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target holds %q, want %q", b, "new")
	}
	leftovers(t, dir)
	leftovers(t, filepath.Dir(real))

	// A dangling link names the file to create, as open(2) would.
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink("real/created.json", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("made"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "real", "created.json")); string(b) != "made" {
		t.Errorf("dangling link's target holds %q", b)
	}

	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := WriteFile(loop, nil, 0o644); err == nil || !strings.Contains(err.Error(), "symbolic links") {
		t.Errorf("a symlink loop gave %v, want an error naming the links", err)
	}
}

// TestWriteFileDevice writes to a character device made with mknod (the
// same device as /dev/null) and to a FIFO: both stay what they are.
func TestWriteFileDevice(t *testing.T) {
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, int(devNull())); err != nil {
		t.Skipf("mknod needs root (or CAP_MKNOD): %v", err)
	}
	if err := WriteFile(null, []byte("a notebook"), 0o644); err != nil {
		t.Fatalf("writing to a character device: %v", err)
	}
	st, err := os.Lstat(null)
	if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is now %v (%v), want the character device it was", null, st.Mode(), err)
	}
	leftovers(t, dir)
}

// devNull is the device number of /dev/null (1, 3 on Linux).
func devNull() uint64 {
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err != nil {
		return 1<<8 | 3
	}
	return uint64(st.Rdev)
}

func TestWriteFilePipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteFile(fifo, []byte("through the pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("%s is now %v (%v), want the pipe it was", fifo, st.Mode(), err)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "keep"), []byte("x"), 0o644)
	err := WriteFile(sub, []byte("x"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "is a directory, not a regular file") {
		t.Errorf("writing over a directory gave %v", err)
	}
	if _, err := os.Stat(filepath.Join(sub, "keep")); err != nil {
		t.Errorf("the directory's file is gone: %v", err)
	}
	sock := filepath.Join(dir, "s")
	if fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0); err == nil {
		defer syscall.Close(fd)
		if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err == nil {
			err := WriteFile(sock, []byte("x"), 0o644)
			if err == nil || !strings.Contains(err.Error(), "is a socket") {
				t.Errorf("writing over a socket gave %v", err)
			}
		}
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nb.ipynb")
	os.WriteFile(path, []byte("precious"), 0o644)
	boom := errors.New("encoder failed")
	err := Write(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want the fill error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Errorf("file holds %q after a failed write", b)
	}
	leftovers(t, dir)
}

func TestWriteNew(t *testing.T) {
	setUmask(t, 0o022)
	dir := t.TempDir()
	path := filepath.Join(dir, "fig-1.png")
	if err := WriteNew(path, []byte("png"), 0o666); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode())
	}
	for _, existing := range []string{path, filepath.Join(dir, "link")} {
		if existing != path {
			os.Symlink("nowhere", existing)
		}
		err := WriteNew(existing, []byte("other"), 0o644)
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("WriteNew over %s: %v, want fs.ErrExist", existing, err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "png" {
		t.Errorf("existing file now holds %q", b)
	}
	leftovers(t, dir)
}
