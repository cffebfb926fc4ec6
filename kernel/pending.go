package kernel

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strings"
)

// Declarations that wait: in a Go file the order of declarations does not
// matter, but yaegi compiles a cell at once, so a cell declaring
//
//	func main() { fmt.Println(isOdd(3)) }
//
// before the cell declaring isOdd would fail with "undefined: isOdd". A
// declaration cell (not a whole program) that fails only because it uses
// names no cell has declared yet is kept instead: the cell reports
// "main: declared; waits for isOdd" on stderr and succeeds, and after every
// unit that defines names the engine compiles the waiting declarations whose
// names are all there now, together (so two functions calling each other,
// declared in two cells, compile). A statement that uses a waiting name
// fails naming what it waits for.

// waiting is one declaration unit kept until the names it uses exist.
type waiting struct {
	text  string   // the unit's text as written in its cell
	names []string // the names it declares
	waits []string // the names it uses that no cell had declared
	// failure is set when it did not compile once they were declared; it
	// is tried again when a cell declares one of them again.
	failure string
	cell    string     // the cell it came from
	first   *CellError // the error that made it wait (positions in cell)
}

// awaitNames keeps a declaration unit that failed with ce because it uses
// names no cell has declared, and reports whether it did.
func (e *Engine) awaitNames(code string, u *unit, ce *CellError) bool {
	if e.program || u.kind != chunkDecl || ce == nil || ce.Name != KindCompile {
		return false
	}
	waits := e.undefinedNames(*u)
	if missing, ok := strings.CutPrefix(ce.Value, "undefined: "); ok {
		if len(waits) == 0 || !slices.Contains(waits, missing) {
			return false
		}
	} else if w, ok := e.methodWait(ce.Value); ok {
		waits = append(waits, w)
	} else {
		return false
	}
	for _, n := range waits {
		if _, ok := pkgName(n); ok {
			// A package the cell did not import, not a later declaration.
			return false
		}
	}
	names := declaredNames(u.ast)
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		if t, m, isMethod := strings.Cut(n, "."); isMethod && e.typeVer[t] > 0 {
			if e.halfMethods[t] == nil {
				e.halfMethods[t] = map[string]bool{}
			}
			e.halfMethods[t][m] = true
		}
	}
	e.dropPending(names)
	text := code[u.off:u.end]
	if u.group != "" {
		text = u.group
	}
	e.pending = append(e.pending, waiting{text: text, names: names, waits: waits, cell: code, first: ce})
	capture.write(Stderr, []byte(fmt.Sprintf("%s: declared; waits for %s\n", strings.Join(names, ", "), strings.Join(waits, ", "))))
	return true
}

// usesWaiting handles a unit that uses names of waiting declarations
// before yaegi sees it (yaegi keeps a declaration that failed half
// defined, and code compiled against it fails when it runs): a declaration
// unit waits with them (waits is true), a statement unit fails naming
// what they wait for.
func (e *Engine) usesWaiting(code string, u *unit) (waits bool, ce *CellError) {
	if len(e.pending) == 0 {
		return false, nil
	}
	wait := func(id *ast.Ident, msg string) (bool, *CellError) {
		ce := &CellError{Name: KindCompile, Value: msg}
		ce.Traceback = []string{ce.Error()}
		if u.file != nil {
			l, c := lineCol(code, u.off+u.file.Offset(id.Pos())-u.base)
			ce = compileErr(code, l, c, msg)
		}
		if e.awaitNames(code, u, ce) {
			return true, nil
		}
		return false, e.explainWaiting(ce)
	}
	for _, id := range e.undefinedIdents(*u, false) {
		if e.pendingName(id.Name) {
			return wait(id, "undefined: "+id.Name)
		}
	}
	// A method of a waiting declaration (x.Deposit with Account.Deposit
	// waiting): yaegi knows it half defined, and code compiled against it
	// fails when it runs.
	for _, n := range u.ast {
		var found *ast.Ident
		ast.Inspect(n, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if ok && found == nil && e.pendingMethod(sel.Sel.Name) {
				if pkg, isIdent := sel.X.(*ast.Ident); !isIdent || e.imports[pkg.Name] == "" || e.declared(pkg.Name) {
					found = sel.Sel
				}
			}
			return found == nil
		})
		if found != nil {
			return wait(found, "undefined selector: "+found.Name)
		}
	}
	return false, nil
}

