package notebooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/nnbook/nnbook/kernel"
)

// exitStatus is how a program run ended when it did not succeed; the
// program and runProgram have already said why on standard error.
type exitStatus int

func (e exitStatus) Error() string { return "exit status " + strconv.Itoa(int(e)) }

// Exit statuses of a program run, as Go's own tools give them.
const (
	exitFailed      = 1   // compile error, or a failure outside the program
	exitPanic       = 2   // an unrecovered panic (Go's runtime exits with 2)
	exitInterrupted = 130 // stopped by Ctrl-C (128 + SIGINT)
)

// runProgram runs a Go file without cell markers as `go run` would: its
// standard output and error go to stdout and stderr as they are written, a
// compile error or panic is reported on stderr, and the result is nil or
// an exitStatus: the program's own os.Exit code, 2 after a panic, 1 after a
// compile error, 130 when interrupted. No file is written.
func runProgram(ctx context.Context, cfg *config, file string, src []byte, stdout, stderr io.Writer, newEngine func() (Executor, error)) error {
	// os.Args as go run gives it (the interpreter takes its copy when made): the program's name, then its arguments.
	saved := os.Args
	name := strings.TrimSuffix(file, ".go")
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	os.Args = append([]string{name}, cfg.progArgs...)
	defer func() { os.Args = saved }()
	eng, err := newEngine()
	if err != nil {
		return fmt.Errorf("%s: starting the engine: %w", file, err)
	}
	if cfg.timeoutSet && cfg.timeout > 0 { // a program has no time limit unless asked
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
		defer cancel()
	}
	var mu sync.Mutex
	err = eng.Execute(ctx, string(src), func(p kernel.Part) {
		mu.Lock()
		defer mu.Unlock()
		switch p.Kind {
		case kernel.Stdout:
			io.WriteString(stdout, p.Text)
		case kernel.Stderr:
			io.WriteString(stderr, p.Text)
		case kernel.Value:
			fmt.Fprintln(stdout, p.Text)
		case kernel.Display:
			fmt.Fprintf(stderr, "nnbook run: %s: %s not shown: a program writes no figures (give -o FILE.ipynb, or split the file into // %%%% cells)\n", file, p.Text)
		}
	})
	if err == nil {
		return nil
	}
	var ce *kernel.CellError
	if !errors.As(err, &ce) {
		fmt.Fprintf(stderr, "nnbook run: %s: %v\n", file, err)
		return exitStatus(exitFailed)
	}
	if code, ok := kernel.ExitCode(err); ok {
		if code == 0 {
			return nil
		}
		return exitStatus(code)
	}
	switch {
	case ce.Name == "Panic":
		printLines(stderr, ce.Traceback, "panic: "+ce.Value)
		return exitStatus(exitPanic)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		fmt.Fprintf(stderr, "nnbook run: %s: stopped after the --timeout of %v\n", file, cfg.timeout)
		return exitStatus(exitFailed)
	case ce.Name == "Interrupted":
		fmt.Fprintf(stderr, "nnbook run: %s: interrupted\n", file)
		return exitStatus(exitInterrupted)
	}
	pos := file
	if ce.Line > 0 {
		pos = fmt.Sprintf("%s:%d:%d", file, ce.Line, ce.Col)
	}
	fmt.Fprintf(stderr, "%s: %s\n", pos, ce.Value)
	return exitStatus(exitFailed)
}

// printLines prints a traceback without colours, or fallback when it is empty.
func printLines(w io.Writer, lines []string, fallback string) {
	if len(lines) == 0 {
		lines = []string{fallback}
	}
	for _, l := range lines {
		fmt.Fprintln(w, stripANSI(l))
	}
}
