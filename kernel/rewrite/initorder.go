package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// yaegi v0.16.1 initializes package-level variables in the order they are
// written, while Go initializes a variable only after the variables its
// initializer refers to, directly or through the functions and methods it
// calls (the spec's "initialization order"):
//
//	var total = compute()           var base = 10
//	var base = 10              →    func compute() int { return base * 3 }
//	func compute() int { … }        var total = compute()   (moved, same positions)
//
// InitOrder finds the variable declarations of a unit that must move to its
// end, in Go's order; ApplyMoves moves them after the passes' edits are
// made, each behind a //line comment that keeps its positions. References
// are read from the syntax: a name refers to the unit's declaration of that
// name, a selector x.m to every method m of the unit (Go's rule is by static
// type, so this may see a dependency Go does not; in a cycle the written
// order stays).

// Move takes Text[Off:End] of a unit to its end, where it keeps its line
// and column. Grouped is set for one spec of a var ( … ) group, which goes
// to the end as a group of its own.
type Move struct {
	Off, End  int
	Line, Col int // of Text[Off] in the unit's file
	Grouped   bool
}

// InitOrder returns the moves that make yaegi initialize the unit's
// package-level variables in Go's order, in that order (none when the
// written order is Go's).
func InitOrder(u *Unit) []Move {
	type varSpec struct {
		spec  *ast.ValueSpec
		decl  *ast.GenDecl
		names []string
	}
	var specs []varSpec
	funcs := map[string][]*ast.FuncDecl{} // func name, or "." + method name
	varOf := map[string]int{}             // variable name → index in specs
	for _, d := range u.File.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			key := d.Name.Name
			if d.Recv != nil {
				key = "." + key
			}
			funcs[key] = append(funcs[key], d)
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				vs := s.(*ast.ValueSpec)
				v := varSpec{spec: vs, decl: d}
				for _, id := range vs.Names {
					v.names = append(v.names, id.Name)
					varOf[id.Name] = len(specs)
				}
				specs = append(specs, v)
			}
		}
	}
	if len(specs) < 2 {
		return nil
	}
	// deps[i]: the specs variable spec i's initializer refers to.
	deps := make([]map[int]bool, len(specs))
	for i, v := range specs {
		deps[i] = map[int]bool{}
		seen := map[*ast.FuncDecl]bool{}
		var walk func(n ast.Node)
		walk = func(n ast.Node) {
			ast.Inspect(n, func(n ast.Node) bool {
				var fs []*ast.FuncDecl
				switch n := n.(type) {
				case *ast.Ident:
					if j, ok := varOf[n.Name]; ok && j != i {
						deps[i][j] = true
					}
					fs = funcs[n.Name]
				case *ast.SelectorExpr:
					fs = funcs["."+n.Sel.Name]
				}
				for _, f := range fs {
					if !seen[f] && f.Body != nil {
						seen[f] = true
						walk(f.Body)
					}
				}
				return true
			})
		}
		for _, x := range v.spec.Values {
			walk(x)
		}
	}
	// Go's order: repeatedly the earliest variable whose dependencies are
	// initialized; in a cycle, the earliest left.
	done := make([]bool, len(specs))
	var order []int
	for len(order) < len(specs) {
		next := -1
		for i := range specs {
			if done[i] {
				continue
			}
			if next < 0 {
				next = i // in a cycle
			}
			ready := true
			for j := range deps[i] {
				ready = ready && done[j]
			}
			if ready {
				next = i
				break
			}
		}
		done[next] = true
		order = append(order, next)
	}
	k := 0
	for k < len(order) && order[k] == k {
		k++
	}
	if k == len(order) {
		return nil
	}
	var moves []Move
	for _, i := range order[k:] {
		v := specs[i]
		var from, to token.Pos
		grouped := v.decl.Lparen.IsValid()
		if grouped {
			from, to = v.spec.Pos(), v.spec.End()
		} else {
			from, to = v.decl.Pos(), v.decl.End()
		}
		p := u.Tok.Position(from)
		moves = append(moves, Move{Off: u.Off(from), End: u.Off(to), Line: p.Line, Col: p.Column, Grouped: grouped})
	}
	return moves
}

// ApplyMoves applies edits to text (checked for overlap) and then the
// moves: each moved text, with the edits inside it, leaves blank lines
// where it was and goes to the end behind a //line comment giving its
// position. An edit that crosses the border of a moved text is an error.
func ApplyMoves(text string, edits []Edit, moves []Move) (string, error) {
	if err := Check(edits); err != nil {
		return text, err
	}
	if len(moves) == 0 {
		return Apply(text, edits), nil
	}
	var outside []Edit
	inside := make([][]Edit, len(moves))
	for _, ed := range edits {
		in := -1
		for i, m := range moves {
			if ed.Off >= m.Off && ed.End <= m.End && (ed.Off > m.Off || ed.End < m.End || ed.Off < ed.End) {
				in = i
			} else if ed.Off < m.End && m.Off < ed.End {
				return text, fmt.Errorf("an edit at [%d:%d] crosses the moved declaration at [%d:%d]", ed.Off, ed.End, m.Off, m.End)
			}
		}
		if in < 0 {
			outside = append(outside, ed)
			continue
		}
		m := moves[in]
		inside[in] = append(inside[in], Edit{ed.Off - m.Off, ed.End - m.Off, ed.New})
	}
	var tail strings.Builder
	for i, m := range moves {
		moved := Apply(text[m.Off:m.End], inside[i])
		if m.Grouped {
			fmt.Fprintf(&tail, "\nvar (\n//line :%d:%d\n%s\n)\n", m.Line, m.Col, moved)
		} else {
			fmt.Fprintf(&tail, "\n//line :%d:%d\n%s\n", m.Line, m.Col, moved)
		}
		outside = append(outside, Edit{m.Off, m.End, strings.Repeat("\n", strings.Count(text[m.Off:m.End], "\n"))})
	}
	return Apply(text, outside) + tail.String(), nil
}
