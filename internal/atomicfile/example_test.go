package atomicfile_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/nnbook/nnbook/internal/atomicfile"
)

func ExampleWriteFile() {
	dir, _ := os.MkdirTemp("", "atomicfile")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "notes.txt")
	os.WriteFile(path, []byte("draft"), 0o600)

	// The file is replaced whole; its 0600 mode is kept.
	if err := atomicfile.WriteFile(path, []byte("final"), 0o644); err != nil {
		fmt.Println(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	fmt.Println(string(b), st.Mode())
	// Output: final -rw-------
}
