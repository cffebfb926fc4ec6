package kernel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
)

// What a successful unit defined: the session's names, funcs, methods and
// the cell types of variables.

// declared reports whether a cell defined name (shadowing a package or builtin).
func (e *Engine) declared(name string) bool {
	_, ok := e.names[name]
	return ok
}

// litType names the type of T{...}, &T{...} and T(v) for a type T of a cell
// (the interpreter's reflect types of cell types are anonymous).
func (e *Engine) litType(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return e.varType[x.Name]
	case *ast.CompositeLit:
		if id, ok := x.Type.(*ast.Ident); ok && e.names[id.Name] == nameType {
			return id.Name
		}
	case *ast.CallExpr:
		// A conversion T(v).
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 && e.names[id.Name] == nameType && e.declared(id.Name) {
			return id.Name
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if t := e.litType(x.X); t != "" {
				return "*" + t
			}
		}
	case *ast.ParenExpr:
		return e.litType(x.X)
	}
	return ""
}

// typeExprName names a type expression T or *T of a cell type.
func (e *Engine) typeExprName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		if e.names[x.Name] == nameType && e.declared(x.Name) {
			return x.Name
		}
	case *ast.StarExpr:
		if t := e.typeExprName(x.X); t != "" {
			return "*" + t
		}
	}
	return ""
}

// firstUndefined returns the first identifier of a unit that is declared
// nowhere: not in the unit, not by an earlier cell, not predeclared.
func (e *Engine) firstUndefined(u unit) *ast.Ident {
	if ids := e.undefinedIdents(u, true); len(ids) > 0 {
		return ids[0]
	}
	return nil
}

// undefinedNames returns the names a unit uses that are declared nowhere,
// each once, in order of use.
func (e *Engine) undefinedNames(u unit) []string {
	var names []string
	for _, id := range e.undefinedIdents(u, false) {
		if !slices.Contains(names, id.Name) {
			names = append(names, id.Name)
		}
	}
	return names
}

// undefinedIdents returns the identifiers of a unit that are declared
// nowhere (only the first when first is set).
func (e *Engine) undefinedIdents(u unit, first bool) []*ast.Ident {
	declared := map[string]bool{} // by the unit; the session's names are looked up
	known := func(name string) bool {
		if declared[name] || types.Universe.Lookup(name) != nil {
			return true
		}
		_, isName := e.names[name]
		_, isImport := e.imports[name]
		return isName || isImport
	}
	var found []*ast.Ident
	for _, n := range u.ast {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					for _, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							declared[id.Name] = true
						}
					}
				}
			case *ast.Field:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			case *ast.ValueSpec:
				for _, id := range n.Names {
					declared[id.Name] = true
				}
			case *ast.TypeSpec:
				declared[n.Name.Name] = true
			case *ast.FuncDecl:
				if n.Recv == nil {
					declared[n.Name.Name] = true
				}
			case *ast.RangeStmt:
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if id, ok := x.(*ast.Ident); ok {
						declared[id.Name] = true
					}
				}
			}
			return true
		})
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if first && len(found) > 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, visit) // not the selected name
			return false
		case *ast.KeyValueExpr:
			if _, ok := n.Key.(*ast.Ident); ok {
				// A struct field name in a composite literal.
				ast.Inspect(n.Value, visit)
				return false
			}
		case *ast.BranchStmt, *ast.LabeledStmt:
			if l, ok := n.(*ast.LabeledStmt); ok {
				ast.Inspect(l.Stmt, visit)
			}
			return false
		case *ast.FuncDecl:
			// Not the function's or method's own name.
			if n.Recv != nil {
				ast.Inspect(n.Recv, visit)
			}
			ast.Inspect(n.Type, visit)
			if n.Body != nil {
				ast.Inspect(n.Body, visit)
			}
			return false
		case *ast.Ident:
			if !known(n.Name) && n.Name != "_" {
				found = append(found, n)
			}
		}
		return !first || len(found) == 0
	}
	for _, n := range u.ast {
		ast.Inspect(n, visit)
	}
	return found
}

// record notes the names a successful unit defined.
func (e *Engine) record(u unit) {
	if u.commit != nil {
		u.commit()
	}
	for _, n := range u.ast {
		switch n := n.(type) {
		case *ast.ImportSpec:
			p, _ := strconv.Unquote(n.Path.Value)
			name, _ := pkgName(p)
			if n.Name != nil {
				name = n.Name.Name
			}
			if name != "_" && name != "." {
				e.imported(name, p)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						e.names[id.Name] = nameVar
						delete(e.varType, id.Name)
						delete(e.declType, id.Name)
						if len(n.Rhs) == len(n.Lhs) {
							if t := e.litType(n.Rhs[i]); t != "" {
								e.varType[id.Name] = t
							}
						}
					}
				}
			}
		case *ast.GenDecl:
			for _, s := range n.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					k := nameVar
					if n.Tok == token.CONST {
						k = nameConst
					}
					for i, id := range s.Names {
						if id.Name == "_" {
							continue
						}
						e.names[id.Name] = k
						delete(e.varType, id.Name)
						delete(e.declType, id.Name)
						if s.Type != nil && k == nameVar {
							e.declType[id.Name] = types.ExprString(s.Type)
						}
						if t := e.typeExprName(s.Type); t != "" {
							e.varType[id.Name] = t
						} else if len(s.Values) == len(s.Names) {
							if t := e.litType(s.Values[i]); t != "" {
								e.varType[id.Name] = t
							}
						}
					}
				case *ast.TypeSpec:
					e.names[s.Name.Name] = nameType
				}
			}
		case *ast.FuncDecl:
			e.recordFuncSource(n, u.file)
			if n.Recv != nil {
				if t := recvType(n.Recv); t != "" {
					ms := e.methods[t]
					found := false
					for _, m := range ms {
						found = found || m == n.Name.Name
					}
					if !found {
						e.methods[t] = append(ms, n.Name.Name)
					}
					e.funcs[t+"."+n.Name.Name] = funcSignature(n)
				}
				continue
			}
			e.names[n.Name.Name] = nameFunc
			e.funcs[n.Name.Name] = funcSignature(n)
		}
	}
}

func recvType(fl *ast.FieldList) string {
	if len(fl.List) == 0 {
		return ""
	}
	t := fl.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
