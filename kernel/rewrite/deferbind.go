package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Go evaluates a deferred call's function value, receiver and arguments at
// the defer statement. yaegi v0.16.1 keeps, for each of them, the variable
// it was read from and reads it when the function returns (`defer
// fmt.Println(i)` in a loop prints the last i each time), creates a
// deferred function literal only then (so it captures the last iteration's
// loop variables), and deadlocks when a deferred call reaches a function
// literal made in the same function (its frame lock is held while deferred
// calls run, and such a literal takes it when it returns). Inside function
// bodies a defer statement binds what it defers to variables of its own
// block first — yaegi gives a variable defined in a block fresh storage
// each time the block runs, and the deferred call keeps that storage:
//
//	defer fmt.Println("deferred", i)  →  { __nnd1 := i; defer fmt.Println("deferred", __nnd1) }
//	defer f()                         →  { __nnf := f; defer __nnf() }                      (f a variable)
//	defer c.Show()                    →  { __nnf := func(__nnr Counter) func() { return __nnr.Show }(c); defer __nnf() }
//	defer func() { … }()              →  { __nnf := func() func() { return func() { … } }(); defer __nnf() }   (in a loop)
//	defer show(xs...)                 →  { __nnd0 := xs; __nnc := func() func() { return func() { show(__nnd0...) } }(); defer __nnc() }
//
// (the method value is the methodvalue pass's part; yaegi does not spread
// the last argument of a deferred call, and a print function of fmt gets
// __rt.FmtSlice(__nnd0)... there, see fmtargs.go). A function literal
// bound this way, or assigned to a variable that the function defers a call
// of or that a deferred function literal calls, is made inside a literal
// called at once, so that it takes that literal's frame lock rather than the
// deferring function's:
//
//	cleanup := func() { … }  →  cleanup := func() func() { return func() { … } }()
//
// A function (or package function) called by name moves into the deferred
// call, as do arguments made of literals and names that are not the unit's
// variables (constants may be untyped), except those the fmtargs pass wraps
// (bound wrapped, their cell types kept); a single argument that is a call
// (it may return several values) is not bound; a function literal that
// calls recover gets the panic from the function yaegi creates at the
// return (deferrecover.go). Builtins (close, panic, …) are left
// alone, and so are the defers in the body of a range over a function,
// which the rangefunc pass queues. Every line keeps its text's line.
//
// A defer statement at a cell's top level is queued on the cell's list,
// which the engine runs when the cell ends (kernel/celldefer.go); yaegi
// would run it at the end of every later evaluation:
//
//	defer f.Close()          →  __rt.Defer(f.Close)(3)
//	defer fmt.Println(xs...) →  __rt.Defer(func() { fmt.Println(xs...) })(3)

func deferBindEdits(s Session, u *Unit) []Edit {
	if !hasDefer(u.File) {
		return nil
	}
	d := deferBinder{s: s, u: u, types: varTypes(u.File), vars: map[string]bool{}}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						d.vars[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if id, ok := x.(*ast.Ident); ok {
						d.vars[id.Name] = true
					}
				}
			}
		case *ast.GenDecl:
			for _, sp := range n.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for _, id := range vs.Names {
						if n.Tok != token.CONST {
							d.vars[id.Name] = true
						}
					}
				}
			}
		case *ast.FuncType:
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				if fl != nil {
					for _, f := range fl.List {
						for _, id := range f.Names {
							d.vars[id.Name] = true
						}
					}
				}
			}
		}
		return true
	})
	var edits []Edit
	if tds := topDefers(u); len(tds) > 0 {
		tops := topLoops(u)
		for _, ds := range tds {
			edits = append(edits, topDeferEdits(s, u, ds, within(tops, ds))...)
		}
	}
	for _, body := range funcBodies(u) {
		deferredVars := map[string]bool{}
		dynamic := false
		walkDefers(s, u, body, func(ds *ast.DeferStmt, inLoop, queued bool) {
			if queued {
				return
			}
			dynamic = dynamic || dynamicCallee(ds.Call.Fun)
			edits = append(edits, d.edits(ds, inLoop)...)
			for _, name := range d.calledVars(ds.Call) {
				deferredVars[name] = true
			}
		})
		if len(deferredVars) > 0 || dynamic {
			edits = append(edits, d.literalEdits(body, deferredVars, dynamic)...)
		}
	}
	return edits
}

