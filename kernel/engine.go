package kernel

import (
	"fmt"
	"io"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/nnbook/nnbook/kernel/internal/cellerr"
	"github.com/nnbook/nnbook/kernel/rewrite"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
	"github.com/nnbook/nnbook/kernel/symbols"
	"github.com/traefik/yaegi/interp"
)

// Engine is one interpreter session: a yaegi interpreter with the standard
// library, nnlib and nnlib/plot loaded and the common packages imported.
// Its methods are safe for concurrent use; cells run one at a time (across
// all engines of the process, since a cell's stdout and stderr are captured
// process-wide).
type Engine struct {
	mu sync.Mutex
	in *interp.Interpreter

	imports map[string]string // local package name → import path
	// unimported holds the Preloaded names not yet imported into yaegi.
	unimported map[string]bool
	names      map[string]nameKind // names defined by cells
	funcs      map[string]string   // cell func name → "func f(a int) int" + doc
	methods    map[string][]string // cell type name → its method names
	varType    map[string]string   // variable → cell type name ("T", "*T"), when the AST tells
	declType   map[string]string   // variable → the type its declaration writes (var x T), for Vars
	errTypes   *cellerr.Registry   // the cell types that are errors (cellerrors.go)

	// Cell types are declared under versioned names (T_nnv3) with an alias
	// T; see types.go.
	typeVer   map[string]int
	typeSrc   map[string]string            // T → "T struct{...}" as written
	methodSrc map[string]map[string]string // T → method → its declaration as written
	// halfMethods are the methods of declarations that waited (pending.go):
	// yaegi kept them half defined, so declaring them again must declare
	// their type again.
	halfMethods map[string]map[string]bool
	cells       int // cells run, for display ids

	// valNames numbers the globals that hold final values: __nnv0, __nnv1…
	// at first, __nnv1_0… after a definition failed at top level (yaegi
	// leaves a name it could not type unusable; see finalSource).
	valNames int

	cellBuiltins map[string]bool   // builtins the cell being planned calls as such (builtins.go)
	program      bool              // the cell being planned is a whole Go file (package clause)
	pending      []waiting         // declarations waiting for names of later cells (pending.go)
	cellFuncs    map[string]string // funcs and methods ("T.M") cells declared → signature (rangefunc.go)
	cellDefines  map[string]bool   // names the cell may define before the unit being planned (panics.go)
	cellImports  map[string]string // local name → path of the imports of the cell being planned
	cellVars     map[string]string // variables the cell defines before the unit being planned → type ("" unknown)

	// Set by the runtime helpers while a cell runs.
	valMu   sync.Mutex
	vals    []shownValue // the final expression's values to show
	failMsg string       // the final call's non-nil error
	failed  bool
	kept    []reflect.Value // values copied out of a define run in a function

	noLive bool // SetLiveDisplay(false): no live training figure

	stdin    stdinReader // the interpreter's standard input (input.go)
	stdinVar io.Reader   // interpreted os.Stdin: &stdin

	goMu       sync.Mutex
	goRunning  int                     // goroutines started by cells, still running
	goStuck    int                     // how many of them outlived the last wait
	goroutines map[*cellGoroutine]bool // the running ones (goroutines.go)

	intr interruptState // stopped code still running (interrupt.go)

	exited exitState   // os.Exit of the running cell (exit.go)
	late   lateReports // goroutine panics after their cell, for the next one (gopanic.go)
	goSeq  goSeq       // numbers the cells' goroutines (gopanic.go)

	deferMu  sync.Mutex
	deferred []cellDeferred // the running cell's top-level defers (celldefer.go)
	panics   cellPanics     // what they may recover (celldefer.go)

	traceMu sync.Mutex
	trace   []string // yaegi's "L:C: panic: f(...)" lines, innermost first

	panicked panicSite // the failed bounds check of the running cell (panics.go)

	comp *compiledState // compiled cells (compiled.go)

	types    cellTypes         // the types cells declared, for fmt (celltypes.go)
	colEdits map[int][]colEdit // the running cell's rewritten lines (colmap.go)
	errCols  map[int][]colEdit // the rewritten lines of the unit whose error is reported

	// The syntax trace frames are named from (funcnames.go): goroutines
	// report their panics while a cell runs.
	funcMu    sync.Mutex
	funcSrc   map[string][]funcSource // the functions cells declared, by yaegi's frame name
	cellUnits []unit                  // the running cell's units
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
	rtName    = rewrite.Runtime // the nnbookrt package (compiled helpers)
	fmtName   = "__fmt"         // fmt, unshadowable
	valName   = "__nnv"         // the final expression's value
	recovName = "__nnrecov"     // interpreted recover wrapper for go statements
	rtPath    = "nnbookrt"
)

