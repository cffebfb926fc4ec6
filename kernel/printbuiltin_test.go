package kernel

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrintBuiltins runs testdata/programs/println_stderr.go, whole and in
// cells, and compares what print and println wrote on the cell's stderr
// stream with the standard error of `go run` kept in println_stderr.stderr
// (go test -update runs go run again). Its standard output is the corpus's
// (TestPrograms).
func TestPrintBuiltins(t *testing.T) {
	const file = "testdata/programs/println_stderr.go"
	golden := strings.TrimSuffix(file, ".go") + ".stderr"
	if *update {
		dir := t.TempDir()
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "prog.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "run", "prog.go")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GO111MODULE=on")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("go run %s: %v\n%s", file, err, stderr.String())
		}
		if err := os.WriteFile(golden, []byte(stderr.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cells, err := splitProgram(string(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		how   string
		cells []string
	}{{"whole program", []string{string(src)}}, {"in cells", cells}} {
		e := newEngine(t)
		var stderr strings.Builder
		for _, c := range run.cells {
			err := e.Execute(context.Background(), c, func(p Part) {
				if p.Kind == Stderr {
					stderr.WriteString(p.Text)
				}
			})
			if err != nil {
				t.Fatalf("%s: %v", run.how, err)
			}
		}
		if stderr.String() != string(want) {
			t.Errorf("%s: stderr\n%s\nwant (go run)\n%s", run.how, stderr.String(), want)
		}
	}
}
