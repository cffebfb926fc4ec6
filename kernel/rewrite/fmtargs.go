package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The arguments of fmt's print functions.
//
// yaegi builds the types of a cell with reflect.StructOf, SliceOf, … and
// hands fmt bare values: a main.Rect is a `struct { W float64; H float64 }`
// to it, a main.Celsius a float64, and String and Error methods are seen
// only on the argument itself, not on elements and fields. yaegi keeps a
// value's static type only when it converts it to a non-empty interpreted
// interface: then it passes the syntax node of the expression along. So
// every argument of the print functions (fmt's Print, Println, Printf,
// Sprint…, Fprint…, Errorf, Append…, and log's Print…, Fatal…, Panic…) is
// converted to the session's AnyType, which
// embeds any, inside a one-element slice compiled code receives as is, and
// the engine's Fmt reads the argument's type from the node and returns a
// value that formats itself as Go would (FmtPrint, for Print, Sprint, Fprint
// and Append, returns a string as it is: a string operand decides where
// they put spaces). The format of Printf and the other …f functions goes
// through FmtFormat, which hands %T to those values as a verb of their own:
//
//	fmt.Printf("%v %T\n", r, r)
//	→ fmt.Printf(__rt.FmtFormat("%v %T\n"), __rt.Fmt([]__nnany{__nnany(r)}), __rt.Fmt([]__nnany{__nnany(r)}))
//	fmt.Println(f())      →  fmt.Println(__rt.FmtSlice(__nnargs(f()))...)   (f may give several values)
//	fmt.Println(xs...)    →  fmt.Println(__rt.FmtSlice(xs)...)
//
// yaegi hands the results of a call spread into __nnargs's ...__nnany
// over without their types (each gets the node of the last result's type
// expression, which has none), so when the call is of a function a cell
// declared, or of a cell method on a variable whose cell type the session
// knows, whose results the engine counts, each result is defined first:
//
//	fmt.Println(pair())   →  fmt.Println(__rt.FmtSlice(func() []__nnany { __nnres0, __nnres1 := pair(); return []__nnany{__nnany(__nnres0), __nnany(__nnres1)} }())...)
//
// Print, Sprint, Fprint and Append take such a slice through FmtPrintSlice,
// which keeps strings strings, as FmtPrint does.
//
// Only insertions are made, so other passes' edits inside the arguments
// stay. The %w arguments of an Errorf with a constant format keep their
// values (errors.Unwrap must give them back); so do, for every …f function
// with a constant format, the arguments of * widths and precisions (fmt
// wants an int there) and those the format leaves over (fmt names their
// type in %!(EXTRA type=value)). An Errorf whose format is not a string
// literal is left alone. A deferred call of a print function has
// its arguments wrapped the same way, at the defer statement: deferbind
// binds them there, wrapped (`{ __nnd1 := __rt.Fmt(…(x)…); defer
// fmt.Println("x", __nnd1) }`), and a cell's top-level defer queues them
// so (in a function body, a single call that may give several values
// becomes __rt.FmtSlice(__nnargs(f())) bound there, spread when the call
// runs; a slice spread into it, xs..., is converted then). The calls in a
// defer statement that the rangefunc pass queues are left alone (it moves
// the arguments' text). A cell that declares fmt keeps its calls, and a
// cell that declares log its log calls.

// fmtFixed is, for each print function of fmt, the number of parameters
// before its ...any.
var fmtFixed = map[string]int{ // the last fixed one is the format of …f
	"Print": 0, "Println": 0, "Printf": 1,
	"Sprint": 0, "Sprintln": 0, "Sprintf": 1,
	"Fprint": 1, "Fprintln": 1, "Fprintf": 2,
	"Errorf": 1,
	"Append": 1, "Appendln": 1, "Appendf": 2,
}