// dynamicCallee reports whether a deferred call's function is an expression
// that may hold any function literal made in the function (fs[0], get(),
// f.(func()), (g)): every literal of the function is then made inside a
// literal called at once.
func dynamicCallee(fun ast.Expr) bool {
	switch fun.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr, *ast.CallExpr, *ast.TypeAssertExpr, *ast.ParenExpr:
		return true
	}
	return false
}

// topDefers returns the defer statements of a cell's top level: in the
// wrapper around its statements, not in function literals.
func topDefers(u *Unit) []*ast.DeferStmt {
	var out []*ast.DeferStmt
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || u.Off(fd.Body.Pos()) >= 0 {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				out = append(out, n)
			}
			return true
		})
	}
	return out
}

// topDeferEdits queues a top-level defer statement's call on the cell's
// list, with the statement's line (last, so that columns do not move).
// In a statement the loopvar pass runs inside a function literal (bind), a
// function literal is bound to a variable first, as gostmt does in
// functions: passed straight to the compiled __rt.Defer, it would read the
// loop's variables when it runs, not when it was made.
func topDeferEdits(s Session, u *Unit, ds *ast.DeferStmt, bind bool) []Edit {
	call := ds.Call
	deferOff, funOff := u.Off(ds.Defer), u.Off(call.Fun.Pos())
	lp, end := u.Off(call.Lparen), u.Off(call.End())
	line := fmt.Sprintf(")(%d)", u.Tok.Line(ds.Defer)-1)
	if call.Ellipsis.IsValid() || IsBuiltin(call.Fun) && !printHelper(s, call.Fun) {
		edits := []Edit{{deferOff, funOff, Runtime + ".Defer(func() { "}, {end, end, " }" + line}}
		if bind {
			edits = []Edit{{deferOff, funOff, "{ __nnf := func() { "}, {end, end, " }; " + Runtime + ".Defer(__nnf" + line + " }"}}
		}
		if fmtSpread(s, call) {
			last := call.Args[len(call.Args)-1]
			edits = append(edits, Edit{u.Off(last.Pos()), u.Off(last.Pos()), Runtime + fmtSliceConv(call)}, Edit{u.Off(last.End()), u.Off(last.End()), ")"})
		}
		return edits
	}
	sep := ""
	if len(call.Args) > 0 {
		sep = ", "
	}
	if _, lit := call.Fun.(*ast.FuncLit); lit && bind {
		return []Edit{{deferOff, funOff, "{ __nnf := "}, {lp, lp + 1, "; " + Runtime + ".Defer(__nnf" + sep}, {end - 1, end, line + " }"}}
	}
	return []Edit{{deferOff, funOff, Runtime + ".Defer("}, {lp, lp + 1, sep}, {end - 1, end, line}}
}

// hasDefer reports whether n holds a defer statement.
func hasDefer(n ast.Node) bool {
	return hasNode(n, func(m ast.Node) bool { _, ok := m.(*ast.DeferStmt); return ok })
}

// hasNode reports whether match holds for n or a node inside it.
func hasNode(n ast.Node, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		found = found || m != nil && match(m)
		return !found
	})
	return found
}

// deferBinder holds what the pass knows of the unit's names.
type deferBinder struct {
	s     Session
	u     *Unit
	types map[string]typeRef
	vars  map[string]bool // names declared as variables or parameters
}

// walkDefers calls fn for every defer statement of the function body n and
// the function literals in it, saying whether a loop of its own function
// encloses it and whether it is queued: defer statements in the body of a
// range over a function are the rangefunc pass's, which queues them.
func walkDefers(s Session, u *Unit, n ast.Node, fn func(ds *ast.DeferStmt, inLoop, queued bool)) {
	rf := &rfWalker{s: s, u: u}
	var walk func(n ast.Node, inLoop, queued bool)
	walk = func(n ast.Node, inLoop, queued bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				walk(m.Body, false, false)
				return false
			case *ast.ForStmt:
				for _, c := range []ast.Node{m.Init, m.Cond, m.Post} {
					if c != nil {
						walk(c, inLoop, queued)
					}
				}
				walk(m.Body, true, queued)
				return false
			case *ast.RangeStmt:
				walk(m.X, inLoop, queued)
				walk(m.Body, true, queued || hasDefer(m.Body) && rf.isRangeFunc(nil, m))
				return false
			case *ast.DeferStmt:
				fn(m, inLoop, queued)
			}
			return true
		})
	}
	walk(n, false, false)
}

