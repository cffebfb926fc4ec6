package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// yaegi v0.16.1 drops parts of an assignment of several values when one of
// the variables is an interface:
//
//	best, bestArea = sq, sq.Area()   // var best Shape: best stays nil
//	s, ok = Square{2}, true          // var s Shape: ok stays false
//	e, count = errors.New("a"), 3    // var e error: count stays 0
//
// (and two interfaces assigned together panic with "reflect.Set: …", as
// does nil assigned with another value: line, n = nil, 0). One
// value at a time is assigned right, so an assignment statement of several
// values to names of which one may be an interface (declared with an
// interface type, or with a type the unit does not show), or of which one
// is nil, becomes a block
// of single assignments, in Go's order: the values up to the last that
// calls a function or reads one of the names are computed first into
// variables of the block, then the names get them, then the remaining
// values (which call nothing and read none of the names) are assigned as
// written:
//
//	best, bestArea = sq, sq.Area()   →   { __nnp0 := sq; __nnp1 := sq.Area(); best = __nnp0; bestArea = __nnp1 }
//	s, ok = Square{2}, true          →   { s = Square{2}; ok = true }
//
// The values keep their place in the text (other passes may edit them). An
// untyped constant does not go through a variable of the block (it would
// get its default type there): before the last computed value it is
// assigned where it is written, and a statement where a later value reads
// its name, or that assigns a name twice, is left alone:
//
//	total, err = -1, fmt.Errorf(…)   →   { total = -1; __nnp1 := fmt.Errorf(…); err = __nnp1; }

func parallelEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	stmts := func(list []ast.Stmt) {
		for _, st := range list {
			as, ok := st.(*ast.AssignStmt)
			if ok && as.Tok == token.ASSIGN && len(as.Lhs) > 1 && len(as.Lhs) == len(as.Rhs) {
				edits = append(edits, splitAssign(s, u, as)...)
			}
		}
	}
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		switch n := n.(type) {
		case *ast.BlockStmt:
			stmts(n.List)
		case *ast.CaseClause:
			stmts(n.Body)
		case *ast.CommClause:
			stmts(n.Body)
		}
		return true
	})
	return edits
}

// splitAssign returns the edits that make as a block of single
// assignments, or none.
func splitAssign(s Session, u *Unit, as *ast.AssignStmt) []Edit {
	names := map[string]bool{}
	iface := false
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return nil
		}
		if id.Name == "_" {
			continue
		}
		if names[id.Name] {
			return nil // assigned twice
		}
		names[id.Name] = true
		iface = iface || mayBeInterface(s, id)
	}
	for _, r := range as.Rhs {
		iface = iface || isPredeclared(s, r, "nil") // yaegi: "reflect: New(nil)"
	}
	if !iface {
		return nil
	}
	last := -1 // the last value computed first
	for i, r := range as.Rhs {
		if !plainValue(s, r, names) {
			last = i
		}
	}
	// Before it, an untyped constant is assigned where it is written (a
	// variable of the block would give it its default type), when no later
	// value reads its name.
	direct := make([]bool, len(as.Rhs))
	for i := range as.Rhs {
		direct[i] = i > last || plainValue(s, as.Rhs[i], names) && untypedValue(s, as.Rhs[i])
		if direct[i] && i < last && as.Lhs[i].(*ast.Ident).Name != "_" {
			for _, r := range as.Rhs[i+1:] {
				if mentions(r, as.Lhs[i].(*ast.Ident).Name) {
					return nil
				}
			}
		}
	}
	lhs := func(i int) string { return as.Lhs[i].(*ast.Ident).Name }
	temp := func(i int) string { return ParallelVar + strconv.Itoa(i) }
	before := func(i int) string { // the text before value i
		if direct[i] {
			return lhs(i) + " = "
		}
		return temp(i) + " := "
	}
	assignTemps := func() string {
		var b strings.Builder
		for j := 0; j <= last; j++ {
			if !direct[j] {
				b.WriteString(lhs(j) + " = " + temp(j) + "; ")
			}
		}
		return b.String()
	}
	edits := []Edit{{u.Off(as.Pos()), u.Off(as.Rhs[0].Pos()), "{ " + before(0)}}
	for i := 0; i+1 < len(as.Rhs); i++ {
		between := "; "
		if i == last {
			between += assignTemps()
		}
		edits = append(edits, Edit{u.Off(as.Rhs[i].End()), u.Off(as.Rhs[i+1].Pos()), between + before(i+1)})
	}
	end := " }"
	if last == len(as.Rhs)-1 {
		end = "; " + strings.TrimSuffix(assignTemps(), " ") + " }"
	}
	at := u.Off(as.End())
	return append(edits, Edit{at, at, end})
}

// mayBeInterface reports whether the variable id may be of an interface
// type: declared with one, or with a type the unit does not show.
func mayBeInterface(s Session, id *ast.Ident) bool {
	if id.Obj == nil {
		t := s.TypeOf(id.Name)
		if t == "" {
			return true
		}
		x, err := parser.ParseExpr(t)
		return err != nil || ifaceType(x)
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		if d.Type != nil {
			return ifaceType(d.Type)
		}
	case *ast.Field:
		return ifaceType(d.Type)
	}
	if t := writtenType(s, id, 0); t != nil {
		return ifaceType(t)
	}
	return true
}

// ifaceType reports whether the type expression t may be an interface.
func ifaceType(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		if basicTypes[t.Name] {
			return false
		}
		if t.Obj != nil {
			if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok {
				return ifaceType(ts.Type)
			}
		}
		return true // error, any, or a type of another cell
	case *ast.ParenExpr:
		return ifaceType(t.X)
	case *ast.StarExpr, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.StructType:
		return false
	}
	return true // interface{…}, pkg.T, generic instances
}

// plainValue reports whether x calls nothing, receives nothing, follows no
// pointer and reads none of names, so that it has the same value when
// computed after names are assigned.
func plainValue(s Session, x ast.Expr, names map[string]bool) bool {
	plain := true
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.StarExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.SliceExpr, *ast.TypeAssertExpr:
			plain = false
		case *ast.FuncLit:
			return false // made, not called
		case *ast.UnaryExpr:
			plain = plain && n.Op != token.ARROW
		case *ast.SelectorExpr:
			if pkg, ok := n.X.(*ast.Ident); !ok || pkg.Obj != nil || s.Declared(pkg.Name) {
				plain = false // a field, maybe through a pointer
			}
			return false
		case *ast.KeyValueExpr:
			if _, ok := n.Key.(*ast.Ident); ok {
				ast.Inspect(n.Value, func(m ast.Node) bool { // a field name is no read
					if id, ok := m.(*ast.Ident); ok && names[id.Name] {
						plain = false
					}
					return plain
				})
				return false
			}
		case *ast.Ident:
			plain = plain && !names[n.Name]
		}
		return plain
	})
	return plain
}

// untypedValue reports whether x may be an untyped constant: a constant
// expression of literals, nil, true, false, a constant, or a name the unit
// does not show the type of.
func untypedValue(s Session, x ast.Expr) bool {
	if constKind(x) >= 0 {
		return true
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return untypedValue(s, x.X)
	case *ast.UnaryExpr:
		return untypedValue(s, x.X)
	case *ast.BinaryExpr:
		return untypedValue(s, x.X) && untypedValue(s, x.Y)
	case *ast.SelectorExpr:
		return true // a package's constant
	case *ast.Ident:
		if x.Obj == nil {
			return s.TypeOf(x.Name) == ""
		}
		return x.Obj.Kind == ast.Con
	}
	return false
}
