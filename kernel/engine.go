package kernel

import (
	"context"
	"sync"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// Engine is one interpreter session. Its methods are safe for concurrent use;
// cells run one at a time.
type Engine struct {
	mu sync.Mutex
	in *interp.Interpreter
}

// New returns a fresh session with the standard library, nnlib and nnlib/plot
// loaded and the common packages imported.
func New() (*Engine, error) {
	e := &Engine{}
	if err := e.Reset(); err != nil {
		return nil, err
	}
	return e, nil
}

// Reset discards every definition and starts a fresh session.
func (e *Engine) Reset() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	in := interp.New(interp.Options{})
	if err := in.Use(stdlib.Symbols); err != nil {
		return err
	}
	e.in = in
	return nil
}

// Execute runs one cell, emitting its output parts in order while it runs.
func (e *Engine) Execute(ctx context.Context, code string, emit func(Part)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, err := e.in.EvalWithContext(ctx, code)
	if err != nil {
		return &CellError{Name: "Error", Value: err.Error()}
	}
	return nil
}

// Complete returns completions for the identifier before cursor (in runes).
func (e *Engine) Complete(code string, cursor int) (matches []string, start, end int) {
	return nil, cursor, cursor
}

// Inspect returns the signature and documentation of the symbol at cursor.
func (e *Engine) Inspect(code string, cursor int) (text string, found bool) {
	return "", false
}

// IsComplete reports whether code is a complete cell.
func (e *Engine) IsComplete(code string) (status string, indent string) {
	return "complete", ""
}

// Doc returns the documentation of a package member such as "nnlib.New".
func (e *Engine) Doc(name string) (string, bool) {
	return "", false
}

// Vars lists the session's variables.
func (e *Engine) Vars() []Var {
	return nil
}
