package kernel

import (
	"context"
	"errors"
	"fmt"
	"github.com/nnbook/nnbook/kernel/rewrite"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// Top-level definitions yaegi cannot type (yaegi#1437).
//
// yaegi types every top-level definition (`a := x`, `var a = x`) in its
// global analysis before anything runs, and that analysis cannot type an
// index of a compiled slice, map or array, or of a string:
// `a := h.Epochs[0].Epoch` fails with "constant definition loop" or a nil
// pointer dereference inside yaegi. Inside a function the same statement
// compiles. So when a unit fails in the global analysis (nothing ran), its
// statements run one at a time; a definition that fails again runs inside a
// function literal that hands pointers to its variables to the engine
// (__rt.Keep), and the session's variables are then defined from compiled
// functions returning those values (`a := __rt.Def0()`), which yaegi types
// from their signatures. Such a variable has the value's run-time type (for
// these definitions a compiled type, or byte).

// gtaFailure reports whether err comes from yaegi's global analysis, before
// any code of the unit ran.
func gtaFailure(err error) bool {
	var p interp.Panic
	if errors.As(err, &p) {
		st := string(p.Stack)
		return strings.Contains(st, ").gta(") && !strings.Contains(st, "interp.runCfg")
	}
	// "variable definition loop" is yaegi's answer to a package-level var
	// whose initializer reads a variable an earlier evaluation defined
	// (`var q = p` after `p := 3`).
	msg := err.Error()
	return strings.Contains(msg, "constant definition loop") || strings.Contains(msg, "variable definition loop")
}

// runSplit runs a unit that failed in the global analysis (or holds a block
// yaegi cannot compile at top level, see blockDefinesX) piece by piece.
// ok is false when the unit cannot be split (declarations other than var).
func (e *Engine) runSplit(ctx context.Context, code string, u *unit) (ce *CellError, ok bool) {
	line, col := lineCol(code, u.off)
	if u.file == nil {
		return nil, false
	}
	e.cellDefines = nil // what ran before each piece is in the session
	switch u.kind {
	case chunkStmt:
		base := len(stmtHeader) + len(pad(line, col))
		for i, n := range u.ast {
			if i > 0 {
				e.quiesce(100 * time.Millisecond) // as between units
			}
			off := u.off + u.file.Offset(n.Pos()) - base
			end := u.off + u.file.Offset(n.End()) - base
			sub, cerr := e.stmtUnit(code, off, end)
			if cerr != nil {
				return cerr, true
			}
			var names []string
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						names = append(names, id.Name)
					}
				}
			}
			if ce := e.runPiece(ctx, code, &sub, names, false); ce != nil {
				return ce, true
			}
			e.record(sub)
		}
		return nil, true
	case chunkDecl:
		for _, n := range u.ast {
			if g, ok := n.(*ast.GenDecl); !ok || g.Tok != token.VAR {
				return nil, false
			}
		}
		base := len(declHeader) + len(pad(line, col))
		for _, n := range u.ast {
			for _, sp := range n.(*ast.GenDecl).Specs {
				vs := sp.(*ast.ValueSpec)
				off := u.off + u.file.Offset(vs.Pos()) - base
				end := u.off + u.file.Offset(vs.End()) - base
				sub, ok := e.specUnit(code, off, end)
				if !ok {
					return nil, false
				}
				var names []string
				for _, id := range vs.Names {
					if id.Name != "_" {
						names = append(names, id.Name)
					}
				}
				if ce := e.runPiece(ctx, code, &sub, names, true); ce != nil {
					return ce, true
				}
				e.record(sub)
			}
		}
		return nil, true
	}
	return nil, false
}

