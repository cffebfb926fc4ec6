package kernel

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// Every cell type that can have methods gets two hidden ones.
//
// yaegi v0.16.1 stores a value in an interface as its (node, value) pair,
// which keeps the value's type, only when the type has methods; a value of
// a type without methods is stored bare, as its underlying value: %T of an
// any holding a Celsius printed float64, `case Celsius:` never matched, a
// Rect in a []any printed as struct { W float64; H float64 }. So each cell
// type gets a method with a value receiver and one with a pointer receiver
// (a *T is stored as a pair only when the pointer's method set has its own
// method), which no code of the user can name:
//
//	type Celsius_nnv1 float64
//	func (Celsius_nnv1) nnbookType() {}
//	func (*Celsius_nnv1) nnbookPtr() {}
//
// What the engine does elsewhere makes the pairs behave as Go's values in
// an interface: fmt (fmtargs), type switches and comma-ok assertions
// (CaseIs), comparisons of an any (anyequal), any(x) (anyconv) and
// json.Marshal (celljson.go). Completion, Inspect and Vars list the methods
// the cells declared (record.go), never these.

// The hidden methods' names.
const (
	hiddenValueMethod = "nnbookType"
	hiddenPtrMethod   = "nnbookPtr"
)

// hiddenMethods declares the hidden methods of the cell type internal (its
// version's name).
func hiddenMethods(internal string) string {
	return "\nfunc (" + internal + ") " + hiddenValueMethod + "() {}\nfunc (*" + internal + ") " + hiddenPtrMethod + "() {}"
}

// predeclaredBasic are the predeclared types a defined type with methods
// can have as its underlying type.
var predeclaredBasic = map[string]bool{
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true, "byte": true, "rune": true,
}

// methodsAllowed reports whether the cell type t (declared by the chunk, in
// declared, or by an earlier cell) can have methods: its underlying type is
// neither an interface nor a pointer, as far as its declaration tells.
func (ps *planState) methodsAllowed(t string, declared map[string]*ast.TypeSpec, depth int) bool {
	if depth > 8 {
		return false
	}
	var typ ast.Expr
	if ts := declared[t]; ts != nil {
		typ = ts.Type
	} else if src, ok := ps.e.typeSrc[t]; ok {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\ntype "+src, parser.SkipObjectResolution)
		if err != nil || len(f.Decls) != 1 {
			return false
		}
		g, ok := f.Decls[0].(*ast.GenDecl)
		if !ok || len(g.Specs) != 1 {
			return false
		}
		typ = g.Specs[0].(*ast.TypeSpec).Type
	} else {
		return false
	}
	switch x := typ.(type) {
	case *ast.StructType, *ast.ArrayType, *ast.MapType, *ast.FuncType, *ast.ChanType:
		return true
	case *ast.ParenExpr:
		return false
	case *ast.Ident:
		if predeclaredBasic[x.Name] && ps.e.names[x.Name] != nameType && declared[x.Name] == nil {
			return true
		}
		if x.Name == t {
			return false
		}
		return ps.methodsAllowed(x.Name, declared, depth+1)
	}
	return false
}
