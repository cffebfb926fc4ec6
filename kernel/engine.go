package kernel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"log"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nnbook/nnbook/kernel/internal/show"
	"github.com/nnbook/nnbook/kernel/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// Engine is one interpreter session: a yaegi interpreter with the standard
// library, nnlib and nnlib/plot loaded and the common packages imported.
// Its methods are safe for concurrent use; cells run one at a time (across
// all engines of the process, since a cell's stdout and stderr are captured
// process-wide).
type Engine struct {
	mu sync.Mutex
	in *interp.Interpreter

	imports map[string]string   // local package name → import path
	names   map[string]nameKind // names defined by cells
	funcs   map[string]string   // cell func name → "func f(a int) int" + doc
	methods map[string][]string // cell type name → its method names
	varType map[string]string   // variable → cell type name ("T", "*T"), when the AST tells

	// Cell types are declared under versioned names (T_nnv3) with an alias
	// T; see types.go.
	typeVer   map[string]int
	typeSrc   map[string]string            // T → "T struct{...}" as written
	methodSrc map[string]map[string]string // T → method → its declaration as written
	cells     int                          // cells run, for display ids

	// valNames numbers the globals that hold final values: __nnv0, __nnv1…
	// at first, __nnv1_0… after a definition failed at top level (yaegi
	// leaves a name it could not type unusable; see finalSource).
	valNames int

	cellBuiltins map[string]bool // builtins the cell being planned calls as such (builtins.go)

	// Set by the runtime helpers while a cell runs.
	valMu   sync.Mutex
	vals    []shownValue // the final expression's values to show
	failMsg string       // the final call's non-nil error
	failed  bool
	kept    []reflect.Value // values copied out of a define run in a function

	noLive bool // SetLiveDisplay(false): no live training figure

	stdin    stdinReader // the interpreter's standard input (input.go)
	stdinVar io.Reader   // interpreted os.Stdin: &stdin

	goMu      sync.Mutex
	goRunning int // goroutines started by cells, still running
	goStuck   int // how many of them outlived the last wait

	traceMu sync.Mutex
	trace   []string // yaegi's "L:C: panic: f(...)" lines, innermost first
}

// shownValue is one value of the final expression.
type shownValue struct {
	v         interface{}
	text, typ string
	rich      map[string][]byte // MIME data of its interpreted methods (rich.go)
}

type nameKind int

const (
	nameVar nameKind = iota
	nameConst
	nameType
	nameFunc
)

// String returns "var", "const", "type" or "func".
func (k nameKind) String() string {
	return [...]string{"var", "const", "type", "func"}[k]
}

// Preloaded lists the packages every cell can use without an import line,
// by local name.
var Preloaded = map[string]string{
	"fmt":     "fmt",
	"math":    "math",
	"rand":    "math/rand",
	"strings": "strings",
	"sort":    "sort",
	"time":    "time",
	"os":      "os",
	"errors":  "errors",
	"display": "github.com/nnbook/nnbook/kernel/display",
	"nnlib":   "github.com/nnbook/nnbook/nnlib",
	"plot":    "github.com/nnbook/nnbook/nnlib/plot",
}

// Names of the session's private helpers. Cells never see them in Vars or
// completions.
const (
	rtName    = "__rt"      // the nnbookrt package (compiled helpers)
	fmtName   = "__fmt"     // fmt, unshadowable
	valName   = "__nnv"     // the final expression's value
	recovName = "__nnrecov" // interpreted recover wrapper for go statements
	rtPath    = "nnbookrt"
)

// New returns a fresh session with the standard library, nnlib and nnlib/plot
// loaded and the packages of Preloaded imported.
func New() (*Engine, error) {
	if err := startCapture(); err != nil {
		return nil, fmt.Errorf("kernel: capturing output: %v", err)
	}
	e := &Engine{}
	if err := e.reset(); err != nil {
		return nil, err
	}
	return e, nil
}

// Reset discards every definition and starts a fresh session.
func (e *Engine) Reset() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.reset()
}

