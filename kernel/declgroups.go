package kernel

import (
	"go/ast"
	"go/token"
	"sort"
)

// Declarations that read session variables, beside funcs and types.
//
// yaegi's global analysis orders a unit's package-level vars by the
// variables they read, and a variable of an earlier evaluation is never
// ready: `var q = p` after `p := 3` fails with "variable definition loop".
// A unit holding only vars runs spec by spec (runSplit, define.go), but one
// that also declares funcs, types or constants cannot. So when a
// declaration chunk has a var declaration reading a session variable and
// other declarations, plan cuts it into groups run one after another:
// declarations that use each other stay together, every group comes after
// the groups it uses (the earliest declaration first, as Go initializes
// package variables), and such a var declaration is a group of its own.
// Each group is the chunk's text with the other groups' declarations
// blanked out, so positions stay the cell's.

// declGroups returns the texts of the groups of a declaration chunk (text
// at offset base of file, parsed as f), or nil when the chunk runs whole.
func (e *Engine) declGroups(text string, f *ast.File, file *token.File, base int) []string {
	decls := f.Decls
	if len(decls) < 2 {
		return nil
	}
	// What each declaration declares; methods belong to their type.
	owner := map[string]int{}
	for i, d := range decls {
		for _, id := range topLevelNames(d) {
			owner[id.Name] = i
		}
	}
	// A method of a type of an earlier cell declares that type again
	// (types.go): what uses the type comes after it.
	for i, d := range decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if t := recvBase(fd.Recv.List[0].Type); t != "" {
				if _, ok := owner[t]; !ok {
					owner[t] = i
				}
			}
		}
	}
	n := len(decls)
	uses := make([][]bool, n)
	for i := range uses {
		uses[i] = make([]bool, n)
	}
	readsSession := make([]bool, n)
	vars := make([]bool, n)
	others := false
	for i, d := range decls {
		g, isVar := d.(*ast.GenDecl)
		isVar = isVar && g.Tok == token.VAR
		vars[i] = isVar
		if !isVar {
			others = true
		}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if t, ok := owner[recvBase(fd.Recv.List[0].Type)]; ok {
				uses[i][t], uses[t][i] = true, true
			}
		}
		var visit func(m ast.Node) bool
		visit = func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(m.X, visit) // not the field or method name
				return false
			case *ast.Ident:
				if j, mine := owner[m.Name]; mine {
					uses[i][j] = uses[i][j] || j != i
				} else if isVar && e.sessionVar(m.Name) {
					readsSession[i] = true
				}
			}
			return true
		}
		ast.Inspect(d, visit)
	}
	hasReader := false
	for _, r := range readsSession {
		hasReader = hasReader || r
	}
	if !hasReader || !others {
		return nil
	}
	comps := components(uses)
	// A group is a reading var declaration alone, or a run of other
	// components. A var declaration reading a variable of another group
	// reads a session variable too when it runs.
	var groups [][]int
	for {
		groups = groupComponents(comps, readsSession)
		group := make([]int, n)
		for gi, g := range groups {
			for _, i := range g {
				group[i] = gi
			}
		}
		changed := false
		for i := range decls {
			for j := range decls {
				if vars[i] && !readsSession[i] && uses[i][j] && vars[j] && group[i] != group[j] {
					readsSession[i], changed = true, true
				}
			}
		}
		if !changed {
			break
		}
	}
	if len(groups) < 2 {
		return nil
	}
	texts := make([]string, len(groups))
	for gi, g := range groups {
		in := map[int]bool{}
		for _, i := range g {
			in[i] = true
		}
		b := []byte(text)
		for i, d := range decls {
			if in[i] {
				continue
			}
			from, to := file.Offset(d.Pos())-base, file.Offset(d.End())-base
			if from < 0 || to > len(b) || from > to {
				return nil
			}
			for k := from; k < to; k++ {
				if b[k] != '\n' {
					b[k] = ' '
				}
			}
		}
		texts[gi] = string(b)
	}
	return texts
}

// groupComponents makes groups of the ordered components: a reading var
// declaration alone, runs of other components together.
func groupComponents(comps [][]int, reads []bool) [][]int {
	var groups [][]int
	alone := func(c []int) bool { return len(c) == 1 && reads[c[0]] }
	for i, c := range comps {
		if i > 0 && !alone(c) && !alone(comps[i-1]) {
			groups[len(groups)-1] = append(groups[len(groups)-1], c...)
			continue
		}
		groups = append(groups, append([]int(nil), c...))
	}
	return groups
}

// sessionVar reports whether name is a variable of the session or one an
// earlier part of the cell defines.
func (e *Engine) sessionVar(name string) bool {
	if k, ok := e.names[name]; ok && k == nameVar {
		return true
	}
	return e.cellDefines[name]
}

// components returns the strongly connected components of the graph uses
// (uses[i][j]: i uses j), each sorted, in an order where a component comes
// after those it uses and, among the ready ones, the one with the earliest
// member first.
func components(uses [][]bool) [][]int {
	n := len(uses)
	index, low := make([]int, n), make([]int, n)
	for i := range index {
		index[i] = -1
	}
	onStack := make([]bool, n)
	var stack []int
	var comps [][]int
	comp := make([]int, n)
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for w := 0; w < n; w++ {
			if !uses[v][w] {
				continue
			}
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var c []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = len(comps)
				c = append(c, w)
				if w == v {
					break
				}
			}
			sort.Ints(c)
			comps = append(comps, c)
		}
	}
	for v := 0; v < n; v++ {
		if index[v] < 0 {
			visit(v)
		}
	}
	// Kahn's algorithm over the components, earliest member first.
	waits := make([]int, len(comps))
	users := make([][]int, len(comps))
	for v := 0; v < n; v++ {
		for w := 0; w < n; w++ {
			if uses[v][w] && comp[v] != comp[w] {
				waits[comp[v]]++
				users[comp[w]] = append(users[comp[w]], comp[v])
			}
		}
	}
	var order [][]int
	done := make([]bool, len(comps))
	for len(order) < len(comps) {
		best := -1
		for c := range comps {
			if !done[c] && waits[c] == 0 && (best < 0 || comps[c][0] < comps[best][0]) {
				best = c
			}
		}
		done[best] = true
		order = append(order, comps[best])
		for _, u := range users[best] {
			waits[u]--
		}
	}
	return order
}