// edits returns the edits of one defer statement.
func (d *deferBinder) edits(ds *ast.DeferStmt, inLoop bool) []Edit {
	u, call := d.u, ds.Call
	if IsBuiltin(call.Fun) && !d.s.Declared(call.Fun.(*ast.Ident).Name) && !printHelper(d.s, call.Fun) {
		return nil
	}
	if fmtResults(d.s, call) && d.static(call.Fun) {
		// fmt.Println(f()): the results, with their types, bound now
		off := u.Off
		a := call.Args[0]
		fun := u.Text[off(call.Fun.Pos()):off(call.Fun.End())]
		return []Edit{
			{off(ds.Defer), off(a.Pos()), "{ __nnd0 := " + Runtime + fmtSliceConv(call) + ArgsFunc + "(" + newlines(u.Text[off(ds.Defer):off(a.Pos())])},
			{off(a.End()), off(call.Rparen) + 1, ")); __nnc := func() func() { return func() { " + fun + "(__nnd0...) } }(); defer __nnc() }" + newlines(u.Text[off(a.End()):off(call.Rparen)])},
		}
	}
	// The arguments fmtargs wraps are bound, wrapped, even when constant.
	wrapped := map[int]bool{}
	for _, w := range fmtArgWraps(d.s, d.u, call, true) {
		wrapped[w.i] = true
	}
	constant := func(i int, a ast.Expr) bool { return !wrapped[i] && d.constant(a) }
	bindArgs := call.Ellipsis.IsValid() // the call is made in a literal (below)
	for i, a := range call.Args {
		bindArgs = bindArgs || !constant(i, a)
	}
	if len(call.Args) == 1 {
		if _, isCall := call.Args[0].(*ast.CallExpr); isCall {
			bindArgs = false // it may return several values
		}
	}
	pre, post := "", "" // around the function value
	bindFun := false
	switch f := call.Fun.(type) {
	case *ast.FuncLit:
		if !inLoop && !bindArgs {
			return nil
		}
		if callsRecover(f.Body) && !d.s.Declared("recover") {
			return d.recoverEdits(ds, f)
		}
		pre, post = "func() "+types.ExprString(f.Type)+" { return ", " }()"
		bindFun = true
	case *ast.Ident:
		bindFun = d.vars[f.Name]
	case *ast.SelectorExpr:
		_, _, bindFun = valueMethod(d.s, u, d.types, f)
	default:
		bindFun = dynamicCallee(f)
	}
	if !bindFun && !bindArgs {
		if printHelper(d.s, call.Fun) {
			return []Edit{{u.Off(call.Fun.Pos()), u.Off(call.Fun.End()), printHelpers[call.Fun.(*ast.Ident).Name]}}
		}
		return nil
	}
	off := u.Off
	deferOff, funOff, funEnd := off(ds.Defer), off(call.Fun.Pos()), off(call.Fun.End())
	lp, rp := off(call.Lparen), off(call.Rparen)
	if !bindArgs {
		return []Edit{
			{deferOff, funOff, "{ __nnf := " + pre},
			{funEnd, lp + 1, post + "; defer __nnf(" + newlines(u.Text[funEnd:lp])},
			{rp + 1, rp + 1, " }"},
		}
	}
	// A function or package function named in the call stays in it (it may
	// be generic, and cannot change); any other function value is bound.
	static := d.static(call.Fun)
	fun, lhs := "__nnf", []string{"__nnf"}
	if static {
		fun, lhs = u.Text[funOff:funEnd], nil
		if printHelper(d.s, call.Fun) {
			fun = printHelpers[call.Fun.(*ast.Ident).Name] // the pass printstderr's helper
		}
	}
	var callArgs []string
	var edits []Edit
	prev, moved := funEnd, "" // moved: line breaks of removed text, kept at the end
	for i, a := range call.Args {
		sep := newlines(u.Text[prev:off(a.Pos())])
		lead := ""
		if i == 0 {
			lead = post
		}
		if constant(i, a) {
			text := u.Text[off(a.Pos()):off(a.End())]
			edits = append(edits, Edit{prev, off(a.End()), lead})
			moved += sep + newlines(text)
			callArgs = append(callArgs, text)
			prev = off(a.End())
			continue
		}
		if len(lhs) > 0 {
			lead += ", "
		}
		name := fmt.Sprintf("__nnd%d", i)
		lhs = append(lhs, name)
		callArgs = append(callArgs, name)
		edits = append(edits, Edit{prev, off(a.Pos()), lead + sep})
		prev = off(a.End())
	}
	ellipsis := ""
	if call.Ellipsis.IsValid() {
		ellipsis = "..."
	}
	head := Edit{deferOff, funOff, "{ " + pre}
	if len(lhs) > 0 {
		head.New = "{ " + strings.Join(lhs, ", ") + " := " + pre
	}
	if static {
		head.End = funEnd
	}
	deferred := "; defer " + fun + "(" + strings.Join(callArgs, ", ") + ") }"
	if ellipsis != "" {
		// yaegi does not spread the last argument of a deferred call
		if last := len(callArgs) - 1; fmtSpread(d.s, call) {
			callArgs[last] = Runtime + fmtSliceConv(call) + callArgs[last] + ")"
		}
		deferred = "; __nnc := func() func() { return func() { " + fun + "(" + strings.Join(callArgs, ", ") + "...) } }(); defer __nnc() }"
	}
	edits = append(edits, head, Edit{prev, rp + 1, deferred + newlines(u.Text[prev:rp]) + moved})
	return edits
}

