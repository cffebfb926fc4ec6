package rewrite

import (
	"go/ast"
	"strconv"

	"github.com/nnbook/nnbook/kernel/internal/cellerr"
)

// When yaegi v0.16.1 hands a struct value of a cell type to compiled code as
// an error (a return of type error, fmt.Errorf's %w, errors.Is), its wrapper
// keeps only the struct's last field, so errors.As and errors.Is cannot
// compare or assign the value. Every method Error gets a hidden twin that
// returns its receiver; the engine's errors functions call it through the
// wrapper (kernel/internal/cellerr). A pointer receiver gives a value
// receiver (the twin of *T then returns the struct it points to; cellerr
// takes the pointer from the wrapper).
//
// And yaegi cannot tell whether a value held as an any is an error (the
// rewritten `case error:`, typeswitch.go), so the type is registered with
// the engine: two functions that return the value as an error when it is a
// T or *T (or only *T, for a pointer receiver), one with a type switch and
// one with type assertions (cellerr.Registry says which sees what).
//
//	func (t T) Error() string { … }
//	→ func (t T) Error() string { … }; func (__nnself T) nnbookSelf() any { return __rt.SelfOf(__nnself, "T") };
//	  var _ = __rt.RegisterError(func(v any) (error, bool) { switch v.(type) { case T: x, _ := v.(T); return x, true; … } … }, …)

func errorSelfEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Name.Name != "Error" || fd.Body == nil ||
			fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 1 {
			continue
		}
		if id, ok := fd.Type.Results.List[0].Type.(*ast.Ident); !ok || id.Name != "string" {
			continue
		}
		recv := fd.Recv.List[0].Type
		if star, ok := recv.(*ast.StarExpr); ok {
			recv = star.X
		}
		typ := u.Text[u.Off(recv.Pos()):u.Off(recv.End())]
		end := u.Off(fd.End())
		self := SelfVar
		if _, named := recv.(*ast.Ident); named {
			// The type's name, which tells cell types of the same
			// underlying type apart (errorassert.go).
			self = Runtime + ".SelfOf(" + SelfVar + ", " + strconv.Quote(typ) + ")"
		}
		text := "; func (" + SelfVar + " " + typ + ") " + cellerr.SelfMethod + "() any { return " + self + " }"
		if _, named := recv.(*ast.Ident); named {
			text += registerError(typ, recv == fd.Recv.List[0].Type)
		}
		edits = append(edits, Edit{end, end, text})
	}
	return edits
}

// registerError returns the declaration that registers the cell type typ
// as an error: T and *T when Error has a value receiver, *T alone when it
// has a pointer receiver.
func registerError(typ string, value bool) string {
	types := []string{"*" + typ}
	if value {
		types = []string{typ, "*" + typ}
	}
	// The names are the engine's own: yaegi takes a session variable named
	// like a local of this initializer (ok, x, v) for a dependency of it and
	// reports a variable definition loop.
	v, x, ok := SelfVar+"v", SelfVar+"x", SelfVar+"ok"
	exact, loose := "switch "+v+".(type) {", ""
	for _, t := range types {
		exact += " case " + t + ": " + x + ", _ := " + v + ".(" + t + "); return " + x + ", true;"
		loose += " if " + x + ", " + ok + " := " + v + ".(" + t + "); " + ok + " { return " + x + ", true };"
	}
	exact += " }"
	sig := "func(" + v + " any) (error, bool) {"
	return "; var _ = " + Runtime + ".RegisterError(" + sig + " " + exact + "; return nil, false }, " + sig + loose + " return nil, false })"
}
