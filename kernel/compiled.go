package kernel

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nnbook/nnbook/kernel/compile"
	"github.com/nnbook/nnbook/kernel/rewrite"
	"github.com/traefik/yaegi/interp"
)

// Compiled cells (//nnbook:compile): the stage that builds a cell with the
// Go toolchain into a plugin (kernel/compile), loads it and binds its
// names in the interpreter with a dot import of its symbol table, so
// interpreted cells use them unqualified and share compiled variables'
// storage. The session remembers which names came from which build so that
// later compiled cells can use them too.

// CompileFallbackEnv names the environment variable that, set to
// "interpret", makes a compiled cell run interpreted (with a note on
// stderr) where compiled cells cannot work, instead of failing.
const CompileFallbackEnv = "NNBOOK_COMPILE"

// compiledState is the session's part of compiled cells.
type compiledState struct {
	in    *interp.Interpreter        // the interpreter the bindings belong to (Reset makes a new one)
	names map[string]compile.Binding // name → the build that defines it now
	runs  map[string]int             // cell source → builds loaded for it by this session
	// unexported maps the unexported fields and methods of compiled types
	// to their type's name: the interpreter cannot use them (reflect).
	unexported map[string]string
}

var (
	hostOnce sync.Once
	hostErr  error
	builder  *compile.Builder
)

// compileBuilder detects once per process whether compiled cells work here.
func compileBuilder() (*compile.Builder, error) {
	hostOnce.Do(func() {
		h, err := compile.DetectHost()
		if err != nil {
			hostErr = err
			return
		}
		dir, err := compile.CacheDir()
		if err != nil {
			hostErr = err
			return
		}
		builder = &compile.Builder{Host: h, Dir: dir}
	})
	return builder, hostErr
}

// CompiledCellsStatus reports whether compiled cells work here: nil, or a
// problem naming the cause and the fix (nnbook doctor prints it).
func CompiledCellsStatus() (dir string, err error) {
	b, err := compileBuilder()
	if err != nil {
		return "", err
	}
	return b.Dir, nil
}

// compiledState returns the session's compiled-cell state, fresh after a Reset.
func (e *Engine) compiledState() *compiledState {
	if e.comp == nil || e.comp.in != e.in {
		e.comp = &compiledState{in: e.in, names: map[string]compile.Binding{}, runs: map[string]int{}, unexported: map[string]string{}}
	}
	return e.comp
}

// executeCompiled runs a //nnbook:compile cell: build, load, bind. When
// compiled cells cannot work here and CompileFallbackEnv says so, it
// returns interpret true and the caller runs the cell interpreted.
func (e *Engine) executeCompiled(ctx context.Context, code string, emit func(Part)) (interpret bool, err error) {
	b, err := compileBuilder()
	if err != nil {
		if os.Getenv(CompileFallbackEnv) == "interpret" {
			emit(Part{Kind: Stderr, Text: "nnbook: " + err.Error() + "; running the cell interpreted (" + CompileFallbackEnv + "=interpret)\n"})
			return true, nil
		}
		ce := &CellError{Name: KindCompile, Value: err.Error(), Line: 1, Col: 1}
		ce.Traceback = []string{ce.Error()}
		return false, ce
	}
	cs := e.compiledState()
	execMu.Lock()
	defer execMu.Unlock()
	e.quiesce(100 * time.Millisecond)
	e.cells++
	capture.begin(emit)
	restore := setHooks(ctx, nil)
	defer func() {
		restore()
		capture.end()
	}()

	cell := compile.Cell{Source: code, Imports: e.imports, Earlier: cs.names}
	bb := *b
	bb.Progress = func(line string) { capture.write(Stderr, []byte(line+"\n")) }
	for cell.Generation = cs.runs[code]; bb.Loaded(cell); cell.Generation++ {
		// This session or another in the process loaded this build:
		// a new build runs the variables' initialisers again.
	}
	pkg, err := e.buildCompiled(ctx, &bb, cell)
	if err != nil {
		if ctx.Err() != nil {
			return false, e.interrupted(ctx.Err())
		}
		return false, e.compiledError(code, err)
	}
	cs.runs[code] = cell.Generation + 1
	return false, e.bindCompiled(code, pkg)
}