// specUnit builds a unit declaring one var spec code[off:end] ("a, b = x, y"),
// with the engine's rewrites applied.
func (e *Engine) specUnit(code string, off, end int) (unit, bool) {
	text := code[off:end]
	line, col := lineCol(code, off)
	src := stmtHeader + "var" + pad(line, col) + text + "\n}"
	f, file, cerr := parseChunk(code, src, len(stmtHeader))
	if cerr != nil {
		return unit{}, false
	}
	base := len(stmtHeader) + len("var") + len(pad(line, col))
	var edits []rewrite.Edit
	var err error
	cols := e.unitCols(func() { edits, err = e.sourceEdits(text, f, file, base) })
	if err != nil {
		return unit{}, false
	}
	if text, err = applyEdits(text, edits); err != nil {
		return unit{}, false
	}
	u := unit{kind: chunkDecl, off: off, end: end, text: text, line: line, col: col, file: file, base: base, cols: cols}
	if body := f.Decls[0].(*ast.FuncDecl).Body.List; len(body) == 1 {
		if ds, ok := body[0].(*ast.DeclStmt); ok {
			u.ast = []ast.Node{ds.Decl}
		}
	}
	if u.ast == nil {
		return unit{}, false
	}
	u.src = strings.Repeat("\n", line-1) + "var\n" + strings.Repeat(" ", col-1) + text
	return u, true
}

// runPiece runs one statement (or var spec) unit; when it fails in the
// global analysis (a definition, or the init statement of a for, if or
// switch, which yaegi also analyses as a top-level definition), or when
// yaegi is known to fail on it at top level (needsLiteral), it runs in a
// function literal and the names it defines are defined from the values it
// kept.
func (e *Engine) runPiece(ctx context.Context, code string, u *unit, names []string, isVar bool) *CellError {
	if !e.needsLiteral(u.ast) {
		err := e.evalUnit(ctx, u, u.src)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil || !gtaFailure(err) {
			return e.unitError(ctx, code, u, err)
		}
		if isVar {
			if ran, ce := e.varAsDefine(ctx, code, u, err); ran {
				return ce
			}
		}
	}
	text, keyword := u.text, ""
	if isVar {
		keyword = " var"
		if s, typed, ok := e.genericVarSpec(u); ok {
			text = s // see varSpecEdits
			if !typed {
				keyword = ""
			}
		}
	}
	var b strings.Builder
	b.WriteString(";" + strings.Repeat("\n", u.line-1) + "func() {" + keyword)
	b.WriteString("\n" + strings.Repeat(" ", u.col-1) + text + "\n")
	if len(names) > 0 {
		ptrs := make([]string, len(names))
		for i, n := range names {
			ptrs[i] = "&" + n
		}
		fmt.Fprintf(&b, "%s.Keep(%s)\n", rtName, strings.Join(ptrs, ", "))
	}
	b.WriteString("}()" + stmtTail)
	e.valMu.Lock()
	e.kept = nil
	e.valMu.Unlock()
	u.wrapped = true
	if _, err := e.evalCtx(ctx, b.String()); err != nil {
		return e.unitError(ctx, code, u, err)
	}
	if len(names) == 0 {
		return nil
	}
	e.valMu.Lock()
	kept := e.kept
	e.kept = nil
	e.valMu.Unlock()
	if len(kept) != len(names) {
		return compileErr(code, u.line, u.col, fmt.Sprintf("internal error: defining %s: kept %d values", strings.Join(names, ", "), len(kept)))
	}
	syms := map[string]reflect.Value{}
	calls := make([]string, len(kept))
	for i, v := range kept {
		name := fmt.Sprintf("Def%d", i)
		syms[name] = constFunc(v)
		calls[i] = rtName + "." + name + "()"
	}
	if err := e.in.Use(interp.Exports{rtPath + "/" + rtPath: syms}); err != nil {
		return compileErr(code, u.line, u.col, "internal error: "+err.Error())
	}
	src := ";" + strings.Join(names, ", ") + " := " + strings.Join(calls, ", ") + stmtTail
	if _, err := e.evalCtx(ctx, src); err != nil {
		return e.unitError(ctx, code, u, err)
	}
	return nil
}

