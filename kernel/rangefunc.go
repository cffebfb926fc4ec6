package kernel

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

// Range over a function (Go 1.23 iterators) is missing in yaegi v0.16.1;
// the rangefunc pass of kernel/rewrite turns such a loop into a call of the
// iterator when the code shows the iterator's types. This file answers the
// pass's questions about the session's functions and variables, holds the
// runtime check it calls (RangePanic), and fails, before anything runs, a
// cell with a loop whose range expression is certainly a function — one
// the code shows is a function, a func declared in a cell, a call of one
// that returns an iterator, or a call of a standard iterator such as
// slices.All or strings.SplitSeq — that the pass could not rewrite, naming
// the feature and its line.

// stdIterators are the standard library's functions that return an
// iterator, by package name.
var stdIterators = map[string]map[string]bool{
	"slices":  {"All": true, "Values": true, "Backward": true, "Chunk": true},
	"maps":    {"All": true, "Keys": true, "Values": true},
	"strings": {"SplitSeq": true, "SplitAfterSeq": true, "FieldsSeq": true, "FieldsFuncSeq": true, "Lines": true},
	"bytes":   {"SplitSeq": true, "SplitAfterSeq": true, "FieldsSeq": true, "FieldsFuncSeq": true, "Lines": true},
}

// noteCellFuncs records the signatures of the functions and methods ("T.M",
// also of generic types) and the declarations of the types ("type T
// struct{…}") a declaration chunk declares, for TypeOf in this and later
// cells.
func (e *Engine) noteCellFuncs(f *ast.File) {
	if e.cellFuncs == nil {
		e.cellFuncs = map[string]string{}
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, sp := range g.Specs {
				if ts := sp.(*ast.TypeSpec); ts.TypeParams == nil && !ts.Assign.IsValid() {
					e.cellFuncs[ts.Name.Name] = "type " + ts.Name.Name + " " + types.ExprString(ts.Type)
				}
			}
		}
		fd, ok := d.(*ast.FuncDecl)
		switch {
		case !ok:
		case fd.Recv == nil:
			e.cellFuncs[fd.Name.Name] = funcSignature(fd)
		case len(fd.Recv.List) == 1 && recvBase(fd.Recv.List[0].Type) != "":
			e.cellFuncs[recvBase(fd.Recv.List[0].Type)+"."+fd.Name.Name] = funcSignature(fd)
		}
	}
}

