package rewrite

import (
	"go/ast"
	"strconv"
	"strings"
)

// yaegi v0.16.1 keeps a function's named results in the caller's storage
// for the call's values and does not reset them when the function is
// called: called again at the same place — in a loop — a function starts
// with the values its results had when the last call returned. So
//
//	func check(x int) (err error) { if x < 0 { err = errors.New("neg") }; return }
//
// called with -1 then 1 returns "neg" twice, and func level(n int) (out
// []string) { … out = append(out, "big") … } keeps appending to the last
// call's slice. Every function with named results sets them to their zero
// values first, on the line of its opening brace (a variable of the type,
// not *new(T), whose value yaegi mishandles for an interface of a cell):
//
//	func f(n int) (out []string, err error) {
//	→ func f(n int) (out []string, err error) { var __nnz0 []string; var __nnz1 error; out, err = __nnz0, __nnz1;

func resultEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				edits = append(edits, resetResults(u, n.Type, n.Body)...)
			}
		case *ast.FuncLit:
			edits = append(edits, resetResults(u, n.Type, n.Body)...)
		}
		return true
	})
	return edits
}

// resetResults returns the edit that sets the named results of a function
// to their zero values at the start of its body.
func resetResults(u *Unit, ft *ast.FuncType, body *ast.BlockStmt) []Edit {
	if ft.Results == nil {
		return nil
	}
	var decls, names, zeros []string
	for _, f := range ft.Results.List {
		typ := u.Text[u.Off(f.Type.Pos()):u.Off(f.Type.End())]
		for _, n := range f.Names {
			if n.Name == "_" {
				continue
			}
			z := ZeroVar + strconv.Itoa(len(zeros))
			decls = append(decls, "var "+z+" "+typ+"; ")
			names = append(names, n.Name)
			zeros = append(zeros, z)
		}
	}
	if len(names) == 0 {
		return nil
	}
	at := u.Off(body.Lbrace) + 1
	return []Edit{{at, at, " " + strings.Join(decls, "") + strings.Join(names, ", ") + " = " + strings.Join(zeros, ", ") + ";"}}
}