// genericVarSpec returns a var spec unit's text rewritten as yaegi runs
// it right when its value comes from min or max (varSpecEdits); typed says
// whether the spec has a type, so that the text still follows "var".
func (e *Engine) genericVarSpec(u *unit) (text string, typed, ok bool) {
	if len(u.ast) != 1 {
		return "", false, false
	}
	g, isGen := u.ast[0].(*ast.GenDecl)
	if !isGen || len(g.Specs) != 1 {
		return "", false, false
	}
	vs, isVS := g.Specs[0].(*ast.ValueSpec)
	if !isVS || len(vs.Values) == 0 || !e.callsGeneric(vs) {
		return "", false, false
	}
	edits, good := rewrite.VarSpecEdits(u.text, vs, u.file, u.base, len(strings.TrimRight(u.text, " \t\n;")))
	if !good {
		return "", false, false
	}
	return rewrite.Apply(u.text, edits), vs.Type != nil, true
}

// Blocks at top level that define several variables from one value.
//
// yaegi types `a, b := f()` (and `v, ok := m[k]`, `x, ok := i.(T)`,
// `v, ok := <-c`, `var a, b = f()`) in its global analysis when the statement
// is at top level, and in its compiler otherwise, but the compiler skips
// the statement whenever it is in the package scope, also inside a block:
// `for … { loss, err := net.Train(x, y) }` in a cell fails with "undefined:
// loss". A statement holding such a definition (outside function literals)
// therefore runs inside a function literal, where yaegi compiles it.

// needsLiteral reports whether a unit's statements or declarations hold a
// definition yaegi cannot compile at top level: one in a block
// (blockDefinesX), a comma-ok read (commaOKDefine) or a definition from
// min or max (callsGeneric).
func (e *Engine) needsLiteral(nodes []ast.Node) bool {
	return blockDefinesX(nodes) || commaOKDefine(nodes) || e.definesFromGeneric(nodes)
}

// definesFromGeneric reports whether a top-level definition among nodes
// takes its value from min or max.
func (e *Engine) definesFromGeneric(nodes []ast.Node) bool {
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && e.callsGeneric(n) {
				return true
			}
		case *ast.DeclStmt:
			if e.callsGeneric(n) {
				return true
			}
		case *ast.GenDecl:
			if n.Tok == token.VAR && e.callsGeneric(n) {
				return true
			}
		}
	}
	return false
}

// commaOKDefine reports whether one of the statements or declarations
// defines two variables from a map index, type assertion or receive:
// `v, ok := m[k]`, `var x, ok = i.(T)`. yaegi's global analysis cannot type
// those (it logs "nil type" and fails), but compiles them in a function.
func commaOKDefine(nodes []ast.Node) bool {
	commaOK := func(x ast.Expr) bool {
		switch x := x.(type) {
		case *ast.IndexExpr, *ast.TypeAssertExpr:
			return true
		case *ast.UnaryExpr:
			return x.Op == token.ARROW
		}
		return false
	}
	specs := func(g *ast.GenDecl) bool {
		for _, sp := range g.Specs {
			if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Names) == 2 && len(vs.Values) == 1 && commaOK(vs.Values[0]) {
				return true
			}
		}
		return false
	}
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 2 && len(n.Rhs) == 1 && commaOK(n.Rhs[0]) {
				return true
			}
		case *ast.DeclStmt:
			if g, ok := n.Decl.(*ast.GenDecl); ok && specs(g) {
				return true
			}
		case *ast.GenDecl:
			if specs(n) {
				return true
			}
		}
	}
	return false
}

