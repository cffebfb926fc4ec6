package kernel

import (
	"bytes"
	"context"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Goroutines of cells, and the goroutine dumps that tell whether stopped
// code has ended.
//
// Every go statement of a cell runs through cellGo (the rewrite in goEdits),
// which records the goroutine with a label naming the statement, recovers
// its panic (which ends its cell as in Go, gopanic.go) and counts it for quiesce. yaegi's own
// evaluation goroutines are found in a dump by their creator.

// quiesce waits up to d for the goroutines cells started to finish, so
// that the interpreter is not compiling while they still run. Goroutines
// that outlived an earlier wait (a background loop) are not waited for
// again; only new ones are.
func (e *Engine) quiesce(d time.Duration) {
	deadline := time.Now().Add(d)
	for {
		e.goMu.Lock()
		n := e.goRunning
		if n <= e.goStuck {
			e.goStuck = n
			e.goMu.Unlock()
			return
		}
		if time.Now().After(deadline) {
			e.goStuck = n
			e.goMu.Unlock()
			return
		}
		e.goMu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// cellGoroutine is a goroutine started by a cell's go statement.
type cellGoroutine struct {
	label    string // "the goroutine of `go worker(…)` at line 2"
	id       uint64 // set by the goroutine (under goMu) once it runs
	done     chan struct{}
	reported bool // named in an interrupt reply already
}

// cellGo evaluates a cell's go statement `go f(args...)`; the function it
// returns starts the goroutine, labelled for messages. (The label comes
// last in the rewritten source, so the columns of the statement's code are
// unchanged.)
func (e *Engine) cellGo(f interface{}, args ...interface{}) func(label string) {
	fv, in := statementCall("go", f, args)
	return func(label string) { e.startGo(label, fv, in) }
}

// startGo runs fv(in...) on a new goroutine of the cell.
func (e *Engine) startGo(label string, fv reflect.Value, in []reflect.Value) {
	g := &cellGoroutine{label: "the goroutine of " + label, done: make(chan struct{})}
	cell, n, units := e.exited.current(), e.goroutineNumber(), e.runningUnits()
	e.goMu.Lock()
	e.goRunning++
	if e.goroutines == nil {
		e.goroutines = map[*cellGoroutine]bool{}
	}
	e.goroutines[g] = true
	e.goMu.Unlock()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				e.goroutinePanic(cell, n, units, g.label, r)
			}
			e.goMu.Lock()
			e.goRunning--
			delete(e.goroutines, g)
			e.goMu.Unlock()
			close(g.done)
		}()
		id := currentGoroutine()
		e.goMu.Lock()
		g.id = id
		e.goMu.Unlock()
		fv.Call(in)
	}()
}

// cellGoroutines waits until deadline for the goroutines cells started to
// end and returns those still running that no earlier interrupt named,
// each with the compiled call it is inside.
func (e *Engine) cellGoroutines(deadline time.Time) []stuckGoroutine {
	e.goMu.Lock()
	var wait []*cellGoroutine
	for g := range e.goroutines {
		if !g.reported {
			wait = append(wait, g)
		}
	}
	e.goMu.Unlock()
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	var alive []*cellGoroutine
	for _, g := range wait {
		select {
		case <-g.done:
		case <-ctx.Done():
			alive = append(alive, g)
		}
	}
	if len(alive) == 0 {
		return nil
	}
	stacks := goroutineDump()
	var out []stuckGoroutine
	e.goMu.Lock()
	defer e.goMu.Unlock()
	for _, g := range alive {
		if !e.goroutines[g] {
			continue // ended meanwhile
		}
		g.reported = true
		where := "a compiled call"
		if gr, ok := stacks[g.id]; ok {
			where = gr.where()
		}
		out = append(out, stuckGoroutine{label: g.label, where: where})
	}
	return out
}

// stuckGoroutine names a cell's goroutine that an interrupt did not stop.
type stuckGoroutine struct{ label, where string }

// goroutine is one entry of a goroutine dump.
type goroutine struct {
	id      uint64
	creator uint64 // the goroutine that started it
	stack   string
}

// currentGoroutine returns the id of the calling goroutine.
func currentGoroutine() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	id, _ := goroutineID(buf[:n])
	return id
}

// goroutineID reads the id of "goroutine 12 [running]:".
func goroutineID(b []byte) (uint64, bool) {
	b, ok := bytes.CutPrefix(b, []byte("goroutine "))
	if !ok {
		return 0, false
	}
	i := bytes.IndexByte(b, ' ')
	if i < 0 {
		return 0, false
	}
	id, err := strconv.ParseUint(string(b[:i]), 10, 64)
	return id, err == nil
}

// goroutineDump returns every goroutine of the process by id.
func goroutineDump() map[uint64]goroutine {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[uint64]goroutine{}
	for _, entry := range bytes.Split(buf, []byte("\n\n")) {
		id, ok := goroutineID(entry)
		if !ok {
			continue
		}
		g := goroutine{id: id, stack: string(entry)}
		if i := strings.LastIndex(g.stack, " in goroutine "); i >= 0 {
			c := g.stack[i+len(" in goroutine "):]
			if j := strings.IndexByte(c, '\n'); j >= 0 {
				c = c[:j]
			}
			g.creator, _ = strconv.ParseUint(strings.TrimSpace(c), 10, 64)
		}
		out[id] = g
	}
	return out
}

// evalCreator is how a dump names yaegi's evaluation goroutines.
const evalCreator = "created by github.com/traefik/yaegi/interp.(*Interpreter).EvalWithContext in goroutine "

// abandonedEvals returns the evaluation goroutines that EvalWithContext,
// called from goroutine creator, left running.
func abandonedEvals(creator uint64) []uint64 {
	var ids []uint64
	for id, g := range goroutineDump() {
		if g.creator == creator && strings.Contains(g.stack, evalCreator) {
			ids = append(ids, id)
		}
	}
	return ids
}

// waitGoroutines waits until none of the goroutines ids runs, or deadline
// passes (never, for the zero time), and returns those still running.
func waitGoroutines(ids []uint64, deadline time.Time) []goroutine {
	pause := time.Millisecond
	for {
		dump := goroutineDump()
		var alive []goroutine
		for _, id := range ids {
			if g, ok := dump[id]; ok {
				alive = append(alive, g)
			}
		}
		if len(alive) == 0 || !deadline.IsZero() && time.Now().After(deadline) {
			return alive
		}
		time.Sleep(pause)
		if pause < 50*time.Millisecond {
			pause *= 2
		}
	}
}

func ids(gs []goroutine) []uint64 {
	out := make([]uint64, len(gs))
	for i, g := range gs {
		out[i] = g.id
	}
	return out
}

// where names the compiled call a goroutine of interpreted code is inside:
// the outermost function below the interpreter's reflect call, with its
// package name ("nnlib.GradCheck", "time.Sleep").
func (g goroutine) where() string {
	lines := strings.Split(g.stack, "\n")
	last := ""
	for i := 1; i < len(lines); i += 2 {
		fn := lines[i]
		if strings.HasPrefix(fn, "created by ") {
			break
		}
		if p := strings.LastIndexByte(fn, '('); p > 0 && strings.HasSuffix(fn, ")") {
			fn = fn[:p]
		}
		if strings.HasPrefix(fn, "reflect.") || strings.HasPrefix(fn, "github.com/traefik/yaegi/") {
			break
		}
		if strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "internal/") {
			continue
		}
		last = fn
	}
	if last == "" {
		return "a compiled call"
	}
	if i := strings.LastIndexByte(last, '/'); i >= 0 {
		last = last[i+1:]
	}
	return last
}
