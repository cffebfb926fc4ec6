package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Go 1.22 gives each iteration of a loop its own loop variables; yaegi
// v0.16.1 shares one variable across iterations, so closures, goroutines
// and pointers made in a loop all see its last value. Where the body can
// tell the difference — it holds a function literal or takes a loop
// variable's address — each iteration gets its own copy:
//
//	for i, v := range xs { … }      →  for i, v := range xs { i, v := i, v; … }
//	for i := 0; i < n; i++ { … }    →  for i := 0; i < n; i++ { i := i; … }
//
// When the body of a three-clause loop assigns the variable (or takes its
// address), Go carries the iteration's value over to the next iteration;
// the copy is written back at the end of the body and before each continue
// of the loop:
//
//	for i := 0; i < n; i++ { i++; continue }
//	  →  for i := 0; i < n; i++ { __nnlv7 := &i; i := i; i++; { *__nnlv7 = i; continue }; *__nnlv7 = i }
//
// At a cell's top level yaegi keeps every variable global, and a copy
// there would replace the loop variable itself (`i := i` makes the loop
// never end). So a top-level statement holding such a loop (outside
// function literals) runs inside a function literal called at once, where
// the copies work as in any function; its variables were never session
// variables, and assignments to session variables in it reach them as a
// closure's do:
//
//	for i := 0; i < 3; i++ { fs = append(fs, func() { use(i) }) }
//	  →  func() { for i := 0; i < 3; i++ { i := i; fs = append(fs, func() { use(i) }) } }()
//
// Go scopes the variables, constants and types a block declares to the
// block; at a cell's top level yaegi makes them session-wide, so a `x := 5`
// in an if, a case or a loop body replaced the session's x, and a loop's
// `i` outlived it. Every top-level compound statement that declares
// anything in its blocks (:=, var, const, type, a range's or a type
// switch's variables, an if's or a switch's init) runs inside a function
// literal the same way; a statement declaring at the top level itself
// (x := 1) is a session variable and is left alone:
//
//	if ok { x := 5; use(x) }  →  func() { if ok { x := 5; use(x) } }()
//
// A statement holding a return or goto (outside function literals) is left
// alone: those would leave the literal, not the cell. Defer statements in
// it are still the cell's (the deferbind pass queues them by their place in
// the syntax), and its go statements are those of a function (gostmt).

func loopVarEdits(_ Session, u *Unit) []Edit {
	var edits []Edit
	tops := topLoops(u)
	for _, st := range tops {
		start, end := u.Off(st.Pos()), u.Off(st.End())
		edits = append(edits, Edit{start, start, "func() { "}, Edit{end, end, "}()"})
		edits = append(edits, loopVarBodyEdits(u, st)...)
	}
	for _, body := range funcBodies(u) {
		if !within(tops, body) {
			edits = append(edits, loopVarBodyEdits(u, body)...)
		}
	}
	return edits
}

// topLoops returns the statements of a cell's top level (in the wrapper
// around its statements) that the loopvar pass runs inside a function
// literal: compound statements declaring a name in their blocks (a loop's
// variables among them), outside function literals, and holding no return
// or goto.
func topLoops(u *Unit) []ast.Stmt {
	var out []ast.Stmt
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || u.Off(fd.Body.Pos()) >= 0 {
			continue
		}
		for _, st := range fd.Body.List {
			switch st.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.LabeledStmt, *ast.IfStmt, *ast.SwitchStmt,
				*ast.TypeSwitchStmt, *ast.SelectStmt, *ast.BlockStmt:
			default:
				continue
			}
			if u.Off(st.Pos()) < 0 {
				continue
			}
			declares, leaves := false, false
			ast.Inspect(st, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					leaves = true
				case *ast.BranchStmt:
					leaves = leaves || n.Tok == token.GOTO
				case *ast.AssignStmt:
					declares = declares || n.Tok == token.DEFINE
				case *ast.DeclStmt:
					declares = true
				case *ast.RangeStmt:
					declares = declares || n.Tok == token.DEFINE
				}
				return true
			})
			if declares && !leaves {
				out = append(out, st)
			}
		}
	}
	return out
}

// within reports whether n lies inside one of stmts.
func within(stmts []ast.Stmt, n ast.Node) bool {
	for _, st := range stmts {
		if st.Pos() <= n.Pos() && n.End() <= st.End() {
			return true
		}
	}
	return false
}

