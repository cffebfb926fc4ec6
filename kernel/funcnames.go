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
//
// yaegi places a caller's frame at its function's first node too; when the
// caller calls the function of the frame inside it by name in one place,
// the frame is placed at that call, as Go places it. A function literal
// called through a variable, and a function called from several places,
// keep the first line.

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
	e.funcMu.Lock()
	defer e.funcMu.Unlock()
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
// line 3:7") with Go's names for their functions, and a caller's line with
// that of its call of the function inside it, when the caller calls it by
// name in one place only (yaegi gives a caller's first line).
func (e *Engine) goFrameNames(tb []string) {
	var inner *frameFunc // the function of the frame before
	for i, t := range tb {
		if !strings.HasPrefix(t, "    ") || strings.HasSuffix(t, "(compiled)") {
			inner = nil
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
		f := e.frameFunc(line, col, fn)
		if inner != nil && f.name != "main" {
			if l, c, ok := f.callOf(inner.name); ok {
				line, col = l, c
			}
		}
		tb[i] = fmt.Sprintf("    %s at line %d:%d", f.name, line, col)
		inner = &f
	}
}

// cellFrame merges the two outermost frames of a panic's traceback when
// both are the cell's top level ("main"): a top-level statement the loopvar
// pass runs inside a function literal (kernel/rewrite) is a frame of its
// own in yaegi's trace, which Go's would not show. The inner frame, at the
// failing statement, stays. The error is then placed at the outermost frame
// when it is the cell's top level (yaegi names that frame after the
// literal).
func cellFrame(ce *CellError, code string) {
	const top = "    main at line "
	tb := ce.Traceback
	n := len(tb)
	merged := n >= 2 && strings.HasPrefix(tb[n-1], top) && strings.HasPrefix(tb[n-2], top)
	if merged {
		tb = tb[:n-1]
		ce.Traceback = tb
	}
	if n = len(tb); n == 0 || !strings.HasPrefix(tb[n-1], top) || ce.Line > 0 && !merged {
		return
	}
	var line, col int
	if _, err := fmt.Sscanf(strings.TrimPrefix(tb[n-1], top), "%d:%d", &line, &col); err == nil && line > 0 {
		ce.Line, ce.Col = line, runeCol(code, line, col)
	}
}

// goFrameName returns Go's name for the function of a frame that yaegi
// names fn, at cell line:col (in the cell that declared the function).
func (e *Engine) goFrameName(line, col int, fn string) string {
	return e.frameFunc(line, col, fn).name
}

// frameFunc is the function of a frame: Go's name for it, and its body
// with the file of its positions when the engine has its syntax.
type frameFunc struct {
	name string
	body *ast.BlockStmt
	file *token.File
}

// frameFunc returns the function of a frame that yaegi names fn, at cell
// line:col (in the cell that declared the function).
func (e *Engine) frameFunc(line, col int, fn string) frameFunc {
	return e.frameFuncIn(nil, line, col, fn)
}

// frameFuncIn is frameFunc for a frame whose top-level code is in the
// cell of units (nil: the running cell), such as a goroutine's that
// outlived its cell (gopanic.go).
func (e *Engine) frameFuncIn(units []unit, line, col int, fn string) frameFunc {
	e.funcMu.Lock()
	defer e.funcMu.Unlock()
	if units == nil {
		units = e.cellUnits
	}
	root := strings.TrimPrefix(unversion(fn), "main.")
	first, _, _ := strings.Cut(root, ".")
	if fn == "main" || first == "func" {
		// The top level of a cell, or a function literal there.
		n := 0
		for _, u := range units {
			for _, node := range u.ast {
				if _, isFunc := node.(*ast.FuncDecl); isFunc {
					continue
				}
				if name, body, ok := literalName(node, "main", true, &n, filePos(u.file, line, col)); ok {
					return frameFunc{name, body, u.file}
				}
			}
		}
		return frameFunc{name: "main"}
	}
	srcs := e.funcSrc[first]
	for i := len(srcs) - 1; i >= 0; i-- {
		s := srcs[i]
		pos := filePos(s.file, line, col)
		if pos == token.NoPos || pos <= s.decl.Body.Lbrace || pos >= s.decl.Body.Rbrace {
			continue
		}
		n := 0
		name, body, ok := literalName(s.decl.Body, declName(s.decl), true, &n, pos)
		if !ok {
			body = s.decl.Body
		}
		return frameFunc{name, body, s.file}
	}
	return frameFunc{name: unversion(fn)}
}

// callOf returns the cell line and column of f's call of the declared
// function or method named callee (Go's name: main.g, main.(*T).M), when
// f's body calls it by name once, not in a defer or go statement nor in a
// function literal (a frame of its own).
func (f frameFunc) callOf(callee string) (line, col int, ok bool) {
	if f.body == nil || f.file == nil {
		return 0, 0, false
	}
	name := strings.ReplaceAll(strings.TrimPrefix(callee, "main."), "[...]", "")
	method := strings.Contains(name, ".")
	if method {
		name = name[strings.LastIndex(name, ".")+1:]
	}
	if strings.HasPrefix(name, "func") || name == "" {
		return 0, 0, false
	}
	var sites []*ast.CallExpr
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			fun := ast.Unparen(n.Fun)
			if ix, ok := fun.(*ast.IndexExpr); ok { // f[int](…)
				fun = ix.X
			} else if ix, ok := fun.(*ast.IndexListExpr); ok {
				fun = ix.X
			}
			switch fun := fun.(type) {
			case *ast.Ident:
				if !method && fun.Name == name {
					sites = append(sites, n)
				}
			case *ast.SelectorExpr:
				if method && fun.Sel.Name == name {
					sites = append(sites, n)
				}
			}
		}
		return true
	})
	if len(sites) != 1 {
		return 0, 0, false
	}
	p := f.file.Position(sites[0].Pos())
	return p.Line - 1, p.Column, true
}

// literalName returns the name and body of the innermost function literal
// of n whose body holds pos, named after outer (Go's scheme: outer.funcN
// for the literals of a declared function, outer.N for those of a
// literal), or outer itself with ok false when no literal holds it. *count
// is how many literals of outer came before n.
func literalName(n ast.Node, outer string, declared bool, count *int, pos token.Pos) (name string, body *ast.BlockStmt, ok bool) {
	name = outer
	if pos == token.NoPos {
		return name, nil, false
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
			var innerOK bool
			name, body, innerOK = literalName(fl.Body, sub, false, &inner, pos)
			if !innerOK {
				body = fl.Body
			}
			ok = true
		}
		return false // its literals are counted inside it
	})
	return name, body, ok
}

// declName is Go's name of a declared function: main.f, main.T.M,
// main.(*T).M, main.Map[...] for a generic one.
func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		if fd.Type.TypeParams != nil {
			return "main." + unversion(fd.Name.Name) + "[...]"
		}
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