func (e *Engine) reset() error {
	e.stdinVar = &e.stdin
	in := interp.New(interp.Options{
		Stdin:  &e.stdin,
		Stdout: streamWriter{Stdout},
		Stderr: stderrWriter{e},
		Env:    nil,
	})
	if err := in.Use(stdlib.Symbols); err != nil {
		return fmt.Errorf("kernel: loading the standard library: %v", err)
	}
	if err := in.Use(interp.Exports{"os/os": {"Stdin": reflect.ValueOf(&e.stdinVar).Elem()}}); err != nil {
		return fmt.Errorf("kernel: standard input: %v", err)
	}
	if err := in.Use(symbols.Symbols); err != nil {
		return fmt.Errorf("kernel: loading nnlib: %v", err)
	}
	if err := in.Use(interp.Exports{rtPath + "/" + rtPath: e.runtimeSymbols()}); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("import (\n")
	locals := make([]string, 0, len(Preloaded))
	for name := range Preloaded {
		locals = append(locals, name)
	}
	sort.Strings(locals)
	imports := map[string]string{}
	for _, name := range locals {
		p := Preloaded[name]
		if !e.available(in, p) {
			continue
		}
		fmt.Fprintf(&b, "\t%s %q\n", name, p)
		imports[name] = p
	}
	fmt.Fprintf(&b, "\t%s %q\n\t%s %q\n)", fmtName, "fmt", rtName, rtPath)
	if _, err := in.Eval(b.String()); err != nil {
		return fmt.Errorf("kernel: preloading packages: %v", err)
	}
	if _, err := in.Eval(builtinSource); err != nil {
		return fmt.Errorf("kernel: preloading min and max: %v", err)
	}
	if _, err := in.Eval(fmt.Sprintf("func %s() { if r := recover(); r != nil { %s.GoPanic(r) } }", recovName, rtName)); err != nil {
		return fmt.Errorf("kernel: preloading helpers: %v", err)
	}
	e.in = in
	e.imports = imports
	e.names = map[string]nameKind{}
	e.funcs = map[string]string{}
	e.methods = map[string][]string{}
	e.varType = map[string]string{}
	e.typeVer = map[string]int{}
	e.typeSrc = map[string]string{}
	e.methodSrc = map[string]map[string]string{}
	e.trace = nil
	return nil
}

// available reports whether the interpreter has compiled symbols for path.
func (e *Engine) available(in *interp.Interpreter, p string) bool {
	_, ok := pkgName(p)
	return ok
}

// pkgName returns the package name of an import path the interpreter has
// compiled symbols for ("rand" for "math/rand/v2").
func pkgName(p string) (string, bool) {
	key := p + "/" + path.Base(p)
	if _, ok := stdlib.Symbols[key]; ok {
		return path.Base(p), true
	}
	if _, ok := symbols.Symbols[key]; ok {
		return path.Base(p), true
	}
	for _, m := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
		for k := range m {
			if path.Dir(k) == p {
				return path.Base(k), true
			}
		}
	}
	return "", false
}

// unit is one piece of a cell handed to yaegi.
type unit struct {
	kind    chunkKind
	final   bool // the cell's final expression statement
	off     int  // byte offset of the unit in the cell
	end     int  // byte offset of the unit's end in the cell
	src     string
	plain   string // final units: the source without the value capture
	probe   string // final units: compiles iff the expression has one value
	text    string // statement units: the statements' text (rewritten)
	line    int    // statement units: the text's position in the cell
	col     int
	wrapped bool        // the unit ran inside a function literal
	literal bool        // final units: the values were defined in a function literal, not as globals
	orig    string      // statement units whose definitions became assignments: the source as written (redefine.go)
	base    int         // offset of the unit's text in the source file parsed
	nres    int         // final units: how many results the expression has
	lastErr bool        // final units: the last result is an error
	expr    ast.Expr    // final units: the expression
	ast     []ast.Node  // top-level declarations or statements, for names
	file    *token.File // positions of ast
	// commit records what a successful unit changed in the session's types.
	commit func()
}