// pendingMethod reports whether a waiting declaration declares a method m
// and no cell has declared a method of that name.
func (e *Engine) pendingMethod(m string) bool {
	if e.methodMet(methodWaitPrefix+m, nil) {
		return false
	}
	for _, w := range e.pending {
		for _, n := range w.names {
			if strings.HasSuffix(n, "."+m) {
				return true
			}
		}
	}
	return false
}

// dropPending forgets the waiting declarations of any of names: a later
// declaration of a name replaces a waiting one.
func (e *Engine) dropPending(names []string) {
	kept := e.pending[:0]
	for _, w := range e.pending {
		if !overlaps(w.names, names) {
			kept = append(kept, w)
		}
	}
	e.pending = kept
}

// resolvePending compiles the waiting declarations whose names now all
// exist (or are declared by other waiting declarations compiled with them).
// It returns an error when they are complete but do not compile.
// defined are the names the unit just run defined (none after a unit
// began to wait).
func (e *Engine) resolvePending(ctx context.Context, defined []string) *CellError {
	if len(e.pending) == 0 {
		return nil
	}
	e.dropPending(defined)
	for i, w := range e.pending {
		if w.failure != "" && overlaps(w.waits, defined) {
			e.pending[i].failure = ""
		}
	}
	ready := e.readyPending()
	if len(ready) == 0 {
		return nil
	}
	texts := make([]string, len(ready))
	var names []string
	for i, w := range ready {
		texts[i] = w.text
		names = append(names, w.names...)
	}
	code := strings.Join(texts, "\n\n")
	saveBuiltins, saveProgram, saveImports := e.cellBuiltins, e.program, e.cellImports
	units, cerr := e.plan(code)
	e.cellBuiltins, e.program, e.cellImports = saveBuiltins, saveProgram, saveImports
	if cerr == nil {
		for i := range units {
			if cerr = e.run(ctx, code, &units[i]); cerr != nil {
				break
			}
			e.record(units[i])
			e.forgetCompiled(units[i])
		}
	}
	if cerr != nil {
		if ctx.Err() != nil {
			return cerr
		}
		missing, ok := strings.CutPrefix(cerr.Value, "undefined: ")
		if ok && e.declared(missing) {
			ok = false
		}
		if !ok {
			missing, ok = e.methodWait(cerr.Value)
		}
		if ok {
			// A name the syntax did not show as used: wait for it too.
			for i := range e.pending {
				if overlaps(e.pending[i].names, names) && !slices.Contains(e.pending[i].waits, missing) {
					e.pending[i].waits = append(e.pending[i].waits, missing)
				}
			}
			return nil
		}
		for i := range e.pending {
			if overlaps(e.pending[i].names, names) {
				e.pending[i].failure = cerr.Value
			}
		}
		ce := &CellError{Name: KindCompile, Value: fmt.Sprintf("%s, declared before the names it uses, does not compile now that they are: %s",
			strings.Join(names, ", "), cerr.Value)}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	e.dropPending(names)
	return nil
}

// readyPending returns the waiting declarations that can compile now: each
// waits only for names the session has or that another of them declares.
func (e *Engine) readyPending() []waiting {
	ready := append([]waiting(nil), e.pending...)
	for changed := true; changed; {
		changed = false
		have := map[string]bool{}
		for _, w := range ready {
			for _, n := range w.names {
				have[n] = true
			}
		}
		kept := ready[:0]
		for _, w := range ready {
			ok := w.failure == ""
			for _, n := range w.waits {
				if !have[n] && !e.declared(n) && e.imports[n] == "" && !e.methodMet(n, have) {
					ok = false
				}
			}
			if ok {
				kept = append(kept, w)
			} else {
				changed = true
			}
		}
		ready = kept
	}
	return ready
}

// explainWaiting names what a waiting declaration waits for when ce is an
// undefined name that one declares.
func (e *Engine) explainWaiting(ce *CellError) *CellError {
	if ce == nil || ce.Name != KindCompile {
		return ce
	}
	name, ok := strings.CutPrefix(ce.Value, "undefined: ")
	if m, isSel := strings.CutPrefix(ce.Value, "undefined selector: "); isSel {
		for _, w := range e.pending {
			for _, n := range w.names {
				if strings.HasSuffix(n, "."+m) {
					name, ok = n, true
				}
			}
		}
	}
	if !ok {
		return ce
	}
	for _, w := range e.pending {
		if slices.Contains(w.names, name) && w.failure != "" {
			ce.Value = fmt.Sprintf("%s was declared before the names it uses and does not compile with them: %s", name, w.failure)
		} else if slices.Contains(w.names, name) {
			var missing []string
			for _, n := range w.waits {
				if !e.declared(n) && !e.pendingName(n) {
					missing = append(missing, n)
				}
			}
			if len(missing) == 0 {
				missing = w.waits
			}
			ce.Value = fmt.Sprintf("%s is declared but waits for %s, which no cell has declared", name, strings.Join(missing, ", "))
		} else {
			continue
		}
		if len(ce.Traceback) > 0 {
			ce.Traceback[0] = ce.Error()
		}
		return ce
	}
	return ce
}

// pendingName reports whether a waiting declaration declares name.
func (e *Engine) pendingName(name string) bool {
	for _, w := range e.pending {
		if slices.Contains(w.names, name) {
			return true
		}
	}
	return false
}

// definedNames returns the names a unit defines at the session's top level,
// sorted.
func definedNames(u unit) []string {
	names := declaredNames(u.ast)
	for _, n := range u.ast {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok.String() == ":=" {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					names = append(names, id.Name)
				}
			}
		}
	}
	sort.Strings(names)
	return names
}

