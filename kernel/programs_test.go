package kernel

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The corpus: everyday Go programs under testdata/programs, one topic each,
// standard library only. Each runs in a fresh engine twice — as a whole
// program in one cell (what `nnbook < prog.go` and `nnbook run prog.go`
// do) and split into cells as a notebook user would paste it (one cell per
// top-level declaration, then `main()`) — and its standard output and exit
// status (the program's, which `go run` reports as "exit status N") are
// compared with `go run`'s, kept in prog.golden (go test -update runs `go
// run` again). testdata/programs/limitations.txt names the
// programs that still differ and why; such a program that starts passing,
// or any other that fails, fails the test.

// programResult is what a run of a program gives: its standard output and
// exit status.
type programResult struct {
	stdout string
	exit   int
}

func (r programResult) String() string { return fmt.Sprintf("exit: %d\n%s", r.exit, r.stdout) }

func parseGolden(s string) (programResult, error) {
	first, rest, _ := strings.Cut(s, "\n")
	n, err := strconv.Atoi(strings.TrimPrefix(first, "exit: "))
	if err != nil || !strings.HasPrefix(first, "exit: ") {
		return programResult{}, fmt.Errorf("golden file starts with %q, want \"exit: N\"", first)
	}
	return programResult{stdout: rest, exit: n}, nil
}

// goRun runs the program with the go command, as the reference.
func goRun(t testing.TB, file string) programResult {
	t.Helper()
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
	var out, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		// go run exits 1 for any failure of the program and reports the
		// program's own status on its last line.
		code = ee.ExitCode()
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if n, err := strconv.Atoi(strings.TrimPrefix(lines[len(lines)-1], "exit status ")); err == nil {
			code = n
		} else {
			t.Fatalf("go run %s: %v\n%s", file, err, stderr.String())
		}
	} else if err != nil {
		t.Fatalf("go run %s: %v", file, err)
	}
	return programResult{stdout: out.String(), exit: code}
}

// exitStatus is the status `go run` would give for a cell's error.
func exitStatus(err error) int {
	var ce *CellError
	if err == nil {
		return 0
	}
	if !errors.As(err, &ce) {
		return 1
	}
	switch ce.Name {
	case KindPanic:
		return 2
	case KindExit:
		return ce.ExitCode
	}
	return 1
}

// engineRun runs cells in a fresh engine and returns what go run would show.
func engineRun(t testing.TB, cells []string) (programResult, string) {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	for _, c := range cells {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := e.Execute(ctx, c, func(p Part) {
			switch p.Kind {
			case Stdout:
				out.WriteString(p.Text)
			case Stderr:
				errs.WriteString(p.Text)
			}
		})
		cancel()
		if err != nil {
			errs.WriteString(err.Error() + "\n")
			return programResult{stdout: out.String(), exit: exitStatus(err)}, errs.String()
		}
	}
	return programResult{stdout: out.String()}, errs.String()
}

// programRun is one way a corpus program runs: whole, or split into cells.
type programRun struct {
	how   string
	cells []string
}

// programRuns reads the program file and returns both ways it runs.
func programRuns(t *testing.T, file string) []programRun {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cells, err := splitProgram(string(src))
	if err != nil {
		t.Fatal(err)
	}
	return []programRun{{"whole program", []string{string(src)}}, {"in cells", cells}}
}

// splitProgram cuts a program into notebook cells: the imports, each
// top-level declaration (with its doc comment), then main().
func splitProgram(src string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "prog.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var cells []string
	for _, d := range f.Decls {
		from := d.Pos()
		if g, ok := d.(*ast.GenDecl); ok && g.Doc != nil {
			from = g.Doc.Pos()
		}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			from = fd.Doc.Pos()
		}
		cells = append(cells, src[fset.Position(from).Offset:fset.Position(d.End()).Offset])
	}
	return append(cells, "main()"), nil
}

// limitations reads limitations.txt: "name: why" lines.
func limitations(t *testing.T) map[string]string {
	return limitationsIn(t, "testdata/programs/limitations.txt")
}

// limitationsIn reads a file of "name: why" lines.
func limitationsIn(t *testing.T, path string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return m
		}
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, why, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s: %q is not \"name: why\"", path, line)
		}
		m[strings.TrimSpace(name)] = strings.TrimSpace(why)
	}
	return m
}

func TestPrograms(t *testing.T) {
	files, _ := filepath.Glob("testdata/programs/*.go")
	if len(files) < 100 {
		t.Errorf("the corpus has %d programs, want at least 100", len(files))
	}
	known := limitations(t)
	passed, limited := 0, 0
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		golden := strings.TrimSuffix(file, ".go") + ".golden"
		t.Run(name, func(t *testing.T) {
			if *update {
				if err := os.WriteFile(golden, []byte(goRun(t, file).String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			want, err := parseGolden(string(g))
			if err != nil {
				t.Fatal(err)
			}
			var fails []string
			for _, run := range programRuns(t, file) {
				got, stderr := engineRun(t, run.cells)
				if got != want {
					fails = append(fails, fmt.Sprintf("%s:\ngot:\n%s\nwant:\n%s\nstderr:\n%s", run.how, got, want, stderr))
				}
			}
			why, isKnown := known[name]
			switch {
			case len(fails) == 0 && !isKnown:
				passed++
			case len(fails) > 0 && !isKnown:
				t.Error(strings.Join(fails, "\n"))
			case len(fails) == 0 && isKnown:
				t.Errorf("passes now: remove it from limitations.txt (%s)", why)
			case len(fails) > 0:
				limited++
				t.Skipf("known limitation: %s", why)
			}
		})
	}
	t.Logf("%d of %d programs match go run (whole and in cells); %d are known limitations", passed, len(files), limited)
}
