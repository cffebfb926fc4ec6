package kernel

import (
	"go/ast"
	"go/token"
	"reflect"
)

// yaegi v0.16.1 predates Go 1.22's range over an integer (`for i := range
// 10` makes it panic with "nil type"). rangeEdits rewrites such loops into
// three-clause loops when the AST shows the range expression is an integer:
// a literal, len or cap, arithmetic with one of those, or a name declared
// with an integer type or value (in the cell, or an integer variable or
// constant of the session). The bound is evaluated on every iteration.

func (e *Engine) rangeEdits(text string, f *ast.File, file *token.File, base int) []edit {
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Value != nil || !e.isIntExpr(r.X, 0) {
			return true
		}
		xText := text[file.Offset(r.X.Pos())-base : file.Offset(r.X.End())-base]
		key := "__nnr"
		if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
			key = id.Name
		}
		var from int
		clause := ""
		switch {
		case r.Key == nil:
			from = file.Offset(r.Range) - base // "for range N"
			clause = key + " := 0; " + key + " < " + xText + "; " + key + "++"
		case r.Tok == token.ASSIGN && key != "__nnr":
			from = file.Offset(r.Key.Pos()) - base
			clause = key + " = 0; " + key + " < " + xText + "; " + key + "++"
		default:
			from = file.Offset(r.Key.Pos()) - base
			clause = key + " := 0; " + key + " < " + xText + "; " + key + "++"
		}
		edits = append(edits, edit{from, file.Offset(r.X.End()) - base, clause})
		return true
	})
	return edits
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// isIntExpr reports whether the AST shows x is an integer.
func (e *Engine) isIntExpr(x ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := x.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.ParenExpr:
		return e.isIntExpr(x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op == token.SUB && e.isIntExpr(x.X, depth+1)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR,
			token.AND, token.OR, token.XOR, token.AND_NOT:
			return e.isIntExpr(x.X, depth+1) || e.isIntExpr(x.Y, depth+1)
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok {
			if (id.Name == "len" || id.Name == "cap") && id.Obj == nil && !e.declared(id.Name) {
				return true
			}
			if intTypes[id.Name] && id.Obj == nil && !e.declared(id.Name) {
				return true // a conversion
			}
		}
	case *ast.Ident:
		if x.Obj != nil {
			return e.declIsInt(x, depth)
		}
		if k, ok := e.names[x.Name]; ok && (k == nameVar || k == nameConst) && e.in != nil {
			if v, err := e.eval(x.Name); err == nil && v.IsValid() {
				switch v.Kind() {
				case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
					reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
					return true
				}
			}
		}
	}
	return false
}

// declIsInt looks at the declaration go/parser resolved for id.
func (e *Engine) declIsInt(id *ast.Ident, depth int) bool {
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		if t, ok := d.Type.(*ast.Ident); ok {
			return intTypes[t.Name]
		}
	case *ast.ValueSpec:
		if t, ok := d.Type.(*ast.Ident); ok {
			return intTypes[t.Name]
		}
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) {
				return e.isIntExpr(d.Values[i], depth+1)
			}
		}
	case *ast.AssignStmt:
		if len(d.Lhs) == len(d.Rhs) {
			for i, l := range d.Lhs {
				if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
					return e.isIntExpr(d.Rhs[i], depth+1)
				}
			}
		}
	}
	return false
}
