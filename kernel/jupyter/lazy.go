package jupyter

import (
	"context"

	"github.com/nnbook/nnbook/kernel"
)

// lazyEngine starts an Engine in the background and makes each call wait
// for it, so the sockets answer while the interpreter is still loading.
type lazyEngine struct {
	ready chan struct{}
	eng   Engine
	err   error
}

func newLazyEngine(start func() (Engine, error)) *lazyEngine {
	l := &lazyEngine{ready: make(chan struct{})}
	go func() {
		l.eng, l.err = start()
		close(l.ready)
	}()
	return l
}

// get waits for the engine; nil when it failed to start.
func (l *lazyEngine) get() Engine {
	<-l.ready
	if l.err != nil {
		return nil
	}
	return l.eng
}

func (l *lazyEngine) Execute(ctx context.Context, code string, emit func(kernel.Part)) error {
	select {
	case <-l.ready:
	case <-ctx.Done():
		return &kernel.CellError{Name: kernel.KindInterrupted, Value: "interrupted while the engine was starting"}
	}
	if e := l.get(); e != nil {
		return e.Execute(ctx, code, emit)
	}
	return &kernel.CellError{Name: "EngineError", Value: "the engine did not start: " + l.err.Error()}
}

func (l *lazyEngine) Complete(code string, cursor int) ([]string, int, int) {
	if e := l.get(); e != nil {
		return e.Complete(code, cursor)
	}
	return nil, cursor, cursor
}

func (l *lazyEngine) Inspect(code string, cursor int) (string, bool) {
	if e := l.get(); e != nil {
		return e.Inspect(code, cursor)
	}
	return "", false
}

func (l *lazyEngine) IsComplete(code string) (string, string) {
	if e := l.get(); e != nil {
		return e.IsComplete(code)
	}
	return "unknown", ""
}

func (l *lazyEngine) Doc(name string) (string, bool) {
	if e := l.get(); e != nil {
		return e.Doc(name)
	}
	return "", false
}

func (l *lazyEngine) Vars() []kernel.Var {
	if e := l.get(); e != nil {
		return e.Vars()
	}
	return nil
}

func (l *lazyEngine) Reset() error {
	if e := l.get(); e != nil {
		return e.Reset()
	}
	return l.err
}
