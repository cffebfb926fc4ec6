package kernel

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

// crashCells are cells that end the process with a fatal Go error.
var crashCells = map[string]struct{ code, want string }{
	"stack overflow":        {"func f(n int) int { return f(n+1) + 1 }\nf(0)", "fatal error: stack overflow"},
	"concurrent map writes": {"m := map[int]int{}\nfor i := 0; i < 4; i++ { go func() { for j := 0; ; j++ { m[j] = j } }() }\nselect {}", "fatal error: concurrent map access"},
}

// TestSupervisedCrashHelper is the supervised program of TestSupervise:
// it runs under Supervise and runs the cell named by NNBOOK_CRASH_CELL.
func TestSupervisedCrashHelper(t *testing.T) {
	name := os.Getenv("NNBOOK_CRASH_CELL")
	if name == "" {
		t.Skip("run by TestSupervise")
	}
	if status, ok := Supervise("nnbook-test"); ok {
		os.Exit(status)
	}
	debug.SetMaxStack(16 << 20) // a quicker stack overflow
	e := newEngine(t)
	e.Execute(context.Background(), crashCells[name].code, nil)
	t.Fatal("the cell did not crash the process")
}

// TestSupervise runs cells that end the process with a fatal error under
// Supervise: the parent exits with the child's status after a line naming
// the error.
func TestSupervise(t *testing.T) {
	for name, c := range crashCells {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSupervisedCrashHelper$")
			cmd.Env = append(os.Environ(), "NNBOOK_CRASH_CELL="+name)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != 2 {
				t.Fatalf("exit: %v, want status 2\n%s", err, stderr.String())
			}
			last := strings.TrimSpace(stderr.String())
			last = last[strings.LastIndex(last, "\n")+1:]
			if !strings.HasPrefix(last, "nnbook-test: the session ended: "+c.want) {
				t.Errorf("last line of stderr %q, want the error named (%s)", last, c.want)
			}
		})
	}
}