// Execute runs one cell, calling emit for every output part in order while
// the cell runs (from other goroutines, never concurrently). It returns a
// *CellError when the cell does not compile, panics, is interrupted by
// cancelling ctx, or ends with a call whose last result is a non-nil error
// (Name "Error"); definitions made before the failure stay. emit must not
// write to os.Stdout or os.Stderr (they are redirected while the cell runs).
func (e *Engine) Execute(ctx context.Context, code string, emit func(Part)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if emit == nil {
		emit = func(Part) {}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	units, cerr := e.plan(code)
	if cerr != nil {
		return cerr
	}
	if len(units) == 0 {
		return nil
	}
	execMu.Lock()
	defer execMu.Unlock()
	e.quiesce(100 * time.Millisecond)
	e.cells++
	e.valMu.Lock()
	e.vals, e.failMsg, e.failed, e.kept = nil, "", false, nil
	e.valMu.Unlock()
	e.traceMu.Lock()
	e.trace = nil
	e.traceMu.Unlock()

	prog := newProgress(e.cells)
	if e.noLive {
		prog = nil
	}
	capture.begin(emit)
	e.stdin.setAsk(inputFrom(ctx))
	capture.holdPrompts(inputFrom(ctx) != nil)
	restore := setHooks(ctx, prog)
	defer show.Set(show.Set(&publisher{e: e, ctx: ctx, prog: prog}))
	finished := false
	finish := func() {
		if !finished {
			finished = true
			restore()
			prog.finish()
		}
	}
	defer func() {
		finish()
		e.stdin.setAsk(nil)
		capture.end()
		dropRetained(e.in)
	}()

	var final unit
	hasFinal := false
	for i, u := range units {
		if err := ctx.Err(); err != nil {
			return interrupted(err)
		}
		if i > 0 {
			// yaegi compiles into structures that running goroutines read.
			e.quiesce(100 * time.Millisecond)
		}
		if err := e.run(ctx, code, &u); err != nil {
			return err
		}
		if u.final {
			final = u
			hasFinal = true
		}
		e.record(u)
	}
	if hasFinal && !final.literal {
		e.richOf(e.valPrefix(), final.nres)
	}
	finish()
	if err := ctx.Err(); err != nil {
		// The cell returned normally, but only because compiled code (nnlib's
		// Fit) stopped on the cancelled context.
		return interrupted(err)
	}
	e.valMu.Lock()
	vals, failMsg, failed := e.vals, e.failMsg, e.failed
	e.valMu.Unlock()
	if !hasFinal {
		return nil
	}
	if failed {
		ce := &CellError{Name: "Error", Value: unversion(failMsg), Line: final.line, Col: runeCol(code, final.line, final.col)}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	switch {
	case len(vals) == 1:
		if final.nres == 2 && final.lastErr && reflect.TypeOf(vals[0].v) == reflect.TypeOf(0) {
			return nil // (int, error): fmt.Print*, Write
		}
		typ := vals[0].typ
		if final.nres == 1 && final.expr != nil {
			if t := e.litType(final.expr); t != "" {
				typ = t
			}
		}
		if part := valuePart(vals[0].v, vals[0].text, vals[0].rich, typ); !prog.showing(part) {
			capture.emitPart(part) // else the live figure shows it (hooks.go)
		}
	case len(vals) > 1:
		capture.emitPart(valuesPart(vals))
	}
	return nil
}

// compile compiles src without running it; a panic inside yaegi's compiler
// is an error.
func (e *Engine) compile(src string) (err error) {
	// A probe that does not compile may make yaegi log.Panic ("nil reflect
	// type"), which prints on the process's log before the panic becomes
	// the error: the message is not the user's, so it is dropped.
	out := log.Writer()
	log.SetOutput(io.Discard)
	defer func() {
		log.SetOutput(out)
		if r := recover(); r != nil {
			err = fmt.Errorf("interpreter: %v", r)
		}
	}()
	_, err = e.in.Compile(src)
	return err
}

// eval evaluates a side-effect-free expression for the introspection tools;
// a panic inside yaegi is an error.
func (e *Engine) eval(src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = reflect.Value{}, fmt.Errorf("interpreter: %v", r)
		}
	}()
	return e.in.Eval(src)
}

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

// interruptGrace is the longest Execute waits after an interrupt for the
// stopped evaluation to unwind (yaegi's EvalWithContext returns at once and
// leaves its goroutine to notice the stop; compiled code such as nnlib's Fit
// notices the cancelled context before its next step).
const interruptGrace = 700 * time.Millisecond

