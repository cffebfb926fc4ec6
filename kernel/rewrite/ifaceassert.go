package rewrite

import (
	"go/ast"
	"strings"
)

// yaegi v0.16.1 stores the result of a comma-ok type assertion to an
// interface a cell declares (v.(Speaker)) into a variable of its own kind
// (a (node, value) pair) without taking the pair out of the any it came
// in: once a call has held such a variable, `if s, ok := v.(Speaker); ok`
// panics with "reflect.Set: value of type interface {} is not assignable
// to type interp.valueInterface" (describe(2.5) then describe(Dog{})). A
// type switch with the interface as its case gets the value right (but
// panics on a nil interface, which yaegi's assertion with `_` takes for
// one when it came from a nil interface a cell declares), so the assertion
// becomes a function literal that asks yaegi's comma-ok assertion with `_`
// and whether the value is nil, and takes it from that switch. An assertion on a
// value the code shows is an error is errorassert's; one to a cell type
// that is not an interface is typeassert's.
//
// A comma-ok assertion of a nil any to an interface of a compiled package
// panics in yaegi ("reflect: call of reflect.Value.Type on zero Value";
// go run: ok false), so before an assertion to a type of a package (T
// written pkg.T) a nil any becomes a value of an empty struct type, which
// no such assertion passes. (Passing the asserted value out of a function
// literal of result type fmt.Stringer loses a cell value's methods, so the
// assertion itself stays where it is.)
//
//	s, ok := v.(Speaker)       →  s, ok := func(__nnta interface{}, __nntz Speaker, __nntn bool) (Speaker, bool) { if !__nntn && __nnta != nil { if _, __nnto := __nnta.(Speaker); __nnto { switch __nnti := __nnta.(type) { case Speaker: return __nnti, true } } }; return nil, false }(v, *new(Speaker), (v == nil))
//	r, ok := v.(fmt.Stringer)  →  r, ok := func(__nnta interface{}, __nntn bool) interface{} { if __nntn || __nnta == nil { return struct{ nnbookNil struct{} }{} }; return __nnta }(v, (v == nil)).(fmt.Stringer)
//
// (v == nil is written only when v is a name: yaegi's nil interface of a
// type a cell declares is not nil once passed as an interface{}; another
// expression is not evaluated twice, and gets false.)

// ifaceVar holds the asserted value, okVar whether it is one.
const (
	ifaceVar = "__nnti"
	okVar    = "__nnto"
	nilVar   = "__nntn" // whether the asserted name is nil where it stands
	// notNilField is the field of the empty struct a nil any becomes
	// before an assertion to a package's type (which it never passes).
	notNilField = "nnbookNil"
)

func ifaceAssertEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	rewrite := func(x ast.Expr) {
		ta, ok := x.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || u.Off(ta.Pos()) < 0 || isError(s, ta.X) {
			return
		}
		_, compiled := ta.Type.(*ast.SelectorExpr)
		if !compiled && !cellInterface(s, ta.Type) {
			return
		}
		// A name is asked whether it is nil where it stands: a nil
		// interface a cell declares is not nil once in an interface{}.
		isNilArg := "false"
		if id, ok := ta.X.(*ast.Ident); ok {
			isNilArg = "(" + id.Name + " == nil)"
		}
		if compiled {
			edits = append(edits,
				Edit{u.Off(ta.X.Pos()), u.Off(ta.X.Pos()), "func(" + assertVar + " interface{}, " + nilVar + " bool) interface{} { if " + nilVar + " || " + assertVar + " == nil { return struct{ " + notNilField + " struct{} }{} }; return " + assertVar + " }("},
				Edit{u.Off(ta.X.End()), u.Off(ta.X.End()), ", " + isNilArg + ")"})
			return
		}
		// As in typeassert, the type's text also stays where it is, as
		// the type of the zero value passed second.
		t := u.Text[u.Off(ta.Type.Pos()):u.Off(ta.Type.End())]
		body := "if !" + nilVar + " && " + assertVar + " != nil { if _, " + okVar + " := " + assertVar + ".(" + t + "); " + okVar + " { switch " + ifaceVar + " := " + assertVar + ".(type) { case " + t + ": return " + ifaceVar + ", true } }"
		edits = append(edits,
			Edit{u.Off(ta.X.Pos()), u.Off(ta.X.Pos()), "func(" + assertVar + " interface{}, " + zeroVar + " " + t + ", " + nilVar + " bool) (" + t + ", bool) { " + body + " }; return nil, false }("},
			Edit{u.Off(ta.X.End()), u.Off(ta.Lparen) + 1, ", *new("},
			Edit{u.Off(ta.Type.End()), u.Off(ta.Rparen) + 1, "), " + isNilArg + ")"})
	}
	commaOk(s, u, rewrite)
	return edits
}

// cellInterface reports whether t names an interface type the unit or a
// cell declares (not error or any, not a compiled package's).
func cellInterface(s Session, t ast.Expr) bool {
	id, ok := t.(*ast.Ident)
	if !ok || isPredeclared(s, id, "error") || isPredeclared(s, id, "any") {
		return false
	}
	if id.Obj != nil {
		ts, ok := id.Obj.Decl.(*ast.TypeSpec)
		if !ok || id.Obj.Kind != ast.Typ {
			return false
		}
		_, iface := ts.Type.(*ast.InterfaceType)
		return iface
	}
	if !s.Declared(id.Name) {
		return false
	}
	src := s.TypeOf(id.Name)
	return strings.HasPrefix(src, "type ") && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(src, "type "+id.Name)), "interface")
}