// loopVars returns the variables a for or range statement defines (not _),
// its body, and whether it is a three-clause loop; no names for a loop that
// defines none.
func loopVars(loop ast.Stmt) (names []string, body *ast.BlockStmt, threeClause bool) {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		if loop.Tok != token.DEFINE {
			return nil, loop.Body, false
		}
		for _, x := range []ast.Expr{loop.Key, loop.Value} {
			if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
				names = append(names, id.Name)
			}
		}
		return names, loop.Body, false
	case *ast.ForStmt:
		as, ok := loop.Init.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			return nil, loop.Body, true
		}
		for _, x := range as.Lhs {
			if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
				names = append(names, id.Name)
			}
		}
		return names, loop.Body, true
	}
	return nil, nil, false
}

// funcBodies returns the outermost function bodies of the unit (function
// declarations and literals, not the wrapper around a cell's statements).
func funcBodies(u *Unit) []*ast.BlockStmt {
	var out []*ast.BlockStmt
	ast.Inspect(u.File, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil && u.Off(body.Pos()) >= 0 {
			out = append(out, body)
			return false
		}
		return true
	})
	return out
}

// loopVarBodyEdits returns the edits of the loops in one function body (or
// top-level statement).
func loopVarBodyEdits(u *Unit, fbody ast.Node) []Edit {
	var edits []Edit
	labels := map[ast.Stmt]string{}
	ast.Inspect(fbody, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			labels[l.Stmt] = l.Label.Name
		}
		loop, ok := n.(ast.Stmt)
		if !ok {
			return true
		}
		names, body, threeClause := loopVars(loop)
		if len(names) == 0 {
			return true
		}
		names = captured(body, names)
		if len(names) == 0 {
			return true
		}
		list := strings.Join(names, ", ")
		open := u.Off(body.Lbrace) + 1
		if !threeClause || !assigns(body, names) {
			edits = append(edits, Edit{open, open, " " + list + " := " + list + ";"})
			return true
		}
		ptrs := make([]string, len(names))
		addrs := make([]string, len(names))
		derefs := make([]string, len(names))
		for i, name := range names {
			ptrs[i] = fmt.Sprintf("__nnlv%d_%d", open, i)
			addrs[i] = "&" + name
			derefs[i] = "*" + ptrs[i]
		}
		back := strings.Join(derefs, ", ") + " = " + list
		edits = append(edits, Edit{open, open, " " + strings.Join(ptrs, ", ") + " := " + strings.Join(addrs, ", ") + "; " + list + " := " + list + ";"})
		for _, c := range continues(body, labels[n.(ast.Stmt)]) {
			edits = append(edits, Edit{u.Off(c.Pos()), u.Off(c.End()), "{ " + back + "; " + u.Text[u.Off(c.Pos()):u.Off(c.End())] + " }"})
		}
		close := u.Off(body.Rbrace)
		edits = append(edits, Edit{close, close, "; " + back + " "})
		return true
	})
	return edits
}

// captured returns the names the body can capture per iteration: used
// somewhere in a body that holds a function literal, or whose address the
// body takes.
func captured(body *ast.BlockStmt, names []string) []string {
	hasFunc := false
	addr := map[string]bool{}
	used := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			hasFunc = true
		case *ast.UnaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND {
				addr[id.Name] = true
			}
		case *ast.Ident:
			used[n.Name] = true
		case *ast.SelectorExpr:
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					used[id.Name] = true
				}
				return true
			})
			return false
		}
		return true
	})
	var out []string
	for _, name := range names {
		if used[name] && (hasFunc || addr[name]) {
			out = append(out, name)
		}
	}
	return out
}

// assigns reports whether the body assigns one of names (also in function
// literals) or takes its address.
func assigns(body *ast.BlockStmt, names []string) bool {
	is := map[string]bool{}
	for _, n := range names {
		is[n] = true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && is[id.Name] {
						found = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := n.X.(*ast.Ident); ok && is[id.Name] {
				found = true
			}
		case *ast.UnaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && is[id.Name] {
				found = true
			}
		}
		return !found
	})
	return found
}

// continues returns the continue statements of the loop whose body is
// body (label is the loop's label, or ""), outside function literals.
func continues(body *ast.BlockStmt, label string) []*ast.BranchStmt {
	var out []*ast.BranchStmt
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				walk(m.Body, true)
				return false
			case *ast.RangeStmt:
				walk(m.Body, true)
				return false
			case *ast.BranchStmt:
				if m.Tok == token.CONTINUE && (m.Label == nil && !nested || m.Label != nil && m.Label.Name == label && label != "") {
					out = append(out, m)
				}
			}
			return true
		})
	}
	walk(body, false)
	return out
}