// waitStopped waits until no goroutine is inside yaegi's EvalWithContext
// (all go statements of cells run through __rt.Go, outside it), or d passes.
func waitStopped(d time.Duration) {
	deadline := time.Now().Add(d)
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if !bytes.Contains(buf[:n], []byte("interp.(*Interpreter).EvalWithContext.func")) || time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// run evaluates one unit.
func (e *Engine) run(ctx context.Context, code string, u *unit) *CellError {
	src := u.src
	if u.final {
		// Decided now, after the cell's earlier units defined their names.
		u.nres, u.lastErr = e.results(u)
		if u.nres == 0 {
			src = u.plain
		} else {
			// A name yaegi cannot resolve would leave its top-level
			// analysis in a state that garbles the error message.
			literal := e.firstUndefined(*u) != nil || u.expr != nil && e.callsGeneric(u.expr)
			src = u.finalSource(e.valPrefix(), literal)
			u.literal = literal
		}
	}
	if !u.final && (u.kind == chunkStmt || u.kind == chunkDecl) && e.needsLiteral(u.ast) {
		// A definition yaegi cannot compile at top level: run the unit's
		// statements one by one, that one in a function literal.
		if ce, ok := e.runSplit(ctx, code, u); ok {
			return ce
		}
	}
	_, err := e.evalUnit(ctx, u, src)
	if err == nil {
		return nil
	}
	if u.final && u.nres > 0 && ctx.Err() == nil && (gtaFailure(err) || isCompileError(err)) {
		// Nothing ran: the values' definition did not compile at top level
		// (or does not at all; the function literal gives the messages
		// yaegi gives for any statement). yaegi may have left the names
		// half defined, so they are not used again.
		e.valNames++
		u.literal = true
		if _, err = e.in.EvalWithContext(ctx, u.finalSource(e.valPrefix(), true)); err == nil {
			return nil
		}
	}
	if !u.final && ctx.Err() == nil && gtaFailure(err) {
		// Nothing ran: yaegi's global analysis failed on a definition.
		if ce, ok := e.runSplit(ctx, code, u); ok {
			return ce
		}
	}
	return e.unitError(ctx, code, u, err)
}

// evalUnit evaluates src, the source of u; when u's definitions of existing
// variables were turned into assignments and that does not compile (nothing
// ran), it evaluates the unit as written (redefine.go).
func (e *Engine) evalUnit(ctx context.Context, u *unit, src string) (reflect.Value, error) {
	v, err := e.in.EvalWithContext(ctx, src)
	if err != nil && u.orig != "" && src == u.src && ctx.Err() == nil && (isCompileError(err) || gtaFailure(err)) {
		u.src, u.orig = u.orig, ""
		return e.in.EvalWithContext(ctx, u.src)
	}
	return v, err
}

// valPrefix is the prefix of the final values' names: __nnv, __nnv1_, …
func (e *Engine) valPrefix() string {
	if e.valNames == 0 {
		return valName
	}
	return fmt.Sprintf("%s%d_", valName, e.valNames)
}

// unitError turns an evaluation error of u into a CellError.
func (e *Engine) unitError(ctx context.Context, code string, u *unit, err error) *CellError {
	ce := e.cellError(ctx, code, err)
	if ce.Value == "constant definition loop" || compilePanic(err) || u.wrapped && ce.Name == "CompileError" {
		// yaegi's message (or panic) for an undefined name in a top-level
		// statement: name the name.
		if id := e.firstUndefined(*u); id != nil {
			if u.file != nil {
				l, c := lineCol(code, u.off+u.file.Offset(id.Pos())-u.base)
				return compileErr(code, l, c, "undefined: "+id.Name)
			}
			ce.Name, ce.Value = "CompileError", "undefined: "+id.Name
			ce.Traceback = []string{ce.Error()}
			return ce
		}
	}
	if (u.final || u.wrapped) && ce.Name == "Panic" {
		unwrapFinalTrace(ce, code)
	}
	if ce.Name == "CompileError" {
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

func interrupted(err error) *CellError {
	waitStopped(interruptGrace)
	return &CellError{Name: "Interrupted", Value: "interrupted", Traceback: []string{"interrupted: " + err.Error()}}
}

// posRE finds "line:col: " at the start of a yaegi message (maybe after a
// file name).
var posRE = regexp.MustCompile(`^(?:[^\s:]*:)?(\d+):(\d+): `)

// cellError turns a yaegi error into a CellError with cell positions.
func (e *Engine) cellError(ctx context.Context, code string, err error) *CellError {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return interrupted(ctx.Err())
	}
	var p interp.Panic
	if errors.As(err, &p) {
		e.traceMu.Lock()
		trace := e.trace
		e.trace = nil
		e.traceMu.Unlock()
		ce := &CellError{Name: "Panic", Value: unversion(fmt.Sprint(p.Value))}
		ce.Traceback = append(ce.Traceback, "panic: "+ce.Value)
		for _, t := range trace {
			line, col, fn, ok := parseTrace(t)
			if !ok {
				continue
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
	ce := &CellError{Name: "CompileError"}
	if m := posRE.FindStringSubmatch(first); m != nil {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		if l > 1 {
			ce.Line = l - 1
			ce.Col = runeCol(code, ce.Line, c)
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
// traceback, everything else (the log package) to the cell's stderr.
type stderrWriter struct{ e *Engine }

func (w stderrWriter) Write(b []byte) (int, error) {
	s := string(b)
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

// ---- planning: split, parse, rewrite ----

const (
	stmtHeader = "package main; func main() {"
	declHeader = "package main;"
)

// pad returns newlines and spaces that put the next byte at cell position
// (line, col) shifted down one line: yaegi's wrapper owns line 1.
func pad(line, col int) string {
	return strings.Repeat("\n", line) + strings.Repeat(" ", col-1)
}

// plan splits the cell into units, checks their syntax and rewrites go
// statements, the final expression and repeated imports. Nothing runs.
func (e *Engine) plan(code string) ([]unit, *CellError) {
	chunks, serr := splitCell(code)
	if serr != nil {
		l, c := lineCol(code, serr.off)
		return nil, compileErr(code, l, c, serr.msg)
	}
	e.cellBuiltins = cellBuiltins(code)
	var units []unit
	program := false // the cell starts with package main
	ps := e.newPlanState()
	for i, ch := range chunks {
		text := code[ch.off:ch.end]
		line, col := lineCol(code, ch.off)
		switch ch.kind {
		case chunkPackage:
			// A whole Go file pasted into a cell: as `go run` would, a
			// package main runs its func main after its declarations.
			if i > 0 {
				return nil, compileErr(code, line, col, "a package clause must come first in a cell")
			}
			f, err := parser.ParseFile(token.NewFileSet(), "", text, parser.PackageClauseOnly)
			if err != nil || len(strings.Fields(text)) != 2 {
				return nil, compileErr(code, line, col, "expected package clause `package NAME`, got "+strconv.Quote(text))
			}
			program = f.Name.Name == "main"
		case chunkImport:
			us, cerr := e.planImports(code, ch)
			if cerr != nil {
				return nil, cerr
			}
			units = append(units, us...)
		case chunkDecl:
			src := declHeader + pad(line, col) + text
			f, file, cerr := parseChunk(code, src, len(declHeader))
			if cerr != nil {
				return nil, cerr
			}
			nodes := make([]ast.Node, len(f.Decls))
			for j, d := range f.Decls {
				nodes[j] = d
			}
			base := len(declHeader) + len(pad(line, col))
			edits := e.sourceEdits(text, f, file, base)
			tedits, appendix, commit := ps.versionTypes(text, f, file, base)
			text = applyEdits(text, append(edits, tedits...)) + appendix
			units = append(units, unit{kind: chunkDecl, off: ch.off, end: ch.end, src: pad(line, col) + text, ast: nodes, file: file, base: base, commit: commit})
		case chunkStmt:
			src := stmtHeader + pad(line, col) + text + "\n}"
			f, file, cerr := parseChunk(code, src, len(stmtHeader))
			if cerr != nil {
				return nil, cerr
			}
			body := f.Decls[0].(*ast.FuncDecl).Body.List
			base := len(stmtHeader) + len(pad(line, col))
			last := i == len(chunks)-1
			var final *ast.ExprStmt
			if last && len(body) > 0 {
				final, _ = body[len(body)-1].(*ast.ExprStmt)
			}
			stmts := body
			end := ch.end
			if final != nil {
				stmts = body[:len(body)-1]
				end = ch.off + file.Offset(final.Pos()) - base
			}
			if len(stmts) > 0 {
				u := e.stmtUnit(code, ch.off, end)
				units = append(units, u)
			}
			if final != nil {
				off := ch.off + file.Offset(final.Pos()) - base
				units = append(units, e.finalUnit(code, off, ch.end))
			}
		}
	}
	if program {
		if u, ok := mainCall(code, units); ok {
			units = append(units, u)
		}
	}
	return units, nil
}

// mainCall returns a unit calling the func main the units declare (renamed
// mainName), positioned at its declaration; ok is false when they declare
// none.
func mainCall(code string, units []unit) (unit, bool) {
	for _, u := range units {
		if u.kind != chunkDecl || u.file == nil {
			continue
		}
		for _, n := range u.ast {
			fd, ok := n.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != "main" {
				continue
			}
			off := u.off + u.file.Offset(fd.Pos()) - u.base
			line, col := lineCol(code, off)
			text := mainName + "()"
			src := ";" + pad(line, col) + text + stmtTail
			return unit{kind: chunkStmt, off: off, end: off, src: src, text: text, line: line, col: col}, true
		}
	}
	return unit{}, false
}

// stmtUnit builds a statement unit for code[off:end] (already parsed once).
func (e *Engine) stmtUnit(code string, off, end int) unit {
	text := strings.TrimRight(code[off:end], " \t\n;")
	line, col := lineCol(code, off)
	src := stmtHeader + pad(line, col) + text + "\n}"
	f, file, _ := parseChunk(code, src, len(stmtHeader))
	u := unit{kind: chunkStmt, off: off, end: end, file: file}
	if f != nil {
		for _, s := range f.Decls[0].(*ast.FuncDecl).Body.List {
			u.ast = append(u.ast, s)
		}
		base := len(stmtHeader) + len(pad(line, col))
		edits := e.sourceEdits(text, f, file, base)
		if redef := e.redefineEdits(text, f, file, base); len(redef) > 0 {
			u.orig = ";" + pad(line, col) + applyEdits(text, append([]edit(nil), edits...)) + stmtTail
			edits = append(edits, redef...)
		}
		text = applyEdits(text, edits)
	}
	// A unit must not start with "func" (a function literal called at once):
	// yaegi would parse it as a file declaring func main, and run that main
	// again after every later evaluation.
	u.src = ";" + pad(line, col) + text + stmtTail
	u.text, u.line, u.col = text, line, col
	u.base = len(stmtHeader) + len(pad(line, col))
	return u
}

// stmtTail ends every statement unit with a constant expression: yaegi then
// computes the unit's result without reading the global frame after the code
// ran, which an interrupted evaluation would otherwise do unsynchronised with
// the next cell.
const stmtTail = "\n0"

// finalUnit builds the unit of the cell's final expression statement: it
// stores the value for display, or (when that does not compile) runs as is.
func (e *Engine) finalUnit(code string, off, end int) unit {
	u := e.stmtUnit(code, off, end)
	u.final = true
	u.plain = u.src
	line, col := lineCol(code, off)
	text := strings.TrimSuffix(u.src[len(";"+pad(line, col)):], stmtTail)
	u.probe = strings.Repeat("\n", line-1) + rtName + ".Probe(\n" + strings.Repeat(" ", col-1) + text + ",\n)"
	if len(u.ast) == 1 {
		if es, ok := u.ast[0].(*ast.ExprStmt); ok {
			u.expr = es.X
		}
	}
	return u
}

// parseChunk parses a wrapped chunk; syntax errors come back with cell
// positions (wrapper line 1 removed).
func parseChunk(code, src string, header int) (*ast.File, *token.File, *CellError) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		msg := err.Error()
		line, col := 0, 0
		var el scanner.ErrorList
		if errors.As(err, &el) && len(el) > 0 {
			msg = el[0].Error()
		}
		if m := posRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			col, _ = strconv.Atoi(m[2])
			msg = msg[len(m[0]):]
		}
		line--
		if line < 1 {
			line, col = 1, 1
		}
		if n := strings.Count(code, "\n") + 1; line > n {
			line = n
			col = len(code) - strings.LastIndex(code, "\n")
		}
		return nil, nil, compileErr(code, line, col, msg)
	}
	return f, fset.File(f.Pos()), nil
}

func compileErr(code string, line, col int, msg string) *CellError {
	ce := &CellError{Name: "CompileError", Value: msg, Line: line, Col: runeCol(code, line, col)}
	ce.Traceback = []string{ce.Error()}
	return ce
}

// planImports drops imports the session already has and reports clashes.
func (e *Engine) planImports(code string, ch chunk) ([]unit, *CellError) {
	line, col := lineCol(code, ch.off)
	src := declHeader + pad(line, col) + code[ch.off:ch.end]
	f, file, cerr := parseChunk(code, src, len(declHeader))
	if cerr != nil {
		return nil, cerr
	}
	base := len(declHeader) + len(pad(line, col))
	var units []unit
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name, _ := pkgName(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		off := ch.off + file.Offset(spec.Pos()) - base
		end := ch.off + file.Offset(spec.End()) - base
		if name != "_" && name != "." {
			if have, ok := e.imports[name]; ok {
				if have == p {
					continue
				}
				l, c := lineCol(code, off)
				return nil, compileErr(code, l, c, fmt.Sprintf("%s is already imported as %q; import %q under another name, e.g. import x%s %q", name, have, p, name, p))
			}
		}
		l, c := lineCol(code, off)
		if !e.available(e.in, p) {
			return nil, compileErr(code, l, c, fmt.Sprintf("package %q is not available: cells can import the standard library, %s", p, importable()))
		}
		// "import" goes at the end of the line before the spec, which keeps
		// the spec's line and column.
		text := strings.Repeat("\n", l-1) + "import\n" + strings.Repeat(" ", c-1) + code[off:end]
		units = append(units, unit{kind: chunkImport, off: off, end: end, src: text, ast: []ast.Node{spec}})
	}
	return units, nil
}

// edit replaces text[off:end] with s.
type edit struct {
	off, end int
	s        string
}

// applyEdits applies non-overlapping edits to text.
func applyEdits(text string, edits []edit) string {
	if len(edits) == 0 {
		return text
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].off > edits[j].off })
	for _, ed := range edits {
		if ed.off < 0 || ed.end > len(text) || ed.off > ed.end {
			continue
		}
		text = text[:ed.off] + ed.s + text[ed.end:]
	}
	return text
}

// sourceEdits returns every rewrite of a unit's source the engine makes
// before yaegi sees it (text is the unit's text, at offset base of file):
// go statements (goEdits), range over an integer (rangeint.go), comma-ok
// map reads (mapindex.go), min, max and clear (builtins.go) and the
// identifier main (mainrename.go). Type versions (types.go) and turning
// definitions into assignments (redefine.go) come on top where they apply.
func (e *Engine) sourceEdits(text string, f *ast.File, file *token.File, base int) []edit {
	edits := goEdits(f, file, base)
	edits = append(edits, e.rangeEdits(text, f, file, base)...)
	edits = append(edits, mapIndexEdits(text, f, file, base)...)
	edits = append(edits, e.builtinEdits(text, f, file, base)...)
	edits = append(edits, e.varGenericEdits(text, f, file, base)...)
	edits = append(edits, e.displayEdits(f, file, base)...)
	return append(edits, mainEdits(f, file, base)...)
}

// goEdits returns the edits of rewriteGo.
func goEdits(f *ast.File, file *token.File, base int) []edit {
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		goOff := file.Offset(g.Go) - base
		call := g.Call
		funOff := file.Offset(call.Fun.Pos()) - base
		if call.Ellipsis.IsValid() || isBuiltin(call.Fun) {
			edits = append(edits,
				edit{goOff, funOff, rtName + ".Go(func() { "},
				edit{file.Offset(call.End()) - base, file.Offset(call.End()) - base, " })"})
			return true
		}
		lp := file.Offset(call.Lparen) - base
		repl := ""
		if len(call.Args) > 0 {
			repl = ", "
		}
		edits = append(edits,
			edit{goOff, funOff, rtName + ".Go("},
			edit{lp, lp + 1, repl})
		return true
	})
	return edits
}

var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
}

func isBuiltin(fun ast.Expr) bool {
	id, ok := fun.(*ast.Ident)
	return ok && builtins[id.Name]
}

// arity tells from the AST (and the compiled symbol tables) how many values
// an expression has, or -1 when only the compiler knows (calls of cell funcs
// and methods).
func (e *Engine) arity(x ast.Expr) int {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return 1 // every other expression statement has one value
	}
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		switch fun.Name {
		case "print", "println", "panic", "close", "delete", "clear":
			if e.names[fun.Name] == 0 && !e.declared(fun.Name) {
				return 0
			}
		case "min", "max":
			if e.builtinRewritten(fun.Name) {
				return 1
			}
		}
	case *ast.SelectorExpr:
		pkg, ok := fun.X.(*ast.Ident)
		if !ok || e.declared(pkg.Name) {
			break
		}
		p, ok := e.imports[pkg.Name]
		if !ok {
			break
		}
		v, ok := packageSymbols(p)[fun.Sel.Name]
		if !ok {
			break
		}
		if v.Kind() == reflect.Func && !strings.HasPrefix(fun.Sel.Name, "_") {
			return v.Type().NumOut()
		}
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return 1 // a conversion to a package type
		}
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		return 1 // a conversion
	}
	return -1
}

