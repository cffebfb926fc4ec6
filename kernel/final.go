package kernel

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// The cell's final expression runs as
//
//	__nnv0, __nnv1 := EXPR; if __nnv1 != nil { __rt.Fail(...) } else { __rt.Add(__nnv0, ...) }
//
// so that the values of a call with several results can all be shown; when
// yaegi's global type analysis cannot type that definition (h.Epochs[0].Epoch)
// the same statements run inside a function literal (see finalSource). How many results there are,
// and whether the last is an error, is decided by compiling (not running)
// probes after the cell's earlier units ran.

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// pkgFuncType returns the type of a call's function when it is a compiled
// package function (fmt.Println, nnlib.New), or nil.
func (e *Engine) pkgFuncType(call *ast.CallExpr) reflect.Type {
	fun, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	pkg, ok := fun.X.(*ast.Ident)
	if !ok || e.declared(pkg.Name) {
		return nil
	}
	p, ok := e.imports[pkg.Name]
	if !ok {
		return nil
	}
	v, ok := packageSymbols(p)[fun.Sel.Name]
	if !ok || v.Kind() != reflect.Func || strings.HasPrefix(fun.Sel.Name, "_") {
		return nil
	}
	return v.Type()
}

// cellFuncType returns the type of a call's function when it is named by a
// chain of selectors from a variable or function a cell defined (f, net.Train,
// m.layer.Forward): reading such a name has no side effects, so its value is
// evaluated and its signature read. Otherwise it returns nil.
//
// This spares the compile-only probes of results, each a function literal
// whose syntax tree yaegi keeps for the rest of the session.
func (e *Engine) cellFuncType(call *ast.CallExpr) reflect.Type {
	root := call.Fun
	for {
		sel, ok := root.(*ast.SelectorExpr)
		if !ok {
			break
		}
		root = sel.X
	}
	id, ok := root.(*ast.Ident)
	if !ok || id.Name == "main" {
		return nil
	}
	if k, ok := e.names[id.Name]; !ok || k != nameVar && k != nameFunc {
		return nil
	}
	v, err := e.eval(types.ExprString(call.Fun))
	if err != nil || !v.IsValid() || v.Kind() != reflect.Func {
		return nil
	}
	return v.Type()
}

// returnsRE reads yaegi's "assignment mismatch: 2 variables but f returns 3 values".
var returnsRE = regexp.MustCompile(`returns (\d+) values?`)

// results returns how many values the final expression has (0: run it as a
// plain statement) and whether the last one is an error.
func (e *Engine) results(u *unit) (n int, lastErr bool) {
	x := u.expr
	for {
		p, ok := x.(*ast.ParenExpr)
		if !ok {
			break
		}
		x = p.X
	}
	if x == nil {
		return 0, false
	}
	if _, ok := x.(*ast.CallExpr); !ok {
		// Every other expression statement has one value; a compile error
		// shows up when it runs.
		return 1, false
	}
	if t := e.pkgFuncType(x.(*ast.CallExpr)); t != nil {
		// A package function: its compiled signature tells, no probe needed
		// (every compile makes yaegi keep the code).
		n = t.NumOut()
		return n, n > 0 && t.Out(n-1) == errorType
	}
	if t := e.cellFuncType(x.(*ast.CallExpr)); t != nil {
		// A function or method a cell defined: its value tells, no probe.
		n = t.NumOut()
		return n, n > 0 && t.Out(n-1) == errorType
	}
	n = e.arity(x)
	if n < 0 {
		n = e.probeCount(u)
	}
	if n == 0 {
		return 0, false
	}
	blanks := strings.Repeat("_, ", n-1)
	probe := ";" + strings.Repeat("\n", u.line-1) + "func() { " + blanks + "__nne :=\n" +
		strings.Repeat(" ", u.col-1) + u.text + "\nvar _ error = __nne\n}"
	return n, e.compile(probe) == nil
}

