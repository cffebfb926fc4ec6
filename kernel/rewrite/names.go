package rewrite

import (
	"go/ast"
	"go/token"
)

// Names the rewritten source uses. They start with "__" so that no cell
// defines them, and the engine never shows them.
const (
	// Runtime is the local name of the engine's compiled helper package in
	// every session (Go, Clear, …).
	Runtime = "__rt"
	// MainName replaces the identifier main (mainrename.go).
	MainName = "__nnmain"
	// RangeVar is the loop variable of `for range N` (rangeint.go).
	RangeVar = "__nnr"
	// SelfVar is the receiver of the hidden twin of a method Error
	// (errorself.go).
	SelfVar = "__nnself"
	// ErrorValue is the engine's helper that returns its argument as an
	// error (errorconv.go).
	ErrorValue = Runtime + ".ErrorValue"
	// SwitchVar holds the value of a type switch rewritten as an expression
	// switch (typeswitch.go).
	SwitchVar = "__nnts"
	// AnyType is the session's interface every type satisfies which yaegi
	// takes for a non-empty one (fmtargs.go).
	AnyType = "__nnany"
	// ArgsFunc returns its arguments as a []AnyType (fmtargs.go).
	ArgsFunc = "__nnargs"
	// ZeroVar, numbered, holds the zero value a named result starts from
	// (results.go).
	ZeroVar = "__nnz"
	// ParallelVar, numbered, holds a value of an assignment of several
	// values made one at a time (parallel.go).
	ParallelVar = "__nnp"
	// ErrorArg is the parameter of the function literal that makes a cell
	// value an error (errorappend.go).
	ErrorArg = "__nnx"
)

// NonReferences returns the identifiers of f that only name a field, a
// selector or a composite-literal key, plus the names of the func
// declarations for which skipFunc reports true: the identifiers a rename of
// package-level names must leave alone.
func NonReferences(f *ast.File, skipFunc func(*ast.FuncDecl) bool) map[*ast.Ident]bool {
	skip := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.Field:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		case *ast.FuncDecl:
			if skipFunc(n) {
				skip[n.Name] = true
			}
		}
		return true
	})
	return skip
}

// ConstExpr reports whether x is built from literals and operators only.
func ConstExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return ConstExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && ConstExpr(x.X)
	case *ast.BinaryExpr:
		return ConstExpr(x.X) && ConstExpr(x.Y)
	}
	return false
}

// builtins are Go's predeclared functions.
var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
}

// IsBuiltin reports whether fun is a predeclared function's name.
func IsBuiltin(fun ast.Expr) bool {
	id, ok := fun.(*ast.Ident)
	return ok && builtins[id.Name]
}