// declared reports whether a cell defined name (shadowing a package or builtin).
func (e *Engine) declared(name string) bool {
	_, ok := e.names[name]
	return ok
}

// litType names the type of T{...} and &T{...} for a type T of a cell
// (the interpreter's reflect types of cell types are anonymous).
func (e *Engine) litType(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return e.varType[x.Name]
	case *ast.CompositeLit:
		if id, ok := x.Type.(*ast.Ident); ok && e.names[id.Name] == nameType {
			return id.Name
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if t := e.litType(x.X); t != "" {
				return "*" + t
			}
		}
	case *ast.ParenExpr:
		return e.litType(x.X)
	}
	return ""
}

// typeExprName names a type expression T or *T of a cell type.
func (e *Engine) typeExprName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		if e.names[x.Name] == nameType && e.declared(x.Name) {
			return x.Name
		}
	case *ast.StarExpr:
		if t := e.typeExprName(x.X); t != "" {
			return "*" + t
		}
	}
	return ""
}

// firstUndefined returns the first identifier of a unit that is declared
// nowhere: not in the unit, not by an earlier cell, not predeclared.
func (e *Engine) firstUndefined(u unit) *ast.Ident {
	declared := map[string]bool{} // by the unit; the session's names are looked up
	known := func(name string) bool {
		if declared[name] || types.Universe.Lookup(name) != nil {
			return true
		}
		_, isName := e.names[name]
		_, isImport := e.imports[name]
		return isName || isImport
	}
	var first *ast.Ident
	for _, n := range u.ast {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					for _, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							declared[id.Name] = true
						}
					}
				}
			case *ast.Field:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			case *ast.ValueSpec:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			case *ast.RangeStmt:
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if id, ok := x.(*ast.Ident); ok {
						declared[id.Name] = true
					}
				}
			}
			return true
		})
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if first != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, visit) // not the selected name
			return false
		case *ast.KeyValueExpr:
			if _, ok := n.Key.(*ast.Ident); ok {
				// A struct field name in a composite literal.
				ast.Inspect(n.Value, visit)
				return false
			}
		case *ast.BranchStmt, *ast.LabeledStmt:
			if l, ok := n.(*ast.LabeledStmt); ok {
				ast.Inspect(l.Stmt, visit)
			}
			return false
		case *ast.Ident:
			if !known(n.Name) && n.Name != "_" {
				first = n
			}
		}
		return first == nil
	}
	for _, n := range u.ast {
		ast.Inspect(n, visit)
	}
	return first
}