func fmtArgsEdits(s Session, u *Unit) []Edit {
	queued := map[*ast.DeferStmt]bool{}
	if strings.Contains(u.Text, "defer") {
		walkDefers(s, u, u.File, func(ds *ast.DeferStmt, _, q bool) { queued[ds] = q })
	}
	var edits []Edit
	deferred := map[*ast.CallExpr]bool{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeferStmt); ok {
			if queued[ds] {
				return false // the rangefunc pass moves its arguments
			}
			deferred[ds.Call] = true
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, w := range fmtArgWraps(s, u, c, deferred[c]) {
			edits = append(edits, Edit{u.Off(w.arg.Pos()), u.Off(w.arg.Pos()), w.pre}, Edit{u.Off(w.arg.End()), u.Off(w.arg.End()), w.post})
		}
		return true
	})
	return edits
}

// argWrap is what the fmtargs pass writes around one argument of a call.
type argWrap struct {
	i         int // the argument's index in the call
	arg       ast.Expr
	pre, post string
}

// fmtArgWraps returns the wrappers of the arguments of c when it calls a
// print function of fmt or log (deferbind binds those arguments, rather
// than moving their text). A deferred call of one argument that may give
// several values is left alone: its values cannot be bound at the defer.
func fmtArgWraps(s Session, u *Unit, c *ast.CallExpr, deferred bool) []argWrap {
	name, fixed, ok := fmtCall(c)
	if !ok || len(c.Args) <= fixed || s.Declared(c.Fun.(*ast.SelectorExpr).X.(*ast.Ident).Name) {
		return nil
	}
	args := c.Args[fixed:]
	slice := fmtSliceConv(c)
	switch {
	case c.Ellipsis.IsValid():
		if len(args) == 1 && !deferred {
			return []argWrap{{fixed, args[0], Runtime + slice, ")"}}
		}
		return nil // deferred: deferbind converts the elements when the call runs (fmtSpread)
	case fixed == 0 && len(args) == 1 && multiValued(args[0]):
		if deferred {
			return nil
		}
		if n := numResults(s, u, args[0]); n > 1 {
			// yaegi hands the results of a call spread into ...__nnany over
			// without their types: each is defined, then converted.
			vars := make([]string, n)
			conv := make([]string, n)
			for i := range vars {
				vars[i] = fmt.Sprintf("__nnres%d", i)
				conv[i] = AnyType + "(" + vars[i] + ")"
			}
			return []argWrap{{0, args[0], Runtime + slice + "func() []" + AnyType + " { " + strings.Join(vars, ", ") + " := ",
				"; return []" + AnyType + "{" + strings.Join(conv, ", ") + "} }())..."}}
		}
		return []argWrap{{0, args[0], Runtime + slice + ArgsFunc + "(", "))..."}}
	}
	keep := map[int]bool{}
	if strings.HasSuffix(name, "f") {
		format, literal := "", false
		if lit, ok := c.Args[fixed-1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			var err error
			format, err = strconv.Unquote(lit.Value)
			literal = err == nil
		}
		if !literal && name == "Errorf" {
			return nil
		}
		if literal {
			use := scanFormat(format, len(args))
			for i := range args {
				keep[i] = use.stars[i] || i >= use.extra || name == "Errorf" && use.wrapped[i]
			}
		}
	}
	var out []argWrap
	if strings.HasSuffix(name, "f") {
		out = append(out, argWrap{fixed - 1, c.Args[fixed-1], Runtime + ".FmtFormat(", ")"})
	}
	conv := ".Fmt("
	if name == "Print" || name == "Sprint" || name == "Fprint" || name == "Append" {
		conv = ".FmtPrint(" // keeps a string a string: it decides the spacing
	}
	for i, a := range args {
		if !keep[i] {
			out = append(out, argWrap{fixed + i, a, Runtime + conv + "[]" + AnyType + "{" + AnyType + "(", ")})"})
		}
	}
	return out
}

// fmtSliceConv is the helper (".FmtSlice(") that converts the operands of
// the print call c given as a slice; for Print, Sprint, Fprint and Append
// FmtPrintSlice, which keeps a string a string: it decides the spacing.
func fmtSliceConv(c *ast.CallExpr) string {
	switch name, _, _ := fmtCall(c); name {
	case "Print", "Sprint", "Fprint", "Append":
		return ".FmtPrintSlice("
	}
	return ".FmtSlice("
}

