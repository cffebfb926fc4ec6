package kernel

import (
	"fmt"
	"go/ast"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// The cell's final expression runs inside a function literal,
//
//	func() { __nnv0, __nnv1 := EXPR; if __nnv1 != nil { __rt.Fail(...) }; __rt.Add(__nnv0, ...) }()
//
// so that its values are never top-level definitions (yaegi's global type
// analysis cannot type some of them: h.Epochs[0].Epoch) and the values of a
// call with several results can all be shown. How many results there are,
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

// finalSource is the function literal that runs the final expression and
// hands its values to the engine. The expression keeps its cell position.
// The source must not start with "func": yaegi would parse it as a file
// with a main function and run it twice.
func (u *unit) finalSource() string {
	vars := make([]string, u.nres)
	for i := range vars {
		vars[i] = fmt.Sprintf("%s%d", valName, i)
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("\n", u.line-1))
	fmt.Fprintf(&b, "; func() { %s :=\n%s%s\n", strings.Join(vars, ", "), strings.Repeat(" ", u.col-1), u.text)
	shown := vars
	if u.lastErr {
		last := vars[len(vars)-1]
		fmt.Fprintf(&b, "if %s != nil { %s.Fail(%s.Error()); return }\n", last, rtName, last)
		shown = vars[:len(vars)-1]
	}
	for _, v := range shown {
		fmt.Fprintf(&b, "%s.Add(%s, %s.Sprint(%s))\n", rtName, v, fmtName, v)
	}
	b.WriteString("}()" + stmtTail)
	return b.String()
}

// valuesPart shows several values, one a line; Type lists their types.
func valuesPart(vals []shownValue) Part {
	texts := make([]string, len(vals))
	types := make([]string, len(vals))
	for i, v := range vals {
		texts[i] = valuePart(v.v, v.text, v.typ).Text
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
