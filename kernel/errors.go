package kernel

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// Errors: yaegi's messages and panics become CellErrors with cell positions.

// unitError turns an evaluation error of u into a CellError.
func (e *Engine) unitError(ctx context.Context, code string, u *unit, err error) *CellError {
	e.errCols = u.cols
	ce := e.cellError(ctx, code, err)
	e.errCols = nil
	e.explainUnexported(ce, code)
	if ce.Value == "constant definition loop" || compilePanic(err) || u.wrapped && ce.Name == KindCompile {
		// yaegi's message (or panic) for an undefined name in a top-level
		// statement: name the name.
		if id := e.firstUndefined(*u); id != nil {
			if u.file != nil {
				l, c := lineCol(code, u.off+u.file.Offset(id.Pos())-u.base)
				return compileErr(code, l, c, "undefined: "+id.Name)
			}
			ce.Name, ce.Value = KindCompile, "undefined: "+id.Name
			ce.Traceback = []string{ce.Error()}
			return ce
		}
	}
	if (u.final || u.wrapped) && ce.Name == KindPanic {
		unwrapFinalTrace(ce, code)
	}
	if ce.Name == KindPanic {
		e.goFrameNames(ce.Traceback)
		cellFrame(ce, code)
	}
	if ce.Name == KindCompile {
		// yaegi sometimes places an error at a node of another declaration
		// (the type of a missing field): keep errors inside the unit.
		first, _ := lineCol(code, u.off)
		last, _ := lineCol(code, u.end)
		if ce.Line < first || ce.Line > last {
			l, c := lineCol(code, u.off)
			ce.Line, ce.Col = l, runeCol(code, l, c)
			ce.Traceback[0] = ce.Error()
		}
	}
	return ce
}

func isCompileError(err error) bool {
	var p interp.Panic
	if errors.As(err, &p) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	return true
}

// posRE finds "line:col: " at the start of a yaegi message (maybe after a
// file name).
var posRE = regexp.MustCompile(`^(?:[^\s:]*:)?(\d+):(\d+): `)

// cellError turns a yaegi error into a CellError with cell positions.
func (e *Engine) cellError(ctx context.Context, code string, err error) *CellError {
	if ctx.Err() != nil {
		if ce := e.goroutinePanicked(ctx.Err()); ce != nil {
			return ce
		}
	}
	if code, called := e.exited.status(); called {
		return exitError(code)
	}
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return e.interrupted(ctx.Err())
	}
	var p interp.Panic
	if errors.As(err, &p) {
		e.traceMu.Lock()
		trace := e.trace
		e.trace = nil
		e.traceMu.Unlock()
		text, pl, pc, at := e.panicValue(p.Value)
		ce := &CellError{Name: KindPanic, Value: unversion(text)}
		e.notePanic(ce, p.Value)
		ce.Traceback = append(ce.Traceback, "panic: "+ce.Value)
		ce.Traceback = append(ce.Traceback, compiledFrames(p.Callers)...)
		failing := failingFrame(trace, pl, at)
		for i, t := range trace {
			line, col, fn, ok := parseTrace(t)
			if !ok {
				continue
			}
			col = e.origCol(line+1, col)
			if i == failing {
				// The failing expression, not the function's first line.
				line, col = pl, pc
			}
			ce.Traceback = append(ce.Traceback, fmt.Sprintf("    %s at line %d:%d", unversion(fn), line, col))
			if fn == "main" {
				// The cell's own top-level statement: always in this cell.
				ce.Line, ce.Col = line, runeCol(code, line, col)
			}
		}
		return ce
	}
	msg := err.Error()
	first, rest, _ := strings.Cut(msg, "\n")
	ce := &CellError{Name: KindCompile}
	// A position in stdgeneric's interpreted packages (src/slices/…) is not
	// a cell's: the message keeps it and the error has no cell line.
	if m := posRE.FindStringSubmatch(first); m != nil && !strings.HasPrefix(first, "src/") {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		if l > 1 {
			ce.Line = l - 1
			ce.Col = runeCol(code, ce.Line, e.origCol(l, c))
		}
		first = first[len(m[0]):]
	}
	ce.Value = unversion(first)
	if strings.HasPrefix(rest, "\tprevious declaration") {
		rest = ""
	}
	ce.Traceback = []string{ce.Error()}
	if rest != "" {
		ce.Traceback = append(ce.Traceback, strings.Split(rest, "\n")...)
	}
	return ce
}

var traceRE = regexp.MustCompile(`^(\d+):(\d+): panic: (.*)\(\.\.\.\)\s*$`)

// pkgTraceRE matches a yaegi panic line of a frame in the interpreted
// standard packages ("src/slices/iter.go:12:21: panic: slices.All.func(...)"),
// which the traceback leaves out: Go's trace would name the package's
// function, not the engine's copy of its source.
var pkgTraceRE = regexp.MustCompile(`^src/\S+\.go:\d+:\d+: panic: .*\(\.\.\.\)\s*$`)

// parseTrace reads a yaegi panic line "L:C: panic: main.f(...)".
func parseTrace(s string) (line, col int, fn string, ok bool) {
	m := traceRE.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, "", false
	}
	line, _ = strconv.Atoi(m[1])
	col, _ = strconv.Atoi(m[2])
	return line - 1, col, m[3], true
}

// stderrWriter is yaegi's stderr: panic trace lines go to the engine's
// traceback (those of the interpreted standard packages nowhere),
// everything else (the log package) to the cell's stderr.
type stderrWriter struct{ e *Engine }

func (w stderrWriter) Write(b []byte) (int, error) {
	s := string(b)
	if pkgTraceRE.MatchString(strings.TrimRight(s, "\n")) {
		return len(b), nil
	}
	if traceRE.MatchString(strings.TrimRight(s, "\n")) {
		w.e.traceMu.Lock()
		if len(w.e.trace) < 200 {
			w.e.trace = append(w.e.trace, strings.TrimRight(s, "\n"))
		}
		w.e.traceMu.Unlock()
		return len(b), nil
	}
	capture.write(Stderr, b)
	return len(b), nil
}