// probeCount finds by compiling how many values a call has.
func (e *Engine) probeCount(u *unit) int {
	src := ";" + strings.Repeat("\n", u.line-1) + "func() { _, _ =\n" + strings.Repeat(" ", u.col-1) + u.text + "\n}"
	err := e.compile(src)
	if err == nil {
		return 2
	}
	if m := returnsRE.FindStringSubmatch(err.Error()); m != nil && strings.Contains(err.Error(), "assignment mismatch") {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	// Not a call with values (a conversion, or an error the plain statement
	// will report): one value if the one-parameter probe compiles.
	if e.compile(u.probe) == nil {
		return 1
	}
	return 0
}

// finalSource is the source that runs the final expression and hands its
// values to the engine. The expression keeps its cell position.
//
// It first runs as top-level statements that define the globals __nnv0,
// __nnv1… (redefined by every cell): yaegi keeps a top-level function
// literal's whole syntax tree alive in its global frame for the rest of the
// session, about 8 KiB per cell. When yaegi's global analysis cannot type
// the definition (literal is then true), it runs in a function literal. The
// source must not start with "func": yaegi would parse it as a file with a
// main function and run it twice.
func (u *unit) finalSource(prefix string, literal bool) string {
	vars := make([]string, u.nres)
	for i := range vars {
		vars[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("\n", u.line-1))
	if literal {
		b.WriteString("; func() {")
	} else {
		b.WriteString(";")
	}
	fmt.Fprintf(&b, " %s :=\n%s%s\n", strings.Join(vars, ", "), strings.Repeat(" ", u.col-1), u.text)
	shown := vars
	if u.lastErr {
		last := vars[len(vars)-1]
		fmt.Fprintf(&b, "if %s != nil { %s.Fail(%s.Error()) } else {\n", last, rtName, last)
		shown = vars[:len(vars)-1]
	}
	for _, v := range shown {
		// Through Fmt a value shows as fmt would print it in Go (String at
		// every depth, cell types' names as its type); that costs yaegi
		// more global-frame slots a cell, so only where cells declared
		// types.
		if u.typed {
			fmt.Fprintf(&b, "%s.Add(%s, %s.Fmt([]%s{%s(%s)}))\n", rtName, v, rtName, anyName, anyName, v)
		} else {
			fmt.Fprintf(&b, "%s.Add(%s, %s.Sprint(%s))\n", rtName, v, fmtName, v)
		}
	}
	if u.lastErr {
		b.WriteString("}\n")
	}
	if literal {
		b.WriteString("}()")
	}
	b.WriteString(stmtTail)
	return b.String()
}

// valuesPart shows several values, one a line; Type lists their types.
func valuesPart(vals []shownValue) Part {
	texts := make([]string, len(vals))
	types := make([]string, len(vals))
	for i, v := range vals {
		texts[i] = valuePart(v.v, v.text, nil, v.typ).Text
		types[i] = v.typ
	}
	text := strings.Join(texts, "\n")
	return Part{Kind: Value, Text: text, Type: "(" + strings.Join(types, ", ") + ")",
		Data: map[string][]byte{"text/plain": []byte(text)}}
}

// unwrapFinalTrace removes the function literal of the final expression from
// a panic's traceback: its outermost frame is the literal's call (not in the
// cell) and the one inside it is the cell's own statement.
func unwrapFinalTrace(ce *CellError, code string) {
	tb := ce.Traceback
	if len(tb) < 3 || !strings.Contains(tb[len(tb)-1], "main.func") || !strings.Contains(tb[len(tb)-2], "main.func") {
		return
	}
	tb = tb[:len(tb)-1]
	last := tb[len(tb)-1]
	i := strings.Index(last, " at line ")
	var line, col int
	if _, err := fmt.Sscanf(last[i:], " at line %d:%d", &line, &col); err != nil {
		return
	}
	tb[len(tb)-1] = fmt.Sprintf("    main at line %d:%d", line, col)
	ce.Traceback = tb
	ce.Line, ce.Col = line, runeCol(code, line, col)
}

// arity tells from the AST (and the compiled symbol tables) how many values
// an expression has, or -1 when only the compiler knows (calls of cell funcs
// and methods).
func (e *Engine) arity(x ast.Expr) int {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return 1 // every other expression statement has one value
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if k, ok := e.names[fun.Name]; ok && k == nameType {
			// A conversion to a type a cell declared, also one named like
			// a predeclared type (type float64 int): yaegi's compiler
			// counts no values for it.
			return 1
		}
		switch fun.Name {
		case "print", "println", "panic", "close", "delete", "clear":
			if e.names[fun.Name] == 0 && !e.declared(fun.Name) {
				return 0
			}
		case "min", "max":
			if e.builtinRewritten(fun.Name) {
				return 1
			}
		default:
			if _, ok := types.Universe.Lookup(fun.Name).(*types.TypeName); ok && !e.declared(fun.Name) {
				return 1 // a conversion to a predeclared type: float64(n)
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