// buildCompiled builds and loads, catching a panic in the cell's package
// initialisers (they run inside plugin.Open) like any cell panic.
func (e *Engine) buildCompiled(ctx context.Context, b *compile.Builder, c compile.Cell) (pkg *compile.Package, err error) {
	defer func() {
		if r := recover(); r != nil {
			pkg, err = nil, interp.Panic{Value: r, Callers: callers()}
		}
	}()
	return b.Build(ctx, c)
}

func callers() []uintptr {
	pcs := make([]uintptr, 64)
	return pcs[:runtime.Callers(3, pcs)]
}

// bindCompiled gives the interpreter a loaded build's symbols and records
// its names for completion, :doc, Vars and later compiled cells.
func (e *Engine) bindCompiled(code string, pkg *compile.Package) error {
	cs := e.compiledState()
	syms, consts := splitUntyped(pkg.Symbols)
	if err := e.in.Use(interp.Exports{pkg.Path + "/" + pkg.Name: syms}); err != nil {
		return &CellError{Name: KindCompile, Value: err.Error(), Traceback: []string{err.Error()}}
	}
	if _, err := e.in.Eval(fmt.Sprintf("import . %q", pkg.Path)); err != nil {
		return &CellError{Name: KindCompile, Value: "binding the compiled names: " + err.Error(), Traceback: []string{err.Error()}}
	}
	if consts != "" {
		if _, err := e.in.Eval(consts); err != nil {
			return &CellError{Name: KindCompile, Value: "binding the compiled constants: " + err.Error(), Traceback: []string{err.Error()}}
		}
	}
	generic := map[string]bool{}
	for _, n := range pkg.Names {
		generic[n.Name] = n.Generic
		if n.Generic {
			// No accessor can hold a generic: usable inside its cell only.
			delete(cs.names, n.Name)
			continue
		}
		cs.names[n.Name] = compile.Binding{Path: pkg.Path, Kind: n.Kind}
	}
	src := "package cell" + code[len(firstLineOf(code)):]
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		return nil // built, so it parses
	}
	text := func(n ast.Node) string { return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset] }
	var nodes []ast.Node
	for _, d := range f.Decls {
		nodes = append(nodes, d)
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							for _, id := range fl.Names {
								if !id.IsExported() {
									cs.unexported[id.Name] = ts.Name.Name
								}
							}
						}
					}
					// For Inspect; a method declared again in an interpreted
					// cell re-declares the type interpreted (types.go).
					e.typeSrc[ts.Name.Name] = text(ts)
					e.methodSrc[ts.Name.Name] = map[string]string{}
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil {
				if t := recvType(d.Recv); t != "" && e.methodSrc[t] != nil {
					e.methodSrc[t][d.Name.Name] = text(d)
					if !d.Name.IsExported() {
						cs.unexported[d.Name.Name] = t
					}
				}
			}
		}
	}
	e.record(unit{ast: nodes})
	for name, g := range generic {
		if g {
			// yaegi cannot take a generic from a symbol table: later
			// compiled cells can use it, interpreted ones cannot.
			delete(e.names, name)
		}
	}
	return nil
}

// splitUntyped separates a build's untyped constants (constant.Values)
// from its other symbols: yaegi types a dot-imported constant.Value as
// its Go type, so they are declared in the interpreter as constants with
// their exact values instead.
func splitUntyped(all map[string]reflect.Value) (map[string]reflect.Value, string) {
	syms := make(map[string]reflect.Value, len(all))
	var names []string
	for n, v := range all {
		if _, ok := v.Interface().(constant.Value); ok && v.Kind() != reflect.Pointer {
			names = append(names, n)
			continue
		}
		syms[n] = v
	}
	if len(names) == 0 {
		return syms, ""
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("const (\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%s = %s\n", n, constLiteral(all[n].Interface().(constant.Value)))
	}
	b.WriteString(")")
	return syms, b.String()
}

// constLiteral writes an untyped constant as Go source of the same kind.
func constLiteral(v constant.Value) string {
	switch v.Kind() {
	case constant.Float:
		f, _ := constant.Float64Val(v)
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case constant.Complex:
		re, _ := constant.Float64Val(constant.Real(v))
		im, _ := constant.Float64Val(constant.Imag(v))
		return fmt.Sprintf("complex(%v, %v)", re, im)
	}
	return v.ExactString()
}

