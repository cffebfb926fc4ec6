package rewrite

import (
	"go/ast"
	"strconv"
	"strings"
)

// yaegi v0.16.1 matches a type switch's cases by type name, so `case
// error:` never matches a value of a cell type, nor even errors.New's, and
// neither do `case interface{ Unwrap() error }:` and `case interface{
// Unwrap() []error }:` (how package errors walks a tree of errors). A type
// switch with such a case becomes an expression switch over the same value,
// its cases in the same order; those cases ask the engine's helpers (which
// see a cell value as the error it is, kernel/internal/cellerr), the others
// make the type assertion (not on nil, where yaegi's assertion to a compiled
// interface panics). A type switch with a bound variable and a case of a
// cell type is rewritten so too, each case of a type that is not an
// interface decided by the engine's CaseIs (kernel/celltypeswitch.go):
// yaegi's own decides by the name of the run-time type, which a cell type
// does not have. break, labels and the scope of each case's
// variable stay as they were. A type switch on a value the code shows is
// an error is rewritten so too, its value made whole by the engine's helper
// (errorconv.go): yaegi's own type switch matches no cell type there.
//
//	switch x := v.(type) {        switch __nnts := v; {         (__nnts := __rt.ErrorValue(err); on an error)
//	case nil:                     case __nnts == nil: x := __nnts; _ = x
//	case error:                →  case __rt.IsError(__nnts): x := __rt.AsError(__nnts); _ = x
//	case interface{ Unwrap() error }:  case __rt.Unwrapper(__nnts) != nil: x := __rt.Unwrapper(__nnts); _ = x
//	case int, string:             case func() bool { if __nnts == nil { return false }; _, ok := __nnts.(int); return ok }() || …: x := __nnts; _ = x
//	case Temp:                    case __rt.CaseIs([]__nnany{__nnany(__nnts)}, []__nnany{__nnany(*new(Temp))}): x := __rt.Held([]__nnany{__nnany(__nnts)}).(Temp); _ = x   (a cell type, bound)
//	case T:                       case func() bool { _, ok := __rt.ErrorValue(__nnts, "T").(T); return ok }(): …   (a cell type, on an error)
//	default:                      default: x := __nnts; _ = x
//	}                             }

func typeSwitchEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok || ts.Init != nil {
			return true
		}
		var name string
		var ta *ast.TypeAssertExpr
		switch a := ts.Assign.(type) {
		case *ast.AssignStmt:
			id, ok := a.Lhs[0].(*ast.Ident)
			if !ok {
				return true // not Go (switch 0 := v.(type)); yaegi reports it
			}
			name = id.Name
			ta, _ = a.Rhs[0].(*ast.TypeAssertExpr)
		case *ast.ExprStmt:
			ta, _ = a.X.(*ast.TypeAssertExpr)
		}
		if ta == nil {
			return true
		}
		// On an error, the value is made whole first: yaegi keeps only the
		// last field of a struct it wrapped as an error, so a case of the
		// struct's type would not match.
		onError := isPredeclared(s, shownType(s, ta.X), "error")
		cellCases := name != "" && hasCellTypeCase(s, ts)
		if !onError && !hasErrorCase(s, ts) && !cellCases {
			return true
		}
		text := func(n ast.Node) string { return u.Text[u.Off(n.Pos()):u.Off(n.End())] }
		// Only the text around the value and the types is replaced: the
		// engine may rename identifiers inside them (type versions).
		open, closing := SwitchVar+" := ", ";"
		if onError {
			open, closing = SwitchVar+" := "+ErrorValue+"(", ");"
		}
		edits = append(edits,
			Edit{u.Off(ts.Assign.Pos()), u.Off(ta.X.Pos()), open},
			Edit{u.Off(ta.X.End()), u.Off(ts.Assign.End()), closing})
		for _, st := range ts.Body.List {
			cc := st.(*ast.CaseClause)
			bind := SwitchVar
			for i, t := range cc.List {
				if i > 0 {
					edits = append(edits, Edit{u.Off(cc.List[i-1].End()), u.Off(t.Pos()), " || "})
				}
				switch {
				case isPredeclared(s, t, "nil"):
					edits = append(edits, Edit{u.Off(t.Pos()), u.Off(t.End()), SwitchVar + " == nil"})
				case isPredeclared(s, t, "error"):
					edits = append(edits, Edit{u.Off(t.Pos()), u.Off(t.End()), Runtime + ".IsError(" + SwitchVar + ")"})
				case unwrapHelper(s, t) != "":
					edits = append(edits, Edit{u.Off(t.Pos()), u.Off(t.End()), Runtime + "." + unwrapHelper(s, t) + "(" + SwitchVar + ") != nil"})
				case cellCases && !isInterfaceCase(s, t) && !(onError && cellTypeName(s, t) != ""):
					// (On an error a cell type's case is decided by name
					// below: CaseIs does not see through the error.)
					edits = append(edits,
						Edit{u.Off(t.Pos()), u.Off(t.Pos()), Runtime + ".CaseIs([]" + AnyType + "{" + AnyType + "(" + SwitchVar + ")}, []" + AnyType + "{" + AnyType + "(*new("},
						Edit{u.Off(t.End()), u.Off(t.End()), "))})"})
				default:
					check := SwitchVar
					if n := cellTypeName(s, t); onError && n != "" {
						// Told apart from a cell type of the same shape
						// by name (errorassert.go).
						if _, ptr := t.(*ast.StarExpr); ptr {
							n = "*" + n
						}
						check = ErrorValue + "(" + SwitchVar + ", " + strconv.Quote(n) + ")"
					}
					edits = append(edits,
						Edit{u.Off(t.Pos()), u.Off(t.Pos()), "func() bool { if " + SwitchVar + " == nil { return false }; _, ok := " + check + ".("},
						Edit{u.Off(t.End()), u.Off(t.End()), "); return ok }()"})
				}
			}
			if len(cc.List) == 1 {
				switch t := cc.List[0]; {
				case isPredeclared(s, t, "error"):
					bind = Runtime + ".AsError(" + SwitchVar + ")"
				case unwrapHelper(s, t) != "":
					bind = Runtime + "." + unwrapHelper(s, t) + "(" + SwitchVar + ")"
				case cellCases && !isInterfaceCase(s, t) && !isPredeclared(s, t, "nil"):
					bind = Runtime + ".Held([]" + AnyType + "{" + AnyType + "(" + SwitchVar + ")}).(" + text(t) + ")"
				case !isPredeclared(s, t, "nil"):
					bind = SwitchVar + ".(" + text(t) + ")"
				}
			}
			if name != "" && name != "_" {
				colon := u.Off(cc.Colon) + 1
				edits = append(edits, Edit{colon, colon, " " + name + " := " + bind + "; _ = " + name + ";"})
			}
		}
		return true
	})
	return edits
}

