package kernel

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The frames of an uncaught panic. A corpus program whose golden exit
// status is 2 has a prog.frames file: the functions of the panicking
// goroutine, innermost first, each with its line, as `go run -gcflags=-l`
// prints them (without inlining, which renames and drops the frames of
// inlined functions; go test -update makes it). The engine's traceback
// must name the same functions in the same order, and the innermost one
// at the same line (the whole program's; in cells, whose lines are the
// declaring cell's, only the names are compared). The engine's callers
// are at their function's first line, which is yaegi's, so their lines
// are not compared. testdata/programs/frames_limitations.txt names the
// programs whose frames still differ and why; such a program that starts
// matching fails the test.

// frame is one function of a panic's trace and its line.
type frame struct {
	fn   string
	line int
}

// goFrames runs the program with inlining off and returns the frames of
// its panic.
func goFrames(t *testing.T, file string) []frame {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "prog.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "-gcflags=-l", "prog.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GO111MODULE=on")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("go run %s: %v, want exit status 2\n%s", file, err, out)
	}
	var frames []frame
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	started := false
	var fn string
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "goroutine "):
			if started {
				return frames
			}
			started = true
		case !started:
		case l == "" || strings.HasPrefix(l, "created by "):
			if len(frames) > 0 {
				return frames
			}
		case strings.HasPrefix(l, "main."):
			fn = l[:strings.LastIndex(l, "(")]
		case strings.HasPrefix(l, "\t") && fn != "":
			at := strings.Fields(l)[0]
			n, err := strconv.Atoi(at[strings.LastIndex(at, ":")+1:])
			if err != nil {
				t.Fatalf("go run %s: frame line %q", file, l)
			}
			frames = append(frames, frame{fn, n})
			fn = ""
		}
	}
	return frames
}

// engineFrames returns the frames of a panic's traceback, without the
// cell's top level ("main"), and reports whether it was a panic.
func engineFrames(err error) ([]frame, bool) {
	var ce *CellError
	if !errors.As(err, &ce) || ce.Name != KindPanic {
		return nil, false
	}
	var frames []frame
	for _, t := range ce.Traceback[1:] {
		fn, at, ok := strings.Cut(strings.TrimSpace(t), " at line ")
		var line, col int
		if !ok || fn == "main" {
			continue
		}
		if _, err := fmt.Sscanf(at, "%d:%d", &line, &col); err != nil {
			continue
		}
		frames = append(frames, frame{fn, line})
	}
	return frames, true
}

func readFrames(t *testing.T, path string) []frame {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	var frames []frame
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		fn, n, _ := strings.Cut(l, " ")
		line, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("%s: %q is not \"function line\"", path, l)
		}
		frames = append(frames, frame{fn, line})
	}
	return frames
}

func TestProgramPanics(t *testing.T) {
	files, _ := filepath.Glob("testdata/programs/*.go")
	known := limitations(t)
	framesKnown := limitationsIn(t, "testdata/programs/frames_limitations.txt")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		golden, err := os.ReadFile(strings.TrimSuffix(file, ".go") + ".golden")
		if err != nil || !strings.HasPrefix(string(golden), "exit: 2\n") {
			continue
		}
		if _, limited := known[name]; limited {
			continue
		}
		framesFile := strings.TrimSuffix(file, ".go") + ".frames"
		t.Run(name, func(t *testing.T) {
			if *update {
				var b strings.Builder
				for _, f := range goFrames(t, file) {
					fmt.Fprintf(&b, "%s %d\n", f.fn, f.line)
				}
				if err := os.WriteFile(framesFile, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := readFrames(t, framesFile)
			var fails []string
			for _, run := range programRuns(t, file) {
				got, ok := engineFrames(lastError(t, run.cells))
				if !ok {
					fails = append(fails, run.how+": no panic")
					continue
				}
				same := len(got) == len(want)
				for i := 0; same && i < len(got); i++ {
					same = got[i].fn == want[i].fn
				}
				if same && run.how == "whole program" && got[0].line != want[0].line {
					same = false
				}
				if !same {
					fails = append(fails, fmt.Sprintf("%s: frames %v, want %v (go run -gcflags=-l)", run.how, got, want))
				}
			}
			why, isKnown := framesKnown[name]
			switch {
			case len(fails) > 0 && !isKnown:
				t.Error(strings.Join(fails, "\n"))
			case len(fails) == 0 && isKnown:
				t.Errorf("matches now: remove it from frames_limitations.txt (%s)", why)
			case isKnown:
				t.Skipf("known limitation: %s", why)
			}
		})
	}
}

// lastError runs cells in a fresh engine until one fails and returns its
// error.
func lastError(t *testing.T, cells []string) error {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if err := e.Execute(t.Context(), c, func(Part) {}); err != nil {
			return err
		}
	}
	return nil
}
