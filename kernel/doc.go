// Package kernel is the execution engine every nnbook front end shares (the
// REPL, the Jupyter kernel and the headless notebook runner). It is the only
// package that talks to the Go interpreter, github.com/traefik/yaegi.
//
// An Engine is one session. New loads the standard library and nnbook's
// compiled packages (nnlib, nnlib/plot, from the generated tables in
// kernel/symbols) and imports the common ones, so a cell can use fmt, math,
// math/rand, strings, sort, time, os, errors, nnlib and plot without an
// import line. rand, whose name other standard packages share, is imported
// when a cell first uses it (imports.go), so a cell that imports
// math/rand/v2 or crypto/rand first gets that package. The standard library
// is that of the toolchain the binary was built with: yaegi's tables with
// the newer names and the generic packages of kernel/stdgeneric.
//
// # Cells
//
// Execute runs a cell the way a Go programmer writes one in a notebook: any
// mix of imports, declarations and statements, in any order. The cell is
// split with go/scanner into runs of declarations and runs of statements,
// which yaegi evaluates in order, at the session's top level, so every name
// stays visible to later cells. Running a cell again works: imports the
// session already has are dropped, `x := v` for a variable the session has
// assigns it when v fits its type (so functions compiled before see the new
// value, and the old one can be freed; redefine.go) and otherwise makes a
// new variable, a func or type declared again replaces the old one.
//
// Declaration order does not matter, as in a Go file: a declaration cell
// that uses names no cell has declared yet (func main calling isOdd,
// declared in the next cell) reports "main: declared; waits for isOdd" and
// compiles when a later cell declares them, together with other waiting
// declarations, so functions calling each other can be declared in separate
// cells; a statement using a waiting name fails naming what it waits for
// (pending.go). Package-level variables are initialized in Go's
// dependency order (kernel/rewrite's InitOrder).
//
// When the cell ends with an expression statement that has a value, that
// value is shown as a Value part with every MIME type the value gives (the
// Go analogue of IPython's _repr_html_; rich.go): HTML() string, Markdown()
// string, LaTeX() string, PNG() ([]byte, error) (nnlib figures), SVG()
// ([]byte, error) when there is no PNG, MIME() map[string][]byte; images and
// gonum *plot.Plot as image/png; always text/plain (via fmt, so String
// methods apply, including those of types declared in cells). Types declared
// in cells can have these methods too: yaegi hides them from compiled code,
// so the engine asks the interpreter for each one after the value was
// stored. A final figure a live training figure of the same cell already
// shows (plot.Loss(h) after h's Fit) is not shown twice.
//
// Every cell has the display package (kernel/display) imported as display:
// Display, DisplayID and Update emit Display and UpdateDisplay parts, Clear
// a ClearOutput part, Input and Password ask the front end for a line. The
// text a cell printed since its last newline before reading standard input
// is the front end's prompt and is not written to stdout (prompt.go). Statements, declarations and calls returning nothing
// show nothing. A call with several results shows them one a line (Type
// "(T1, T2)"); when its last result is an error, a non-nil error is returned
// as a CellError named "Error" and a nil one is not shown, so
// `n.Predict(x)` shows the prediction and `net.Fit(d, o)` the history. A call
// returning exactly (int, error) — fmt.Println, Write — shows nothing. The
// final expression's values are defined as top-level globals (__nnv0, …),
// or inside a function literal when yaegi cannot type that definition.
//
// A cell may also be a whole Go file: a leading package clause is accepted,
// and a package main runs its func main after its declarations, as `go run`
// does.
//
// Standard input: interpreted os.Stdin (an io.Reader) and fmt.Scan* read the
// engine's reader; under WithInput each line comes from the front end (a
// Jupyter input_request), otherwise from the process's standard input.
//
// Output is a stream of Parts delivered while the cell runs: Stdout and
// Stderr text (from interpreted fmt.Print* and from anything, compiled or
// interpreted, writing to os.Stdout and os.Stderr, which point at pipes while
// a cell runs), Display and UpdateDisplay parts with a live loss figure while
// nnlib trains, then the Value.
//
// # Errors
//
// Execute returns a *CellError: compile errors with the line and column in
// the cell (not in yaegi's wrapper; an undefined name at the name), panics
// with their value and the cell lines on the interpreter's stack, the
// final call's non-nil error ("Error"), and interrupts — also when the cell
// returned normally after nnlib's training stopped on the cancelled context. Definitions made before
// the failure stay. A go statement in a cell runs through a helper that
// recovers a panic in the goroutine, so it cannot kill the process: as in
// Go, the panic ends the cell that started the goroutine (its error is the
// panic, with a "goroutine N [running]:" line and the goroutine's frames,
// and the cell prints nothing more); once that cell has ended, the panic
// is reported on the stderr stream of the cell running then, or of the
// next one (gopanic.go).
//
// # Interrupts
//
// Cancelling the context of Execute stops the cell, and Execute returns an
// Interrupted CellError only once the cell's code has stopped
// (interrupt.go): yaegi stops interpreted code at its next step and wakes
// its channel operations and select statements; time.Sleep and
// sync.WaitGroup.Wait are cell-aware replacements that return on the
// interrupt (callbacks.go); compiled code watching the cell's context
// (nnlib training, reading standard input) sees it end right after yaegi has
// stopped the cell, so the cell's next statement can never run. The engine
// then waits for the exact goroutines the cell leaves behind. A compiled
// call that does not watch the context is named in the reply, and later
// cells wait for it to return (an interrupt while waiting refuses the cell)
// while completion, inspection and Vars read the session's variables
// without evaluating anything; a goroutine of a cell stuck in such a call
// is named in the reply and runs no further statement. Panics of
// interpreted callbacks that the runtime calls on its own goroutines
// (time.AfterFunc, context.AfterFunc, WaitGroup.Go) are recovered and end
// the cell like those of the cell's goroutines. A fatal Go error (stack
// overflow, concurrent map writes, out of memory) cannot be recovered;
// Supervise runs the program as a child of itself and says what ended it.
// A cell that closes os.Stdout or os.Stderr closes them for itself only.
//
// # The pipeline
//
// Execute (execute.go) takes a cell through stages, each in its own file:
//
//	cell ─ (//nnbook:compile: compiled.go, kernel/compile) ─▶ plugin
//	cell ─ split.go ─▶ chunks ─ parse.go ─▶ syntax trees ─ plan.go ─▶ units
//	     ─ passes.go (kernel/rewrite) ─▶ rewritten source
//	     ─ run.go (ladder.go) ─▶ yaegi ─ results.go ─▶ Parts or a CellError (errors.go)
//
// record.go notes what each unit defined; runtime.go holds the compiled
// helpers the rewritten code calls; hooks.go the typed links to nnlib.
//
// # Compiled cells
//
// A cell whose first line is //nnbook:compile holds Go declarations that
// the Go toolchain builds into a plugin (kernel/compile) loaded into the
// process; the stage in compiled.go hands the plugin's symbol table to
// yaegi and dot-imports it, so later cells use its names unqualified.
// Interpreted uses of a compiled variable x become (*NNBOOK_x), the
// compiled storage (yaegi cannot assign a compiled variable); untyped
// constants are declared as interpreted constants with their values. A
// compiled cell's errors have its own positions, a panic in compiled code
// lists the compiled frames, and an interrupt names compiled functions that
// are still running because they never check the cell's context. Where
// compiled cells cannot work the cell fails with the cause and the fix
// (CompiledCellsStatus; `nnbook doctor`), or runs interpreted when
// NNBOOK_COMPILE=interpret.
//
// # Tools for front ends
//
// Complete, Inspect and Doc use the compiled symbol tables, the doc comments
// extracted at generate time (kernel/symbols) or read from GOROOT for the
// standard library, and the session's own names. IsComplete tells a REPL or
// Jupyter console whether to ask for another line, from go/scanner tokens and
// go/parser error positions. Vars lists the session's variables, each with
// the type its declaration writes (var err error = myErr{} lists error), else
// the cell type its defining expression shows, else its run-time type; Reset
// starts over.
//
// # Types declared again
//
// yaegi keeps the first definition of a type and of its methods. So the
// engine declares every cell type under a versioned name (T_nnv1, T_nnv2, …)
// with the user's name as an alias, and declaring a method again re-declares
// its type with all recorded methods: a changed type or method takes effect,
// and values made before keep their old type, as in a changed Go program.
// Messages never show the versioned names, and an embedded cell type names
// its field by the user's name (Item{Base: …}, it.Base, JSON keys). Every
// cell type that can have methods gets two hidden ones, so that yaegi keeps
// its values' type in interfaces (hiddenmethods.go): %T, type switches,
// assertions and comparisons of an any see main.Celsius, not float64.
//
// # Work-arounds
//
// yaegi types top-level definitions before running anything and cannot type
// an index of a compiled slice, map or array (`a := h.Epochs[0].Epoch`,
// yaegi#1437). When that analysis fails, the unit's statements run one by
// one and such a definition runs inside a function literal; the variable is
// then defined from a compiled function returning the value (define.go), so
// it has the value's run-time type.
//
// yaegi runs a func main after every evaluation once one exists. Identifiers
// named main are renamed (the rewrite pass mainrename): a cell declaring func main only
// defines it; main() calls it.
//
// Other yaegi v0.16.1 gaps the engine rewrites around: multi-value
// definitions inside blocks at top level (`for … { l, err :=
// net.Train(…) }`) and comma-ok definitions run inside a function literal
// (define.go). The source rewrites are the passes of package kernel/rewrite,
// one per file, in one ordered table (rewrite.Passes, listed in that
// package's doc). After each cell the engine empties the lists where yaegi
// keeps every compiled syntax tree for its debugger (retention.go), so a long session does not grow by ~10 KiB a cell.
//
// fmt sees cell types as Go does: the pass fmtargs hands every argument of
// fmt's print functions to the engine with the node of its expression, from
// which celltype.go reads the type the cell gave it; cellfmt.go prints it as
// fmt does, with Go's names (%T, %#v) and String, Error, GoString and Format
// at every depth (celltypes.go registers each cell type's methods).
//
// On systems without unix pipes (Windows) os.Stdout and os.Stderr are not
// redirected: interpreted fmt.Print* output is captured, what compiled code
// writes to os.Stdout is not.
//
// SetLiveDisplay(false) turns off the live training figure for front ends
// that cannot show it (the terminal REPL).
//
// # Go coverage
//
// TestPrograms runs the corpus under testdata/programs whole and in cells
// against `go run`; testdata/programs/limitations.txt names what still
// differs. TestStdlibCoverage lists, per standard package, the exported
// names a cell can use (testdata/coverage.txt). os.Exit in a cell ends the
// cell with a KindExit error carrying the status (exit.go); a defer at a
// cell's top level runs when the cell ends, and may recover the cell's
// panic as main's deferred functions do (celldefer.go); generic
// functions yaegi leaves out of the standard library are added as Go source
// (shims.go).
//
// # Limits (yaegi's)
//
// Goroutines that keep running after their cell share the interpreter with
// the next cell; the engine waits up to 100 ms for them before compiling more
// code. The rich methods of a cell type are found for a final value, and for
// a display.Display argument only when the source names its type (T{…},
// &T{…}, or a variable an earlier cell defined as one).
// The order between a write to os.Stdout and a write to os.Stderr (both pipes)
// is not guaranteed; fmt.Print* output keeps its order with both.
// Go 1.22's range over an integer is rewritten by the engine when the AST
// shows an integer. A panic inside a function is reported at the line of the
// failing index, slice expression, type assertion, panic call, integer
// division, map assignment or pointer dereference (panics.go; the rewrite
// passes bounds, faults and panics), when the types the passes see show the
// operand and no call of the statement comes before the operation; other
// run-time panics at the function's first statement (yaegi's position for
// the frame). A trace's caller is at its call of the function inside it
// when it calls that function by name in one place, at its first statement
// otherwise. Frames are named as Go's compiler names functions
// (main.f.func1, main.(*T).M; funcnames.go). A generic func of a cell works inside functions, as a
// statement, as the cell's final value and (through the work-around above)
// in `x := f(…)` at the top level, where yaegi logs "nil reflect type" on
// the process's stderr first.
package kernel