// fmtSpread reports whether c calls a print function of fmt or log with
// its arguments spread from a slice (fmt.Println(xs...)): deferred, the
// call converts the slice's elements when it runs, which deferbind writes.
func fmtSpread(s Session, c *ast.CallExpr) bool {
	_, fixed, ok := fmtCall(c)
	return ok && c.Ellipsis.IsValid() && len(c.Args) == fixed+1 && !s.Declared(c.Fun.(*ast.SelectorExpr).X.(*ast.Ident).Name)
}

// fmtResults reports whether c calls a print function of fmt or log with
// one argument that may give several values (fmt.Println(f())): deferred,
// deferbind hands the results over at the defer statement (Print's and
// Sprint's through FmtPrintSlice, which keeps strings strings).
func fmtResults(s Session, c *ast.CallExpr) bool {
	_, fixed, ok := fmtCall(c)
	return ok && fixed == 0 && len(c.Args) == 1 && !c.Ellipsis.IsValid() &&
		multiValued(c.Args[0]) && !s.Declared(c.Fun.(*ast.SelectorExpr).X.(*ast.Ident).Name)
}

// logFixed is fmtFixed for the print functions of package log (and the
// methods of a *log.Logger named log).
var logFixed = map[string]int{
	"Print": 0, "Println": 0, "Printf": 1,
	"Fatal": 0, "Fatalln": 0, "Fatalf": 1,
	"Panic": 0, "Panicln": 0, "Panicf": 1,
}

// fmtCall reports whether c calls one of the print functions of fmt or
// log, and which (log's Fatal and Panic as Print).
func fmtCall(c *ast.CallExpr) (name string, fixed int, ok bool) {
	sel, isSel := c.Fun.(*ast.SelectorExpr)
	if !isSel {
		return "", 0, false
	}
	pkg, isIdent := sel.X.(*ast.Ident)
	if !isIdent {
		return "", 0, false
	}
	name = sel.Sel.Name
	switch pkg.Name {
	case "fmt":
		fixed, ok = fmtFixed[name]
	case "log":
		fixed, ok = logFixed[name]
		name = strings.NewReplacer("Fatal", "Print", "Panic", "Print").Replace(name)
	}
	return name, fixed, ok
}

// numResults returns how many results a call x gives when it calls a
// function a cell declared (f(…)), or a method a cell declared on a
// variable whose cell type the unit or the session shows (v.M(…)); 0 when
// neither shows it.
func numResults(s Session, u *Unit, x ast.Expr) int {
	c, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return 0
	}
	var ft *ast.FuncType
	switch fun := c.Fun.(type) {
	case *ast.Ident:
		if fd := s.Func(fun.Name); fd != nil {
			ft = fd.Type
		}
	case *ast.SelectorExpr:
		v, ok := fun.X.(*ast.Ident)
		if !ok {
			return 0
		}
		typ := ""
		if t, ok := varTypes(u.File)[v.Name]; ok {
			typ = t.name
		} else if t, defined := s.CellVarType(v.Name); defined {
			typ = t
		} else {
			typ = s.VarTypeName(v.Name)
		}
		src := s.MethodDecl(strings.TrimPrefix(typ, "*"), fun.Sel.Name)
		if typ == "" || src == "" {
			return 0
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, 0)
		if err != nil || len(f.Decls) != 1 {
			return 0
		}
		if fd, ok := f.Decls[0].(*ast.FuncDecl); ok {
			ft = fd.Type
		}
	}
	if ft == nil || ft.Results == nil {
		return 0
	}
	n := 0
	for _, f := range ft.Results.List {
		n += max(len(f.Names), 1)
	}
	return n
}

// multiValued reports whether x may be a call giving several values: a
// call that is not of a builtin, a conversion to a basic type, or fmt.
func multiValued(x ast.Expr) bool {
	c, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	if _, _, isFmt := fmtCall(c); isFmt {
		return false
	}
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return !predeclared[f.Name]
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.FuncLit:
		return true
	}
	return false
}

// predeclared are the builtin functions and basic types, whose calls give
// one value.
var predeclared = map[string]bool{
	"len": true, "cap": true, "append": true, "make": true, "new": true, "complex": true,
	"real": true, "imag": true, "min": true, "max": true, "string": true, "bool": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "uint": true,
	"uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true, "byte": true,
	"rune": true, "any": true, "error": true, "recover": true,
}

