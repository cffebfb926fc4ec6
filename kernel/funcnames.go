package kernel

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Function names in panic traces, as Go gives them.
//
// yaegi names a frame of its trace after the scope of the first node its
// function ran, so a function starting with a function literal is named
// as that literal (main.f.func for f), a method as its name alone
// (main.Get for T.Get), every function literal main.….func, and func main
// by its rewritten name. Go's compiler names a method main.T.Get or
// main.(*T).Get, and a function literal after the function it is written
// in and its rank there: main.f.func1, main.f.func2 for the literals of f,
// main.f.func2.1 for the first literal inside the second (go build -gcflags=-l;
// go run's inlining may rename inlined literals). A frame's position
// (the first node it ran, or the failing expression) tells which function
// of the source it is in, so the engine keeps the syntax of the functions
// cells declared and of the running cell's top level, and names each frame
// from those. A function literal at a cell's top level is named after the
// cell, which the traces call main: main.func1.

// funcSource is a function a cell declared, with the file of its positions
// (yaegi's lines: the cell's line + 1).
type funcSource struct {
	decl *ast.FuncDecl
	file *token.File
}

// recordFuncSource keeps fd's syntax for the names of trace frames, under
// the name yaegi's trace gives its frames (a method's name alone).
func (e *Engine) recordFuncSource(fd *ast.FuncDecl, file *token.File) {
	if file == nil || fd.Body == nil {
		return
	}
	if e.funcSrc == nil {
		e.funcSrc = map[string][]funcSource{}
	}
	key := unversion(fd.Name.Name)
	srcs := e.funcSrc[key]
	// The latest declaration of a function replaces the older ones; methods
	// of several types share the key.
	kept := srcs[:0]
	for _, s := range srcs {
		if s.decl.Recv != nil && fd.Recv != nil && recvType(s.decl.Recv) != recvType(fd.Recv) {
			kept = append(kept, s)
		}
	}
	e.funcSrc[key] = append(kept, funcSource{fd, file})
}

// goFrameNames rewrites the frames of a panic's traceback ("    main.f at
// line 3:7") with Go's names for their functions.
func (e *Engine) goFrameNames(tb []string) {
	for i, t := range tb {
		if !strings.HasPrefix(t, "    ") || strings.HasSuffix(t, "(compiled)") {
			continue
		}
		fn, at, ok := strings.Cut(strings.TrimPrefix(t, "    "), " at line ")
		var line, col int
		if !ok || strings.Contains(fn, " ") {
			continue
		}
		if _, err := fmt.Sscanf(at, "%d:%d", &line, &col); err != nil {
			continue
		}
		tb[i] = fmt.Sprintf("    %s at line %s", e.goFrameName(line, col, fn), at)
	}
}

// goFrameName returns Go's name for the function of a frame that yaegi
// names fn, at cell line:col (in the cell that declared the function).
func (e *Engine) goFrameName(line, col int, fn string) string {
	root := strings.TrimPrefix(unversion(fn), "main.")
	first, _, _ := strings.Cut(root, ".")
	if fn == "main" || first == "func" {
		// The top level of a cell, or a function literal there.
		n := 0
		for _, u := range e.cellUnits {
			for _, node := range u.ast {
				if _, isFunc := node.(*ast.FuncDecl); isFunc {
					continue
				}
				if name, ok := literalName(node, "main", true, &n, filePos(u.file, line, col)); ok {
					return name
				}
			}
		}
		return "main"
	}
	srcs := e.funcSrc[first]
	for i := len(srcs) - 1; i >= 0; i-- {
		s := srcs[i]
		pos := filePos(s.file, line, col)
		if pos == token.NoPos || pos <= s.decl.Body.Lbrace || pos >= s.decl.Body.Rbrace {
			continue
		}
		n := 0
		name, _ := literalName(s.decl.Body, declName(s.decl), true, &n, pos)
		return name
	}
	return unversion(fn)
}

// literalName returns the name of the innermost function literal of n
// whose body holds pos, named after outer (Go's scheme: outer.funcN for the
// literals of a declared function, outer.N for those of a literal), or
// outer itself with ok false when no literal holds it. *count is how many
// literals of outer came before n.
func literalName(n ast.Node, outer string, declared bool, count *int, pos token.Pos) (name string, ok bool) {
	name = outer
	if pos == token.NoPos {
		return name, false
	}
	ast.Inspect(n, func(m ast.Node) bool {
		fl, isLit := m.(*ast.FuncLit)
		if !isLit || ok {
			return !ok
		}
		*count++
		sub := fmt.Sprintf("%s.%d", outer, *count)
		if declared {
			sub = fmt.Sprintf("%s.func%d", outer, *count)
		}
		if fl.Body.Lbrace < pos && pos < fl.Body.Rbrace {
			inner := 0
			name, _ = literalName(fl.Body, sub, false, &inner, pos)
			ok = true
		}
		return false // its literals are counted inside it
	})
	return name, ok
}

// declName is Go's name of a declared function: main.f, main.T.M,
// main.(*T).M.
func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return "main." + unversion(fd.Name.Name)
	}
	t := fd.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, true
	}
	var typ string
	switch x := t.(type) {
	case *ast.Ident:
		typ = x.Name
	case *ast.IndexExpr:
		typ = exprName(x.X) + "[...]"
	case *ast.IndexListExpr:
		typ = exprName(x.X) + "[...]"
	}
	if star {
		typ = "(*" + typ + ")"
	}
	return "main." + unversion(typ) + "." + fd.Name.Name
}

// exprName is the name of an identifier, or "".
func exprName(x ast.Expr) string {
	if id, ok := x.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// filePos returns the position of cell line:col in file (yaegi's lines: the
// cell's line + 1), or NoPos when the file has no such line.
func filePos(file *token.File, line, col int) token.Pos {
	if file == nil || line+1 < 1 || line+1 > file.LineCount() || col < 1 {
		return token.NoPos
	}
	start := file.LineStart(line + 1)
	off := file.Offset(start) + col - 1
	if off >= file.Size() {
		return token.NoPos
	}
	return file.Pos(off)
}
