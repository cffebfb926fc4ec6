package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 panics with "reflect: call of reflect.Value.Len on int
// Value" on a range over a slice or map whose elements are channels (the
// fan-in of a pipeline: for _, c := range chans { … }); indexing it works.
// When the source shows the element type (a variadic ...<-chan T, a
// variable declared as []chan int or from such a literal), the loop ranges
// over the keys and reads the element first; the body goes in a block of
// its own, where other passes may copy the loop variables:
//
//	for _, c := range chans { … }   →   for __nnk := range chans { c := chans[__nnk]; { … } }
//	for k, c := range m { … }       →   for k := range m { c := m[k]; { … } }

func rangeChanEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Tok != token.DEFINE || r.Value == nil {
			return true
		}
		x, isIdent := r.X.(*ast.Ident)
		val, valIdent := r.Value.(*ast.Ident)
		if !isIdent || !valIdent || val.Name == "_" || !chanElems(s, x) {
			return true
		}
		key := RangeVar + "k"
		if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
			key = id.Name
		}
		// "k, v" or "_, v" becomes the key alone.
		edits = append(edits,
			Edit{u.Off(r.Key.Pos()), u.Off(r.Value.End()), key},
			Edit{u.Off(r.Body.Lbrace) + 1, u.Off(r.Body.Lbrace) + 1, " " + val.Name + " := " + x.Name + "[" + key + "]; {"},
			Edit{u.Off(r.Body.Rbrace), u.Off(r.Body.Rbrace), "}"})
		return true
	})
	return edits
}

// chanElems reports whether the source shows that x is a slice, array or
// map of channels.
func chanElems(s Session, x *ast.Ident) bool {
	t := writtenType(s, x, 0)
	switch t := t.(type) {
	case *ast.ArrayType:
		_, ok := t.Elt.(*ast.ChanType)
		return ok
	case *ast.MapType:
		_, ok := t.Value.(*ast.ChanType)
		return ok
	}
	return false
}
