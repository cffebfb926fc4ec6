package repl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveSparesOtherFiles: :save no longer writes through a predictable
// FILE.tmp (a symlink planted there used to redirect the write), keeps the
// mode of the script it replaces and writes through a symlink to its target.
func TestSaveSparesOtherFiles(t *testing.T) {
	s, _, _, _ := newTestSession(t)
	ctx := context.Background()
	s.execute(ctx, "int 1")
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	path := filepath.Join(dir, "s.go")
	os.Symlink(victim, path+".tmp")
	os.WriteFile(path, []byte("old"), 0o600)
	if err := s.meta(ctx, ":save "+path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the file behind s.go.tmp now holds %q", b)
	}
	st, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "int 1") || st.Mode().Perm() != 0o600 {
		t.Errorf("s.go: mode %v, content %q", st.Mode(), b)
	}

	link := filepath.Join(dir, "link.go")
	os.Symlink("s.go", link)
	s.execute(ctx, "int 2")
	if err := s.meta(ctx, ":save "+link); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.go is no longer a symlink")
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "int 2") {
		t.Errorf("the link's target was not written: %q", b)
	}
}

// TestFigureNeverReplaced: figures go to the next free fig-N.png; an
// existing one (even a dangling symlink) is skipped, not replaced.
func TestFigureNeverReplaced(t *testing.T) {
	s, _, _, _ := newTestSession(t)
	os.MkdirAll(s.plotsDir, 0o755)
	os.WriteFile(filepath.Join(s.plotsDir, "fig-1.png"), []byte("mine"), 0o644)
	os.Symlink("nowhere", filepath.Join(s.plotsDir, "fig-2.png"))
	if err := s.runScript(context.Background(), strings.NewReader("png\n"), ""); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.plotsDir, "fig-1.png")); string(b) != "mine" {
		t.Errorf("fig-1.png replaced: %q", b)
	}
	if b, err := os.ReadFile(filepath.Join(s.plotsDir, "fig-3.png")); err != nil || string(b) != "\x89PNG fake" {
		t.Errorf("fig-3.png: %q %v", b, err)
	}
}