// hasErrorCase reports whether a case of ts lists the predeclared error or
// an interface of Unwrap alone.
func hasErrorCase(s Session, ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if isPredeclared(s, t, "error") || unwrapHelper(s, t) != "" {
				return true
			}
		}
	}
	return false
}

// unwrapHelper returns the engine's helper for a case of type
// interface{ Unwrap() error } (Unwrapper) or interface{ Unwrap() []error }
// (MultiUnwrapper), or "".
func unwrapHelper(s Session, t ast.Expr) string {
	it, ok := t.(*ast.InterfaceType)
	if !ok || len(it.Methods.List) != 1 || len(it.Methods.List[0].Names) != 1 || it.Methods.List[0].Names[0].Name != "Unwrap" {
		return ""
	}
	ft, ok := it.Methods.List[0].Type.(*ast.FuncType)
	if !ok || ft.Params.NumFields() != 0 || ft.Results.NumFields() != 1 {
		return ""
	}
	switch r := ft.Results.List[0].Type.(type) {
	case *ast.Ident:
		if isPredeclared(s, r, "error") {
			return "Unwrapper"
		}
	case *ast.ArrayType:
		if r.Len == nil && isPredeclared(s, r.Elt, "error") {
			return "MultiUnwrapper"
		}
	}
	return ""
}

// hasCellTypeCase reports whether a case of ts names a type the unit or a
// cell declares (T or *T) that is not an interface: yaegi's type switch
// with a bound variable decides such a case by the name of its run-time
// type, which a cell type does not have (kernel/celltypeswitch.go).
func hasCellTypeCase(s Session, ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if cellTypeCase(s, t) {
				return true
			}
		}
	}
	return false
}

// isInterfaceCase reports whether the case type t may be an interface (then
// a type assertion decides it): an interface literal, error, any, a type of
// a package, or an interface type the unit or a cell declares.
func isInterfaceCase(s Session, t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.InterfaceType, *ast.SelectorExpr:
		return true
	case *ast.ParenExpr:
		return isInterfaceCase(s, t.X)
	case *ast.Ident:
		if isPredeclared(s, t, "error") || isPredeclared(s, t, "any") {
			return true
		}
		if t.Obj != nil {
			ts, ok := t.Obj.Decl.(*ast.TypeSpec)
			if !ok {
				return true // not a type the unit declares plainly
			}
			_, iface := ts.Type.(*ast.InterfaceType)
			return iface
		}
		if s.Declared(t.Name) {
			src := s.TypeOf(t.Name)
			return !strings.HasPrefix(src, "type ") || strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(src, "type "+t.Name)), "interface")
		}
	}
	return false
}
