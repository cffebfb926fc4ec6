package rewrite

import "go/ast"

// A deferred function literal that calls recover, part of the deferbind
// pass.
//
// yaegi v0.16.1 lets recover() stop a panic only in a function literal it
// creates itself at the return (its frame's parent is then the panicking
// function's frame, where the panic is kept); a literal made at the defer
// statement — which is how deferbind gives a literal deferred in a loop
// that iteration's variables — copies that frame before the panic, and its
// recover() returns nil. So the literal is made at the defer statement, with
// its arguments, as another deferred literal is, and the function yaegi
// creates at the return runs it through the engine's helper
// (kernel/deferrecover.go), calling recover for it each time the literal
// calls its stand-in for recover:
//
//	defer func() { if r := recover(); r != nil { … } }()   (in a loop)
//	  →  { __nnf := func() func(func() any) { return func(__nnrecover func() any) { if r := __nnrecover(); r != nil { … } } }();
//	       defer func(__nnf func(func() any)) { __nnw, __nng := __rt.RecoverDeferred(__nnf); if __nnw() { __nng(recover()); for __nnw() { __nng(recover()) } } }(__nnf) }
//
// (yaegi's recover() leaves its result as it was when there is no panic, so
// a call site that returned the panic once is not called again). A literal
// that does not call recover leaves the panic going, as in Go. A literal
// with results stays as written.

// recoverFunc is the parameter of a deferred literal rewritten here that
// stands for recover.
const recoverFunc = "__nnrecover"

// recoverEdits returns the edits of a defer statement whose function is the
// literal lit, which calls recover.
func (d *deferBinder) recoverEdits(ds *ast.DeferStmt, lit *ast.FuncLit) []Edit {
	if lit.Type.Results != nil && len(lit.Type.Results.List) > 0 {
		return nil
	}
	u := d.u
	lb, end, rp := u.Off(lit.Body.Lbrace), u.Off(lit.End()), u.Off(ds.Call.Rparen)
	edits := []Edit{
		{u.Off(ds.Defer), u.Off(lit.Pos()), "{ __nnf := "},
		{lb, lb, "func(func() any) { return func(" + recoverFunc + " func() any) "},
		{end, end, " }"},
		{rp + 1, rp + 1, "; defer func(__nnf func(func() any)) { __nnw, __nng := " + Runtime + ".RecoverDeferred(__nnf); if __nnw() { __nng(recover()); for __nnw() { __nng(recover()) } } }(__nnf) }"},
	}
	for _, c := range recoverCalls(lit) {
		if id := c.Fun.(*ast.Ident); id.Obj == nil {
			edits = append(edits, Edit{u.Off(id.Pos()), u.Off(id.End()), recoverFunc})
		}
	}
	return edits
}