// declaredNames returns the names top-level declarations declare (not
// methods), in order.
func declaredNames(nodes []ast.Node) []string {
	var names []string
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil {
				names = append(names, n.Name.Name)
			} else if t := recvType(n.Recv); t != "" {
				names = append(names, t+"."+n.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range n.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, id := range s.Names {
						if id.Name != "_" {
							names = append(names, id.Name)
						}
					}
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				}
			}
		}
	}
	return names
}

// methodWaitPrefix starts the wait of a declaration that calls a method no
// cell has declared yet (func NewAccount calling a.Deposit, declared in a
// later cell): yaegi reports "undefined selector: Deposit".
const methodWaitPrefix = "method "

// methodWait returns the wait for the method of a compile error
// "undefined selector: M" when no cell has declared a method M yet.
func (e *Engine) methodWait(msg string) (string, bool) {
	m, ok := strings.CutPrefix(msg, "undefined selector: ")
	if !ok || !token.IsIdentifier(m) || e.methodMet(methodWaitPrefix+m, nil) {
		return "", false
	}
	return methodWaitPrefix + m, true
}

// methodMet reports whether the wait w for a method is met: a cell has
// declared a method of that name, or one of have ("T.M") is one.
func (e *Engine) methodMet(w string, have map[string]bool) bool {
	m, ok := strings.CutPrefix(w, methodWaitPrefix)
	if !ok {
		return false
	}
	for _, ms := range e.methodSrc {
		if _, ok := ms[m]; ok {
			return true
		}
	}
	for n := range have {
		if strings.HasSuffix(n, "."+m) {
			return true
		}
	}
	return false
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// Unresolved returns the error that made the earliest declaration still
// waiting wait ("undefined: isOdd", positioned in its cell) and that cell's
// code, or a nil error when no declaration waits. A script that ends with
// a declaration waiting is a program Go would not compile.
func (e *Engine) Unresolved() (cell string, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, w := range e.pending {
		if w.first != nil {
			return w.cell, w.first
		}
	}
	return "", nil
}
