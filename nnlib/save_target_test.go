package nnlib

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestSaveTargets: Save writes through internal/atomicfile — a new file
// gets the mode os.Create would give it (0644 under umask 022, not
// CreateTemp's 0600), an existing file keeps its mode, a symlink stays a
// symlink with its target replaced.
func TestSaveTargets(t *testing.T) {
	n := WorkedExample()
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.json")
	if err := n.Save(fresh); err != nil {
		t.Fatal(err)
	}
	probe, err := os.Create(filepath.Join(dir, "probe"))
	if err != nil {
		t.Fatal(err)
	}
	probe.Close()
	want, _ := os.Stat(probe.Name())
	if st, _ := os.Stat(fresh); st.Mode() != want.Mode() {
		t.Errorf("a new model file is %v, want %v as os.Create gives", st.Mode(), want.Mode())
	}
	kept := filepath.Join(dir, "kept.json")
	os.WriteFile(kept, []byte("{}"), 0o600)
	os.Chmod(kept, 0o640)
	if err := n.Save(kept); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(kept); st.Mode().Perm() != 0o640 {
		t.Errorf("existing file's mode became %v, want 0640", st.Mode())
	}
	link := filepath.Join(dir, "link.json")
	os.Symlink("kept.json", link)
	if err := n.Save(link); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Save turned the symlink into %v", st.Mode())
	}
	if m, err := Load(kept); err != nil || m.String() != n.String() {
		t.Errorf("the link's target does not hold the network: %v", err)
	}
}