// blockDefinesX reports whether one of the statements nests such a
// definition in a block.
func blockDefinesX(stmts []ast.Node) bool {
	for _, st := range stmts {
		if _, ok := st.(ast.Stmt); !ok {
			continue
		}
		found := false
		top := st
		ast.Inspect(st, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // compiled as a function already
			case *ast.AssignStmt:
				if n != top && n.Tok == token.DEFINE && len(n.Lhs) > 1 && len(n.Rhs) == 1 {
					found = true
				}
			case *ast.DeclStmt:
				if g, ok := n.Decl.(*ast.GenDecl); ok && n != top {
					for _, sp := range g.Specs {
						if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Names) > 1 && len(vs.Values) == 1 {
							found = true
						}
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// constFunc returns a compiled func() T returning v, T being v's type.
func constFunc(v reflect.Value) reflect.Value {
	t := v.Type()
	return reflect.MakeFunc(reflect.FuncOf(nil, []reflect.Type{t}, false), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{v}
	})
}

// compilePanic reports whether err is a panic inside yaegi's compiler (not
// while the cell's code ran).
func compilePanic(err error) bool {
	var p interp.Panic
	return errors.As(err, &p) && !strings.Contains(string(p.Stack), "interp.runCfg")
}

// varAsDefine runs a var spec that yaegi's global analysis rejected with
// "variable definition loop" (its value reads a variable of an earlier
// evaluation, as in `var q = p`) as the statement `q := p`, or `var q T`
// then `q = p` when it has a type, which yaegi compiles: unlike the
// function literal of runPiece, the variable keeps its cell type (and its
// methods). ran is false when nothing ran and runPiece goes on.
func (e *Engine) varAsDefine(ctx context.Context, code string, u *unit, err error) (ran bool, ce *CellError) {
	if !strings.Contains(err.Error(), "variable definition loop") || len(u.ast) != 1 {
		return false, nil
	}
	g, ok := u.ast[0].(*ast.GenDecl)
	if !ok || len(g.Specs) != 1 {
		return false, nil
	}
	vs, ok := g.Specs[0].(*ast.ValueSpec)
	if !ok || len(vs.Values) == 0 {
		return false, nil
	}
	assign := assignOffset(u.text)
	if assign < 0 {
		return false, nil
	}
	names := make([]string, len(vs.Names))
	blank := true
	for i, id := range vs.Names {
		names[i] = id.Name
		blank = blank && id.Name == "_"
	}
	// The values keep their line and column; the names go on the line
	// before (the source's line l is the cell's line l-1, see specUnit).
	valOff := assign + 1
	for valOff < len(u.text) && (u.text[valOff] == ' ' || u.text[valOff] == '\t') {
		valOff++
	}
	vline, vcol := u.line, u.col
	for _, r := range u.text[:valOff] {
		if r == '\n' {
			vline, vcol = vline+1, 1
		} else {
			vcol++
		}
	}
	op := " :="
	if vs.Type != nil {
		typ := strings.TrimSpace(u.text[len(strings.Join(names, ", ")):assign])
		if !strings.HasPrefix(u.text, strings.Join(names, ", ")) || typ == "" {
			return false, nil
		}
		decl := strings.Repeat("\n", u.line-1) + "var\n" + strings.Repeat(" ", u.col-1) + strings.Join(names, ", ") + " " + typ
		if _, derr := e.evalCtx(ctx, decl); derr != nil {
			return false, nil
		}
		op = " ="
	} else if blank {
		op = " ="
	}
	src := ";" + strings.Repeat("\n", vline-1) + strings.Join(names, ", ") + op + "\n" + strings.Repeat(" ", vcol-1) + u.text[valOff:] + stmtTail
	if _, serr := e.evalCtx(ctx, src); serr != nil {
		if nothingRan(serr) && vs.Type == nil {
			return false, nil
		}
		return true, e.unitError(ctx, code, u, serr)
	}
	return true, nil
}

// assignOffset returns the offset of a var spec's "=" in text (outside
// brackets), or -1.
func assignOffset(text string) int {
	toks, err := scanAll(text)
	if err != nil {
		return -1
	}
	depth := 0
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.ASSIGN:
			if depth == 0 {
				return t.off
			}
		}
	}
	return -1
}
