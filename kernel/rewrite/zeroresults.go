package rewrite

import (
	"fmt"
	"go/ast"
	"strings"
)

// Go starts a function's results at their zero values on every call.
// yaegi v0.16.1 (interp/run.go, call: "Init return values") gives a
// function declared with func, called by name, the caller's slot for the
// call's value as its results, so they start with whatever that slot held:
// the value of the last call made at the same place (a loop), or the
// caller's own results for `return f()`. A named result that the function
// appends to, or leaves alone before a bare return or a recovered panic,
// then shows an earlier call's value, and so does an unnamed result when a
// deferred call recovers a panic. (Function literals and method values are
// called through a wrapper that starts from zero values.)
//
// Each function declaration with named results sets them to zero first;
// one with unnamed results and a defer statement names them and does the
// same (a blank result is named too; nothing changes in a session where
// a cell defined the name new, nor in a function with a parameter or
// result named as a package or type its results are written with):
//
//	func f(n int) (out []int, err error) {   →  func f(n int) (out []int, err error) { out, err = *new([]int), *new(error);
//	func div(a, b int) int { defer …         →  func div(a, b int) (__nnres0 int) { __nnres0 = *new(int); defer …

// resultVar is the prefix of the names given to unnamed results.
const resultVar = "__nnres"

func zeroResultEdits(s Session, u *Unit) []Edit {
	if s.Declared("new") {
		return nil
	}
	var edits []Edit
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || fd.Type.Results.NumFields() == 0 || u.Off(fd.Body.Lbrace) < 0 {
			continue
		}
		if !namesOwnType(fd) {
			edits = append(edits, u.zeroResults(fd.Type.Results, fd.Body)...)
		}
	}
	return edits
}

// zeroResults returns the edits that name the results rs of a function
// (when they need it) and set them to zero at the start of its body.
func (u *Unit) zeroResults(rs *ast.FieldList, body *ast.BlockStmt) []Edit {
	named := len(rs.List[0].Names) > 0
	if !named && !deferredInBody(body) {
		return nil
	}
	var edits, names, zeros []Edit
	var lhs, rhs []string
	n := 0
	for _, f := range rs.List {
		typ := u.Text[u.Off(f.Type.Pos()):u.Off(f.Type.End())]
		ids := f.Names
		if !named {
			ids = []*ast.Ident{nil}
		}
		for _, id := range ids {
			name := fmt.Sprintf("%s%d", resultVar, n)
			n++
			switch {
			case id == nil:
				at := u.Off(f.Type.Pos())
				names = append(names, Edit{at, at, name + " "})
			case id.Name == "_":
				names = append(names, Edit{u.Off(id.Pos()), u.Off(id.End()), name})
			default:
				name = id.Name
			}
			lhs = append(lhs, name)
			rhs = append(rhs, "*new("+typ+")")
		}
	}
	if !named && !rs.Opening.IsValid() {
		at, end := u.Off(rs.Pos()), u.Off(rs.End())
		names = []Edit{{at, at, "(" + names[0].New}, {end, end, ")"}}
	}
	lb := u.Off(body.Lbrace) + 1
	zeros = append(zeros, Edit{lb, lb, " " + strings.Join(lhs, ", ") + " = " + strings.Join(rhs, ", ") + ";"})
	edits = append(edits, names...)
	return append(edits, zeros...)
}

// deferredInBody reports whether a function body holds a defer statement
// of its own (not one of a function literal inside it).
func deferredInBody(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}

// namesOwnType reports whether a receiver, parameter or result of fd is
// named as a package or type its results are written with (url *url.URL):
// inside the body that name is the variable, so the type cannot be
// written there.
func namesOwnType(fd *ast.FuncDecl) bool {
	names := map[string]bool{}
	for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params, fd.Type.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for _, id := range f.Names {
				names[id.Name] = true
			}
		}
	}
	found := false
	for _, f := range fd.Type.Results.List {
		ast.Inspect(f.Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && names[id.Name] {
				found = true
			}
			return !found
		})
	}
	return found
}