// forgetCompiled drops the compiled bindings of names an interpreted cell
// defined again: later compiled cells must not see the old build's.
func (e *Engine) forgetCompiled(u unit) {
	if e.comp == nil || len(e.comp.names) == 0 {
		return
	}
	for _, n := range u.ast {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						e.forgetIfRedefined(id.Name)
					}
				}
			}
		case *ast.FuncDecl:
			if n.Recv == nil {
				delete(e.comp.names, n.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range n.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					delete(e.comp.names, s.Name.Name)
				case *ast.ValueSpec:
					for _, id := range s.Names {
						delete(e.comp.names, id.Name)
					}
				}
			}
		}
	}
}

// forgetIfRedefined drops a compiled variable that `x := v` made a new
// interpreted variable (when v fit its type, it assigned the compiled one).
func (e *Engine) forgetIfRedefined(name string) {
	b, ok := e.comp.names[name]
	if !ok || b.Kind != compile.Var {
		delete(e.comp.names, name)
		return
	}
	v, err := e.eval("&" + name)
	if err != nil || !v.IsValid() || v.Kind() != reflect.Pointer {
		delete(e.comp.names, name)
		return
	}
	for _, p := range compiledSymbols(b.Path) {
		if p.CanAddr() && p.Addr().Pointer() == v.Pointer() {
			return
		}
	}
	delete(e.comp.names, name)
}

// compiledVarEdits rewrites an interpreted unit's uses of compiled cells'
// variables x to (*NNBOOK_x), a pointer to the compiled storage: yaegi
// reads a compiled variable but cannot assign one. The left side of :=
// stays (a definition makes a new interpreted variable).
func (e *Engine) compiledVarEdits(f *ast.File, file *token.File, base int) []rewrite.Edit {
	if e.comp == nil || e.comp.in != e.in || len(e.comp.names) == 0 {
		return nil
	}
	defined := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					defined[id] = true
				}
			}
		}
		return true
	})
	var edits []rewrite.Edit
	for _, id := range f.Unresolved {
		if b, ok := e.comp.names[id.Name]; ok && b.Kind == compile.Var && !defined[id] {
			off := file.Offset(id.Pos()) - base
			edits = append(edits, rewrite.Edit{Off: off, End: off + len(id.Name), New: "(*" + compile.Accessor + id.Name + ")"})
		}
	}
	return edits
}

// compiledSymbols returns the symbol table of a loaded build.
func compiledSymbols(path string) map[string]reflect.Value {
	return compile.LoadedSymbols(path)
}

// compiledError turns a build's failure into the cell's error.
func (e *Engine) compiledError(code string, err error) *CellError {
	var diags compile.Errors
	if errors.As(err, &diags) && len(diags) > 0 {
		ce := &CellError{Name: KindCompile}
		for i, d := range diags {
			msg := d.Msg
			if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
				_, compiled := e.compiledState().names[name]
				if _, defined := e.names[name]; defined && !compiled {
					msg += " (it is defined by an interpreted cell; a compiled cell sees only the names of earlier compiled cells)"
				}
			}
			col := runeCol(code, d.Line, d.Col)
			if i == 0 {
				ce.Value, ce.Line, ce.Col = msg, d.Line, col
				ce.Traceback = []string{ce.Error()}
				continue
			}
			ce.Traceback = append(ce.Traceback, fmt.Sprintf("%d:%d: %s", d.Line, col, msg))
		}
		return ce
	}
	var p interp.Panic
	if errors.As(err, &p) {
		ce := &CellError{Name: KindPanic, Value: fmt.Sprint(p.Value)}
		ce.Traceback = append([]string{"panic: " + ce.Value}, compiledFrames(p.Callers)...)
		return ce
	}
	ce := &CellError{Name: KindCompile, Value: err.Error(), Line: 1, Col: 1}
	ce.Traceback = []string{ce.Error()}
	return ce
}

// compiledFrames lists the frames of compiled cells in a call stack,
// innermost first: "    train at line 12 (compiled)".
func compiledFrames(pcs []uintptr) []string {
	var out []string
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if fn, ok := compiledFunc(f.Function); ok {
			out = append(out, fmt.Sprintf("    %s at line %d (compiled)", fn, f.Line))
		}
		if !more {
			return out
		}
	}
}