// wrappedArgs returns the indexes of the arguments (numArgs of them) that
// a format consumes with %w.
func wrappedArgs(format string, numArgs int) map[int]bool {
	return scanFormat(format, numArgs).wrapped
}

// formatUse is what a format does with the arguments of a call.
type formatUse struct {
	wrapped map[int]bool // consumed by %w
	stars   map[int]bool // consumed by a * width or precision (fmt wants an int)
	// extra is the index of the first argument the format leaves unused,
	// which fmt reports as %!(EXTRA type=value), or numArgs when there is
	// none or the format reorders arguments (then fmt reports none).
	extra int
}

// scanFormat scans format as fmt's doPrintf does (flags, [n] indexes, *
// widths and precisions, bad indexes) and tells what it does with numArgs
// arguments.
func scanFormat(format string, numArgs int) formatUse {
	w, stars := map[int]bool{}, map[int]bool{}
	reordered := false
	end := len(format)
	argNum := 0
	for i := 0; i < end; {
		good := true
		for i < end && format[i] != '%' {
			i++
		}
		if i >= end {
			break
		}
		i++
		simple := false
		for ; i < end; i++ {
			c := format[i]
			if c == '#' || c == '0' || c == '+' || c == '-' || c == ' ' {
				continue
			}
			if 'a' <= c && c <= 'z' && argNum < numArgs {
				if c == 'w' {
					w[argNum] = true
				}
				argNum++
				i++
				simple = true
			}
			break
		}
		if simple {
			continue
		}
		var afterIndex, ok bool
		index := func() {
			if i < end && format[i] == '[' {
				reordered = true
			}
			argNum, i, afterIndex, ok = argNumber(argNum, format, i, numArgs)
			if !ok {
				good = false
			}
		}
		index()
		if i < end && format[i] == '*' {
			i++
			if argNum < numArgs {
				stars[argNum] = true
				argNum++
			}
			afterIndex = false
		} else {
			j := i
			i = skipNum(format, i, end)
			if afterIndex && i > j {
				good = false
			}
		}
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				good = false
			}
			index()
			if i < end && format[i] == '*' {
				i++
				if argNum < numArgs {
					stars[argNum] = true
					argNum++
				}
				afterIndex = false
			} else {
				i = skipNum(format, i, end)
			}
		}
		if !afterIndex {
			index()
		}
		if i >= end {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		switch {
		case verb == '%', !good, argNum >= numArgs:
		default:
			if verb == 'w' {
				w[argNum] = true
			}
			argNum++
		}
	}
	use := formatUse{wrapped: w, stars: stars, extra: numArgs}
	if !reordered && argNum < numArgs {
		use.extra = argNum
	}
	return use
}

// skipNum skips the width or precision at format[i:] as fmt's parsenum
// does: a number over a million with more digits after it ends the format
// (fmt prints %!(BADWIDTH) and stops there).
func skipNum(format string, i, end int) int {
	num := 0
	for ; i < end && '0' <= format[i] && format[i] <= '9'; i++ {
		if num > 1e6 {
			return end
		}
		num = num*10 + int(format[i]-'0')
	}
	return i
}

// argNumber reads an argument index "[n]" at format[i:] as fmt does: the
// new argument number and position, whether an index was there, and
// whether it was good.
func argNumber(argNum int, format string, i, numArgs int) (newArgNum, newi int, found, good bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false, true
	}
	f := format[i:]
	if len(f) < 3 {
		return argNum, i + 1, false, false
	}
	for j := 1; j < len(f); j++ {
		if f[j] != ']' {
			continue
		}
		n, digits := 0, 0
		for k := 1; k < j && '0' <= f[k] && f[k] <= '9' && n < 1e6; k++ {
			n = n*10 + int(f[k]-'0')
			digits++
		}
		if digits == 0 || digits != j-1 {
			return argNum, i + j + 1, false, false
		}
		if n-1 < 0 || n-1 >= numArgs {
			return argNum, i + j + 1, true, false
		}
		return n - 1, i + j + 1, true, true
	}
	return argNum, i + 1, false, false
}