// record notes the names a successful unit defined.
func (e *Engine) record(u unit) {
	if u.commit != nil {
		u.commit()
	}
	for _, n := range u.ast {
		switch n := n.(type) {
		case *ast.ImportSpec:
			p, _ := strconv.Unquote(n.Path.Value)
			name, _ := pkgName(p)
			if n.Name != nil {
				name = n.Name.Name
			}
			if name != "_" && name != "." {
				e.imports[name] = p
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						e.names[id.Name] = nameVar
						delete(e.varType, id.Name)
						if len(n.Rhs) == len(n.Lhs) {
							if t := e.litType(n.Rhs[i]); t != "" {
								e.varType[id.Name] = t
							}
						}
					}
				}
			}
		case *ast.GenDecl:
			for _, s := range n.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					k := nameVar
					if n.Tok == token.CONST {
						k = nameConst
					}
					for i, id := range s.Names {
						if id.Name == "_" {
							continue
						}
						e.names[id.Name] = k
						delete(e.varType, id.Name)
						if t := e.typeExprName(s.Type); t != "" {
							e.varType[id.Name] = t
						} else if len(s.Values) == len(s.Names) {
							if t := e.litType(s.Values[i]); t != "" {
								e.varType[id.Name] = t
							}
						}
					}
				case *ast.TypeSpec:
					e.names[s.Name.Name] = nameType
				}
			}
		case *ast.FuncDecl:
			if n.Recv != nil {
				if t := recvType(n.Recv); t != "" {
					ms := e.methods[t]
					found := false
					for _, m := range ms {
						found = found || m == n.Name.Name
					}
					if !found {
						e.methods[t] = append(ms, n.Name.Name)
					}
					e.funcs[t+"."+n.Name.Name] = funcSignature(n)
				}
				continue
			}
			e.names[n.Name.Name] = nameFunc
			e.funcs[n.Name.Name] = funcSignature(n)
		}
	}
}