// calledVars returns the variables a deferred call calls: its function, or
// those a deferred function literal calls.
func (d *deferBinder) calledVars(call *ast.CallExpr) []string {
	var out []string
	ast.Inspect(call.Fun, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && d.vars[id.Name] {
				out = append(out, id.Name)
			}
		}
		return true
	})
	if id, ok := call.Fun.(*ast.Ident); ok && d.vars[id.Name] {
		out = append(out, id.Name)
	}
	return out
}

// static reports whether a deferred call's function is a function or a
// package's function named as such (f, strings.ToUpper): not a variable, a
// method value or an expression.
func (d *deferBinder) static(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return !d.vars[f.Name] && f.Name != "main"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && !d.vars[x.Name] && !d.s.Declared(x.Name) && d.types[x.Name] == typeRef{}
	}
	return false
}

// constant reports whether an argument may be a constant the call must
// see untyped: literals and operators on names that are not variables of
// the unit (constants, or names of earlier cells and packages, which the
// call then reads when it runs, as yaegi does).
func (d *deferBinder) constant(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return !d.vars[x.Name]
	case *ast.SelectorExpr:
		return d.constant(x.X)
	case *ast.ParenExpr:
		return d.constant(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && d.constant(x.X)
	case *ast.BinaryExpr:
		return d.constant(x.X) && d.constant(x.Y)
	}
	return false
}

// literalEdits makes the function literals assigned in body to the
// variables names inside a literal called at once; with all, every literal
// the function itself makes (not those of its defer statements, nor those
// inside other literals).
func (d *deferBinder) literalEdits(body *ast.BlockStmt, names map[string]bool, all bool) []Edit {
	var edits []Edit
	done := map[*ast.FuncLit]bool{}
	wrapLit := func(lit *ast.FuncLit) {
		if done[lit] || callsRecover(lit.Body) {
			return
		}
		done[lit] = true
		edits = append(edits,
			Edit{d.u.Off(lit.Pos()), d.u.Off(lit.Pos()), "func() " + types.ExprString(lit.Type) + " { return "},
			Edit{d.u.Off(lit.End()), d.u.Off(lit.End()), " }()"})
	}
	wrap := func(l ast.Expr, r ast.Expr) {
		id, ok := l.(*ast.Ident)
		lit, isLit := r.(*ast.FuncLit)
		if !ok || !isLit || !names[id.Name] {
			return
		}
		wrapLit(lit)
	}
	if all {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.DeferStmt:
				return false // bound by the defer's own edits
			case *ast.FuncLit:
				wrapLit(n)
				return false // made in that literal's frame
			}
			return true
		})
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					wrap(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					wrap(n.Names[i], n.Values[i])
				}
			}
		}
		return true
	})
	return edits
}

// callsRecover reports whether a function body calls recover itself.
func callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}

// newlines returns the line breaks of s, which an edit replacing s keeps so
// that the lines after it do not move.
func newlines(s string) string {
	return strings.Repeat("\n", strings.Count(s, "\n"))
}
