//go:build linux

package notebooks

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestMainOutputTargets: -o onto a device node (made with mknod, as root)
// writes to the device and leaves it a device; -o onto a symlink replaces
// the link's target and keeps the link and the target's mode.
func TestMainOutputTargets(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "nb.ipynb", minimal("print hi"))

	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err != nil {
		t.Fatal(err)
	}
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(st.Rdev)); err != nil {
		t.Logf("mknod needs root; device case skipped: %v", err)
	} else {
		if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", dev, in); code != 0 {
			t.Fatalf("-o device: exit %d: %s", code, stderr)
		}
		if fi, err := os.Lstat(dev); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("-o %s: now %v (%v), want the character device", dev, fi.Mode(), err)
		}
	}

	// A pipe gets the notebook once, not once per cell.
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	two := writeFile(t, dir, "two.ipynb", minimal("print a", "print b"))
	if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", fifo, two); code != 0 {
		t.Fatalf("-o fifo: exit %d: %s", code, stderr)
	}
	if b := <-got; bytes.Count(b, []byte(`"nbformat"`)) != 1 {
		t.Errorf("the pipe got %d notebooks, want 1", bytes.Count(b, []byte(`"nbformat"`)))
	}

	target := filepath.Join(dir, "real.ipynb")
	link := filepath.Join(dir, "link.ipynb")
	if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", target, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	os.Chmod(target, 0o640)
	os.Symlink("real.ipynb", link)
	if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", link, in); code != 0 {
		t.Fatalf("-o link: exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v)", fi.Mode(), err)
	}
	if fi, err := os.Lstat(target); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o640 {
		t.Errorf("the target is now %v (%v), want a regular 0640 file", fi.Mode(), err)
	}
	if nb := readNotebook(t, target); nb.Cells[0].Outputs[0].Text != "hi\n" {
		t.Errorf("target outputs %v", nb.Cells[0].Outputs)
	}
}