// New returns a fresh session with the standard library, nnlib and nnlib/plot
// loaded and the packages of Preloaded imported.
func New() (*Engine, error) {
	filterYaegiLog()
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
	e.intr.forget()
	e.stdinVar = &e.stdin
	e.errTypes = &cellerr.Registry{}
	in := interp.New(interp.Options{
		Stdin:  &e.stdin,
		Stdout: streamWriter{Stdout},
		Stderr: stderrWriter{e},
		Env:    nil,
		// The generic standard packages are interpreted source (stdgeneric).
		GoPath:               stdgeneric.GoPath,
		SourcecodeFilesystem: stdgeneric.Source(),
	})
	if err := in.Use(stdgeneric.Stdlib()); err != nil {
		return fmt.Errorf("kernel: loading the standard library: %v", err)
	}
	if err := useCellErrors(in); err != nil {
		return fmt.Errorf("kernel: errors of cell types: %v", err)
	}
	if err := in.Use(interp.Exports{"os/os": e.exitSymbols()}); err != nil {
		return fmt.Errorf("kernel: os.Exit: %v", err)
	}
	if err := in.Use(interp.Exports{"os/os": {"Stdin": reflect.ValueOf(&e.stdinVar).Elem()}}); err != nil {
		return fmt.Errorf("kernel: standard input: %v", err)
	}
	if err := in.Use(stdgeneric.Rebase(e.callbackSymbols())); err != nil {
		return fmt.Errorf("kernel: cell-aware blocking calls: %v", err)
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
	unimported := map[string]bool{}
	for _, name := range locals {
		p := Preloaded[name]
		if !e.available(in, p) {
			continue
		}
		imports[name] = p
		if sharesName(name, p) {
			// Imported into yaegi on first use (imports.go).
			unimported[name] = true
			continue
		}
		fmt.Fprintf(&b, "\t%s %q\n", name, p)
	}
	fmt.Fprintf(&b, "\t%s %q\n\t%s %q\n)", fmtName, "fmt", rtName, rtPath)
	if _, err := in.Eval(b.String()); err != nil {
		return fmt.Errorf("kernel: preloading packages: %v", err)
	}
	if _, err := in.Eval(builtinSource); err != nil {
		return fmt.Errorf("kernel: preloading min and max: %v", err)
	}
	if _, err := in.Eval(anySource); err != nil {
		return fmt.Errorf("kernel: preloading helpers: %v", err)
	}
	if _, err := in.Eval(fmt.Sprintf("func %s() { if r := recover(); r != nil { %s.GoPanic(r) } }", recovName, rtName)); err != nil {
		return fmt.Errorf("kernel: preloading helpers: %v", err)
	}
	e.in = in
	e.imports = imports
	e.unimported = unimported
	e.names = map[string]nameKind{}
	e.funcs = map[string]string{}
	e.methods = map[string][]string{}
	e.varType = map[string]string{}
	e.declType = map[string]string{}
	e.typeVer = map[string]int{}
	e.typeSrc = map[string]string{}
	e.methodSrc = map[string]map[string]string{}
	e.halfMethods = map[string]map[string]bool{}
	e.trace = nil
	e.funcMu.Lock()
	e.funcSrc = nil
	e.funcMu.Unlock()
	e.types.reset()
	e.pending = nil
	return nil
}

// available reports whether the interpreter has compiled symbols for path.
func (e *Engine) available(in *interp.Interpreter, p string) bool {
	_, ok := pkgName(p)
	return ok
}

// pkgName returns the package name of an import path the interpreter has
// compiled symbols or interpreted source for ("rand" for "math/rand/v2").
func pkgName(p string) (string, bool) {
	if stdgeneric.IsSource(p) {
		return path.Base(p), true
	}
	if stdgeneric.Hidden(p) {
		return "", false
	}
	std := stdgeneric.Stdlib()
	key := p + "/" + path.Base(p)
	if _, ok := std[key]; ok {
		return path.Base(p), true
	}
	if _, ok := symbols.Symbols[key]; ok {
		return path.Base(p), true
	}
	for _, m := range []map[string]map[string]reflect.Value{std, symbols.Symbols} {
		for k := range m {
			if path.Dir(k) == p {
				return path.Base(k), true
			}
		}
	}
	return "", false
}