func recvType(fl *ast.FieldList) string {
	if len(fl.List) == 0 {
		return ""
	}
	t := fl.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// ---- compiled helpers the interpreted code calls ----

func (e *Engine) runtimeSymbols() map[string]reflect.Value {
	syms := e.richSymbols()
	for k, v := range map[string]reflect.Value{
		"Add": reflect.ValueOf(func(v interface{}, text string) {
			e.valMu.Lock()
			e.vals = append(e.vals, shownValue{v: v, text: text, typ: fmt.Sprintf("%T", v)})
			e.valMu.Unlock()
		}),
		"Clear": reflect.ValueOf(func(v interface{}) {
			// the builtin clear (builtins.go)
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.Map || rv.Kind() == reflect.Slice {
				rv.Clear()
			}
		}),
		"Fail": reflect.ValueOf(func(msg string) {
			e.valMu.Lock()
			e.failed, e.failMsg = true, msg
			e.valMu.Unlock()
		}),
		"Keep": reflect.ValueOf(func(ptrs ...interface{}) {
			e.valMu.Lock()
			e.kept = e.kept[:0]
			for _, p := range ptrs {
				e.kept = append(e.kept, reflect.ValueOf(p).Elem())
			}
			e.valMu.Unlock()
		}),
		"Probe": reflect.ValueOf(func(v interface{}) {}),
		"Go": reflect.ValueOf(func(f interface{}, args ...interface{}) {
			fv := reflect.ValueOf(f)
			if fv.Kind() != reflect.Func {
				panic(fmt.Sprintf("go: %T is not a function", f))
			}
			in, err := callArgs(fv.Type(), args)
			if err != nil {
				panic("go: " + err.Error())
			}
			e.goMu.Lock()
			e.goRunning++
			e.goMu.Unlock()
			go func() {
				defer func() {
					if r := recover(); r != nil {
						e.goPanic(r)
					}
					e.goMu.Lock()
					e.goRunning--
					e.goMu.Unlock()
				}()
				fv.Call(in)
			}()
		}),
		"GoPanic": reflect.ValueOf(func(r interface{}) { e.goPanic(r) }),
	} {
		syms[k] = v
	}
	return syms
}

// callArgs converts go-statement arguments to the function's parameter types
// (untyped constants arrive with their default types).
func callArgs(t reflect.Type, args []interface{}) ([]reflect.Value, error) {
	n := t.NumIn()
	if !t.IsVariadic() && len(args) != n || t.IsVariadic() && len(args) < n-1 {
		return nil, fmt.Errorf("function takes %d arguments but got %d", n, len(args))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		if t.IsVariadic() && i >= n-1 {
			pt = t.In(n - 1).Elem()
		} else {
			pt = t.In(i)
		}
		if a == nil {
			in[i] = reflect.Zero(pt)
			continue
		}
		v := reflect.ValueOf(a)
		if v.Type() != pt {
			if v.Type().ConvertibleTo(pt) {
				v = v.Convert(pt)
			} else if !v.Type().AssignableTo(pt) {
				return nil, fmt.Errorf("argument %d is %s, want %s", i+1, v.Type(), pt)
			}
		}
		in[i] = v
	}
	return in, nil
}

// goPanic reports a panic recovered in a goroutine a cell started.
func (e *Engine) goPanic(r interface{}) {
	e.traceMu.Lock()
	trace := e.trace
	e.trace = nil
	e.traceMu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "panic in goroutine (recovered): %v\n", r)
	for _, t := range trace {
		if line, col, fn, ok := parseTrace(t); ok {
			fmt.Fprintf(&b, "    %s at line %d:%d\n", fn, line, col)
		}
	}
	capture.write(Stderr, []byte(b.String()))
}
