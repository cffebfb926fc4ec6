package notebooks

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMainRefusesForeignNotebook: `nnbook run lesson.go` must not replace
// a lesson.ipynb it did not write (issue 15), and names the way out.
func TestMainRefusesForeignNotebook(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "lesson.go", "// %%\nprint from the script\n")
	mine := minimal("print my own notebook")
	nbPath := writeFile(t, dir, "lesson.ipynb", mine)
	before, _ := os.ReadFile(nbPath)

	code, _, stderr := runMain(t, fakeFactory, script)
	if code != 1 || !strings.Contains(stderr, nbPath+" exists and was not written by an earlier 'nnbook run "+script+"'") || !strings.Contains(stderr, "--force") {
		t.Fatalf("exit %d, stderr %q; want 1, the file named and --force", code, stderr)
	}
	if after, _ := os.ReadFile(nbPath); !bytes.Equal(before, after) {
		t.Fatal("the user's notebook changed")
	}

	// --force replaces it; from then on it is the script's own output.
	if code, _, stderr := runMain(t, fakeFactory, "--force", "-q", script); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runMain(t, fakeFactory, "-q", script); code != 0 {
		t.Fatalf("re-run of its own output: exit %d: %s", code, stderr)
	}
	nb := readNotebook(t, nbPath)
	if got := nb.Cells[0].Outputs[0].Text; got != "from the script\n" {
		t.Errorf("output %q", got)
	}
	if m := nb.nnbookMeta(); m.Source != "lesson.go" || m.Status != "" {
		t.Errorf("metadata.nnbook %+v, want source lesson.go", m)
	}

	// Another script of the same name elsewhere is not the same source.
	other := filepath.Join(dir, "sub")
	os.Mkdir(other, 0o755)
	otherScript := writeFile(t, other, "lesson.go", "// %%\nprint other\n")
	if code, _, stderr := runMain(t, fakeFactory, "-o", nbPath, otherScript); code != 1 || !strings.Contains(stderr, "--force") {
		t.Errorf("another lesson.go over this lesson.ipynb: exit %d, %q", code, stderr)
	}

	// The --to go round trip does not overwrite the script either.
	code, _, stderr = runMain(t, fakeFactory, "--no-execute", "--to", "go", nbPath)
	if code != 1 || !strings.Contains(stderr, script+" exists and may hold your own code; give --force") {
		t.Errorf("--to go over an existing script: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(script); string(b) != "// %%\nprint from the script\n" {
		t.Errorf("the script changed: %q", b)
	}
	// Unreadable JSON under the output name is not ours either.
	writeFile(t, dir, "junk.ipynb", "not json")
	junkSrc := writeFile(t, dir, "junk.go", "// %%\nprint x\n")
	if code, _, stderr := runMain(t, fakeFactory, junkSrc); code != 1 || !strings.Contains(stderr, "is not a notebook nnbook can read") {
		t.Errorf("over junk: exit %d, %q", code, stderr)
	}
}

// TestMainSavesEveryCell: while cell 2 runs, the output file on disk holds
// cell 1's output and says which cell is running, so a crash there leaves
// that much (papermill's rule).
func TestMainSavesEveryCell(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.ipynb")
	in := writeFile(t, dir, "nb.ipynb", minimal("print first", "catfile "+out, "print third"))
	if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	nb := readNotebook(t, out)
	seen := nb.Cells[1].Outputs[0].Text
	mid, err := Read([]byte(seen))
	if err != nil {
		t.Fatalf("the file during cell 2 is not a notebook: %v\n%.300s", err, seen)
	}
	if got := mid.Cells[0].Outputs; len(got) != 1 || got[0].Text != "first\n" {
		t.Errorf("during cell 2, cell 1's outputs on disk: %v", got)
	}
	if len(mid.Cells[2].Outputs) != 0 {
		t.Errorf("during cell 2, cell 3 already has outputs on disk: %v", mid.Cells[2].Outputs)
	}
	if st := mid.nnbookMeta().Status; !strings.Contains(st, "running code cell 2 of 3") {
		t.Errorf("status during cell 2: %q", st)
	}
	if st := nb.nnbookMeta().Status; st != "" {
		t.Errorf("status after the run: %q, want none", st)
	}
}