// recvBase returns T for a receiver T, *T, (*T), T[P] or *T[P, Q], or ""
// for anything else.
func recvBase(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// TypeOf returns, for a function or method ("T.M") declared in a cell, its
// declaration's first line ("func f[T any](v T) T", "func (s *S) M() int");
// for a type, its declaration ("type T struct{ … }"); for a session
// variable, the type its declaration writes or else its run-time type, and
// for a package member its type, as Go source.
func (s session) TypeOf(name string) string {
	e := s.e
	sig, ok := e.cellFuncs[name]
	if !ok {
		sig, ok = e.funcs[name]
	}
	if ok {
		sig, _, _ = strings.Cut(sig, "\n")
		return sig
	}
	if pkg, _, ok := strings.Cut(name, "."); ok {
		if _, imported := e.imports[pkg]; !imported || e.in == nil {
			return ""
		}
		return e.typeOfValue(name)
	}
	if e.names[name] == nameVar && e.in != nil {
		if t, ok := e.declType[name]; ok {
			return t // the type its declaration writes: var state any = Idle is an any
		}
		return e.typeOfValue(name)
	}
	return ""
}

// typeOfValue returns the type of the value src names, as Go source, when
// yaegi's reflect type spells it in a form a cell can write.
func (e *Engine) typeOfValue(src string) string {
	v, err := e.eval(src)
	if err != nil || !v.IsValid() {
		return ""
	}
	t := v.Type()
	if v.Kind() == reflect.Interface && !v.IsNil() {
		t = v.Elem().Type()
	}
	s := t.String()
	if strings.Contains(s, verSep) || strings.Contains(s, "__") || strings.Contains(s, "interp.") {
		return ""
	}
	if _, err := parser.ParseExpr(s); err != nil {
		return ""
	}
	return s
}

// rangePanic is __rt.RangePanic: it panics with the Go runtime's own error
// for an iterator that misbehaved (the states of the rangefunc pass: 1 it
// called yield after the body returned false, 2 after the body panicked, 3
// after the loop ended; 4 it recovered the body's panic and returned). The
// errors are provoked from a compiled range over a function, so they are
// the runtime's values, runtime.Error included.
func rangePanic(state int) {
	switch state {
	case 1:
		seq := func(yield func() bool) { yield(); yield() }
		for range seq {
			break
		}
	case 2:
		seq := func(yield func() bool) {
			func() {
				defer func() { _ = recover() }()
				yield()
			}()
			yield()
		}
		for range seq {
			panic("body")
		}
	case 3:
		var again func() bool
		seq := func(yield func() bool) { again = yield }
		for range seq {
		}
		again()
	case 4:
		seq := func(yield func() bool) {
			defer func() { _ = recover() }()
			yield()
		}
		for range seq {
			panic("body")
		}
	}
	panic(fmt.Sprintf("range function misbehaved (state %d)", state))
}

// rangeVars counts the iteration variables of a range statement.
func rangeVars(r *ast.RangeStmt) int {
	switch {
	case r.Value != nil:
		return 2
	case r.Key != nil:
		return 1
	}
	return 0
}

// returnsIterator reports whether the function with signature sig ("func
// f[T any](v T) iter.Seq[T]") returns one function or iter.Seq/Seq2.
func returnsIterator(sig string) bool {
	sig, _, _ = strings.Cut(sig, "\n")
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p; "+sig, 0)
	if err != nil || len(f.Decls) != 1 {
		return false
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Type.Results == nil || len(fd.Type.Results.List) != 1 || len(fd.Type.Results.List[0].Names) > 1 {
		return false
	}
	switch r := fd.Type.Results.List[0].Type.(type) {
	case *ast.FuncType:
		return true
	case *ast.IndexExpr, *ast.IndexListExpr:
		return strings.HasPrefix(types.ExprString(r), "iter.Seq")
	}
	return false
}

// rangeOverFunc returns the error for the first range over a function in
// the planned units that the rangefunc pass did not rewrite, or nil.
func (e *Engine) rangeOverFunc(units []unit) *CellError {
	imported := map[string]bool{} // the cell's own imports, not yet run
	for _, u := range units {
		for _, n := range u.ast {
			if spec, ok := n.(*ast.ImportSpec); ok && spec.Name == nil {
				if p, err := strconv.Unquote(spec.Path.Value); err == nil {
					imported[p] = true
				}
			}
		}
	}
	isFunc := func(x ast.Expr) bool {
		if rewrite.IsFunc(session{e}, x) {
			return true
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			return true
		case *ast.Ident:
			_, cell := e.cellFuncs[x.Name]
			return cell || e.names[x.Name] == nameFunc && e.funcs[x.Name] != ""
		case *ast.CallExpr:
			switch fun := x.Fun.(type) {
			case *ast.Ident:
				sig, ok := e.cellFuncs[fun.Name]
				if !ok && e.names[fun.Name] == nameFunc {
					sig = e.funcs[fun.Name]
				}
				return returnsIterator(sig)
			case *ast.SelectorExpr:
				pkg, ok := fun.X.(*ast.Ident)
				return ok && stdIterators[pkg.Name][fun.Sel.Name] && (e.imports[pkg.Name] == pkg.Name || imported[pkg.Name])
			}
		}
		return false
	}
	for _, u := range units {
		var found *ast.RangeStmt
		msg := ""
		for _, n := range u.ast {
			ast.Inspect(n, func(m ast.Node) bool {
				r, ok := m.(*ast.RangeStmt)
				if !ok || found != nil || !isFunc(r.X) {
					return found == nil
				}
				what := types.ExprString(r.X)
				if _, lit := r.X.(*ast.FuncLit); lit {
					what = "a function literal"
				}
				params, ok := rewrite.IterYield(session{e}, r.X)
				switch vars := rangeVars(r); {
				case !ok:
					found = r
					msg = fmt.Sprintf("range over a function (%s) is supported in nnbook's interpreter only when the code shows the iterator's types (Go 1.23 iterators): give it a type, as in var seq iter.Seq[int] = …, or call it with a yield function, as in seq(func(v T) bool { …; return true })", what)
				case vars > len(params):
					found = r
					msg = fmt.Sprintf("range over %s permits only %d iteration variables", what, len(params))
					if len(params) == 1 {
						msg = fmt.Sprintf("range over %s permits only one iteration variable", what)
					}
				}
				return found == nil
			})
		}
		if found == nil || u.file == nil {
			continue
		}
		pos := u.file.Position(found.X.Pos())
		ce := &CellError{Name: KindCompile, Line: pos.Line - 1, Col: pos.Column, Value: msg}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	return nil
}

// nilTypeRange names the range statement behind yaegi's "nil type" when a
// unit failed with it and holds a range whose expression's type the code
// does not show (likely a function the rangefunc pass could not rewrite);
// otherwise it returns err.
func (e *Engine) nilTypeRange(u unit, err *CellError) *CellError {
	if err == nil || err.Value != "nil type" || u.file == nil {
		return err
	}
	var found *ast.RangeStmt
	for _, n := range u.ast {
		ast.Inspect(n, func(m ast.Node) bool {
			if r, ok := m.(*ast.RangeStmt); ok && found == nil && !rewrite.Typed(session{e}, r.X) {
				found = r
			}
			return found == nil
		})
	}
	if found == nil {
		return err
	}
	pos := u.file.Position(found.X.Pos())
	ce := &CellError{Name: KindCompile, Line: pos.Line - 1, Col: pos.Column,
		Value: fmt.Sprintf("nnbook's interpreter cannot tell the type of %s (yaegi: nil type); if it is a function, a range over it (Go 1.23 iterators) is supported only when the code shows the iterator's types: give it a type, as in var seq iter.Seq[int] = …, or call it with a yield function, as in seq(func(v T) bool { …; return true })", types.ExprString(found.X))}
	ce.Traceback = []string{ce.Error()}
	return ce
}
