package notebooks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMainProgram: a Go file without "// %%" lines runs like `go run`:
// output on the terminal, the program's exit status, no file written.
func TestMainProgram(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		code   int
		stdout string
		stderr string
	}{
		{"ok", "print hello\neprint warning", 0, "hello\n", "warning\n"},
		{"os.Exit code kept", "print before\nexit 3", 3, "before\n", ""},
		{"os.Exit(0)", "exit 0", 0, "", ""},
		{"compile error", "print a\nfail undefined: y", 1, "a\n", "prog.go:2:1: undefined: y\n"},
		{"value printed", "value 42", 0, "42\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeFile(t, dir, "prog.go", tc.src)
			code, stdout, stderr := runMain(t, fakeFactory, in)
			if code != tc.code || stdout != tc.stdout || !strings.HasSuffix(stderr, tc.stderr) || tc.stderr == "" && stderr != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("a program run wrote files: %v", ents)
			}
		})
	}
	// -o (or --to) asks for a notebook: one cell.
	dir := t.TempDir()
	in := writeFile(t, dir, "prog.go", "print hello")
	out := filepath.Join(dir, "prog.ipynb")
	if code, _, stderr := runMain(t, fakeFactory, "-q", "-o", out, in); code != 0 {
		t.Fatalf("-o: exit %d: %s", code, stderr)
	}
	if nb := readNotebook(t, out); len(nb.Cells) != 1 || nb.Cells[0].Outputs[0].Text != "hello\n" {
		t.Errorf("-o notebook: %v", nb)
	}
}