// compiledFunc returns the user's name of a compiled cell's function
// "nnbookcells/c1f….train": "train", "point.Norm", "train.func1".
func compiledFunc(function string) (fn string, ok bool) {
	rest, ok := strings.CutPrefix(function, compile.ModuleName+"/")
	if !ok {
		return "", false
	}
	_, fn, ok = strings.Cut(rest, ".")
	if !ok || strings.HasPrefix(fn, compile.Accessor) {
		return "", false
	}
	return strings.NewReplacer("(*", "", ")", "").Replace(fn), true
}

// compiledStillRunning names the compiled functions still running after
// an interrupt (they never check the cell's context, so nothing can stop
// them): one line per goroutine, or nil.
func compiledStillRunning() []string {
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	var out []string
	seen := map[string]bool{}
	for _, g := range strings.Split(string(buf[:n]), "\n\n") {
		lines := strings.Split(g, "\n")
		for i, l := range lines {
			fn, _, _ := strings.Cut(l, "(")
			name, ok := compiledFunc(fn)
			if !ok || strings.Contains(fn, compile.Accessor) {
				continue
			}
			line := ""
			if i+1 < len(lines) {
				if _, after, ok := strings.Cut(lines[i+1], "cell.go:"); ok {
					line, _, _ = strings.Cut(after, " ")
				}
			}
			msg := fmt.Sprintf("the compiled function %s (line %s of its cell) does not check the cell's context: it is still running and will run to its end in the background (check nnlib.CellContext().Err() in its loop, or call nnlib's training, which checks it)", name, line)
			if !seen[msg] {
				seen[msg] = true
				out = append(out, msg)
			}
			break
		}
	}
	sort.Strings(out)
	return out
}

// selectorRE finds ".name" and "name:" in a cell.
var selectorRE = regexp.MustCompile(`\.([a-z_][A-Za-z0-9_]*)|\b([a-z_][A-Za-z0-9_]*)\s*:[^=]`)

// explainUnexported replaces yaegi's message when an interpreted cell uses
// an unexported field or method of a compiled cell's type (reflect cannot):
// the member is named, and what to do.
func (e *Engine) explainUnexported(ce *CellError, code string) {
	if e.comp == nil || e.comp.in != e.in || len(e.comp.unexported) == 0 {
		return
	}
	member := ""
	if name, ok := strings.CutPrefix(ce.Value, "undefined selector: "); ok {
		if _, known := e.comp.unexported[name]; known {
			member = name
		}
	} else if strings.Contains(ce.Value, "unexported field") {
		for _, m := range selectorRE.FindAllStringSubmatch(code, -1) {
			name := m[1] + m[2]
			if _, known := e.comp.unexported[name]; known {
				member = name
				break
			}
		}
	}
	if member == "" {
		return
	}
	t := e.comp.unexported[member]
	ce.Value = fmt.Sprintf("%s.%s is unexported, and interpreted cells reach a compiled cell's values through reflection, which cannot use unexported fields and methods: export it (%s) or use it inside a compiled cell", t, member, strings.ToUpper(member[:1])+member[1:])
	if len(ce.Traceback) > 0 {
		ce.Traceback[0] = ce.Error()
		if ce.Name == KindPanic {
			ce.Traceback[0] = "panic: " + ce.Value
		}
	}
}

// IsCompiledCell reports whether a cell's first line is the
// //nnbook:compile directive.
func IsCompiledCell(code string) bool { return compile.IsCompiled(code) }

// compiledCellOpen reports whether a compiled cell typed line by line (in
// the REPL or jupyter console) goes on: it ends with an empty line, since
// each of its declarations is complete on its own.
func compiledCellOpen(code string) bool {
	if !compile.IsCompiled(code) {
		return false
	}
	i := strings.LastIndexByte(code, '\n')
	return i < 0 || strings.TrimSpace(code[i+1:]) != ""
}

// interpretedSource turns a compiled cell into an interpreted one (the
// fallback): the directive line becomes an empty line, keeping positions.
func interpretedSource(code string) string {
	return code[len(firstLineOf(code)):]
}

// interruptNote adds to an interrupt's traceback the compiled functions
// that are still running.
func interruptNote(ce *CellError) *CellError {
	if running := compiledStillRunning(); len(running) > 0 {
		ce.Traceback = append(ce.Traceback, running...)
	}
	return ce
}

func firstLineOf(code string) string {
	l, _, _ := strings.Cut(code, "\n")
	return l
}
