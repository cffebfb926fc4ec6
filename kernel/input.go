package kernel

import (
	"context"
	"errors"
	"io"
	"os"
	"sync"
)

// Standard input.
//
// A cell reads standard input through interpreted os.Stdin or fmt.Scan*,
// and both read the engine's stdinReader: the interpreter's os.Stdin is that
// reader (an io.Reader, so bufio.NewReader(os.Stdin) and fmt.Fscan(os.Stdin)
// work; *os.File methods such as Stat and Fd do not). When the running
// cell's context carries an InputFunc (WithInput), each line the cell needs
// comes from the front end — Jupyter sends an input_request and waits for
// the input_reply — after everything the cell printed so far has been
// emitted, so a prompt printed with fmt.Print shows first. Without one the
// reader passes the process's own standard input through (the REPL, a
// headless run).

// InputFunc asks the front end for one line of input for the running cell
// and returns it without its line ending. prompt is what the cell asked with
// (the partial line the cell printed last, as with fmt.Print("name? ")); password
// asks the front end not to echo the answer.
type InputFunc func(prompt string, password bool) (string, error)

// ErrNoInput is what reading standard input returns when the front end
// cannot provide any (a Jupyter client that does not allow stdin).
var ErrNoInput = errors.New("standard input is not available: this front end does not answer input requests")

type inputKey struct{}

// WithInput returns a context under which Execute's cell reads standard
// input by calling ask, one line per call.
func WithInput(ctx context.Context, ask InputFunc) context.Context {
	return context.WithValue(ctx, inputKey{}, ask)
}

// inputFrom returns the InputFunc ctx carries, or nil.
func inputFrom(ctx context.Context) InputFunc {
	ask, _ := ctx.Value(inputKey{}).(InputFunc)
	return ask
}

// stdinReader is the interpreter's standard input.
type stdinReader struct {
	mu  sync.Mutex
	ask InputFunc // the running cell's, or nil
	buf []byte    // the rest of the last line asked for
}

// setAsk sets (or with nil clears) the running cell's InputFunc.
func (r *stdinReader) setAsk(ask InputFunc) {
	r.mu.Lock()
	r.ask = ask
	r.buf = nil
	r.mu.Unlock()
}

// Read returns the rest of the current line, asking for a new one when it
// is used up.
func (r *stdinReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		if r.ask == nil {
			r.mu.Unlock()
			n, err := os.Stdin.Read(p)
			r.mu.Lock()
			return n, err
		}
		// What the cell printed goes out first; its last partial line is
		// the prompt (prompt.go).
		prompt := capture.takePrompt()
		line, err := r.ask(prompt, false)
		if err != nil {
			capture.write(Stdout, []byte(prompt))
			if errors.Is(err, io.EOF) {
				return 0, io.EOF
			}
			return 0, err
		}
		r.buf = append([]byte(line), '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
