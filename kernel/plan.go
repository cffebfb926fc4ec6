package kernel

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

// The plan stage: a cell's chunks (split.go) become units, each parsed
// (parse.go) and rewritten (passes.go, kernel/rewrite) into the source
// yaegi evaluates. Nothing runs.

// unit is one piece of a cell handed to yaegi.
type unit struct {
	kind    chunkKind
	final   bool // the cell's final expression statement
	off     int  // byte offset of the unit in the cell
	end     int  // byte offset of the unit's end in the cell
	src     string
	runSrc  string // the source the ladder's first evaluation runs (run.go)
	plain   string // final units: the source without the value capture
	probe   string // final units: compiles iff the expression has one value
	text    string // statement units: the statements' text (rewritten)
	line    int    // statement units: the text's position in the cell
	col     int
	wrapped bool        // the unit ran inside a function literal
	literal bool        // final units: the values were defined in a function literal, not as globals
	orig    string      // statement units whose definitions became assignments: the source as written (redefine.go)
	base    int         // offset of the unit's text in the source file parsed
	nres    int         // final units: how many results the expression has
	lastErr bool        // final units: the last result is an error
	typed   bool        // final units: cells declared types, so values are shown through Fmt
	expr    ast.Expr    // final units: the expression
	ast     []ast.Node  // top-level declarations or statements, for names
	file    *token.File // positions of ast
	// commit records what a successful unit changed in the session's types.
	commit func()
	// cols are the unit's one-line edits (colmap.go), nil when unknown.
	cols map[int][]colEdit
	// group is, for a declaration chunk cut into groups (declgroups.go),
	// the chunk's text with only this unit's declarations.
	group string
}

const (
	stmtHeader = "package main; func main() {"
	declHeader = "package main;"
)

// pad returns newlines and spaces that put the next byte at cell position
// (line, col) shifted down one line: yaegi's wrapper owns line 1.
func pad(line, col int) string {
	return strings.Repeat("\n", line) + strings.Repeat(" ", col-1)
}

// plan splits the cell into units, checks their syntax and rewrites go
// statements, the final expression and repeated imports. Nothing runs.
func (e *Engine) plan(code string) ([]unit, *CellError) {
	chunks, serr := splitCell(code)
	if serr != nil {
		l, c := lineCol(code, serr.off)
		return nil, compileErr(code, l, c, serr.msg)
	}
	e.cellBuiltins = cellBuiltins(code)
	e.colEdits = nil
	e.cellImports = map[string]string{}
	e.cellVars = map[string]string{}
	var units []unit
	program := false // the cell starts with package main
	ps := e.newPlanState()
	for i, ch := range chunks {
		text := code[ch.off:ch.end]
		line, col := lineCol(code, ch.off)
		e.cellDefines = cellDefines(code[:ch.off])
		switch ch.kind {
		case chunkPackage:
			// A whole Go file pasted into a cell: as `go run` would, a
			// package main runs its func main after its declarations.
			if i > 0 {
				return nil, compileErr(code, line, col, "a package clause must come first in a cell")
			}
			f, err := parser.ParseFile(token.NewFileSet(), "", text, parser.PackageClauseOnly)
			if err != nil || len(strings.Fields(text)) != 2 {
				return nil, compileErr(code, line, col, "expected package clause `package NAME`, got "+strconv.Quote(text))
			}
			program = f.Name.Name == "main"
		case chunkImport:
			us, cerr := e.planImports(code, ch)
			if cerr != nil {
				return nil, cerr
			}
			units = append(units, us...)
		case chunkDecl:
			src := declHeader + pad(line, col) + text
			f, file, cerr := parseChunk(code, src, len(declHeader))
			if cerr != nil {
				return nil, cerr
			}
			groups := e.declGroups(text, f, file, len(declHeader)+len(pad(line, col))) // declgroups.go
			if groups == nil {
				groups = []string{text}
			}
			for gi, text := range groups {
				if len(groups) > 1 {
					src = declHeader + pad(line, col) + text
					if f, file, cerr = parseChunk(code, src, len(declHeader)); cerr != nil {
						return nil, cerr
					}
				}
				e.noteCellFuncs(f)
				nodes := make([]ast.Node, len(f.Decls))
				for j, d := range f.Decls {
					nodes[j] = d
					if g, ok := d.(*ast.GenDecl); ok {
						for name, t := range rewrite.DefinedTypes(session{e}, &ast.DeclStmt{Decl: g}) {
							e.cellVars[name] = t
						}
					}
				}
				base := len(declHeader) + len(pad(line, col))
				var edits []rewrite.Edit
				var err error
				cols := e.unitCols(func() { edits, err = e.sourceEdits(text, f, file, base) })
				tedits, appendix, commit := ps.versionTypes(text, f, file, base)
				edits = ps.renameInserted(edits)
				if err == nil {
					moves := rewrite.InitOrder(&rewrite.Unit{Text: text, File: f, Tok: file, Base: base})
					text, err = applyMoves(text, append(edits, tedits...), moves)
				}
				if err != nil {
					return nil, compileErr(code, line, col, err.Error())
				}
				text += appendix
				u := unit{kind: chunkDecl, off: ch.off, end: ch.end, src: pad(line, col) + text, ast: nodes, file: file, base: base, commit: commit, cols: cols}
				if len(groups) > 1 {
					u.group = groups[gi]
				}
				units = append(units, u)
			}
		case chunkStmt:
			src := stmtHeader + pad(line, col) + text + "\n}"
			f, file, cerr := parseChunk(code, src, len(stmtHeader))
			if cerr != nil {
				return nil, cerr
			}
			body := f.Decls[0].(*ast.FuncDecl).Body.List
			base := len(stmtHeader) + len(pad(line, col))
			last := i == len(chunks)-1
			var final *ast.ExprStmt
			if last && len(body) > 0 {
				final, _ = body[len(body)-1].(*ast.ExprStmt)
			}
			stmts := body
			end := ch.end
			if final != nil {
				stmts = body[:len(body)-1]
				end = ch.off + file.Offset(final.Pos()) - base
			}
			if len(stmts) > 0 {
				u, cerr := e.stmtUnit(code, ch.off, end)
				if cerr != nil {
					return nil, cerr
				}
				units = append(units, u)
				for _, st := range stmts {
					for name, t := range rewrite.DefinedTypes(session{e}, st) {
						e.cellVars[name] = t
					}
				}
			}
			if final != nil {
				off := ch.off + file.Offset(final.Pos()) - base
				u, cerr := e.finalUnit(code, off, ch.end)
				if cerr != nil {
					return nil, cerr
				}
				units = append(units, u)
			}
		}
	}
	e.program = program
	if program {
		if u, ok := mainCall(code, units); ok {
			units = append(units, u)
		}
	}
	return units, nil
}

// mainCall returns a unit calling the func main the units declare (renamed
// rewrite.MainName), positioned at its declaration; ok is false when they declare
// none.
func mainCall(code string, units []unit) (unit, bool) {
	for _, u := range units {
		if u.kind != chunkDecl || u.file == nil {
			continue
		}
		for _, n := range u.ast {
			fd, ok := n.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != "main" {
				continue
			}
			off := u.off + u.file.Offset(fd.Pos()) - u.base
			line, col := lineCol(code, off)
			text := rewrite.MainName + "()"
			src := ";" + pad(line, col) + text + stmtTail
			return unit{kind: chunkStmt, off: off, end: off, src: src, text: text, line: line, col: col}, true
		}
	}
	return unit{}, false
}

// stmtUnit builds a statement unit for code[off:end] (already parsed once).
func (e *Engine) stmtUnit(code string, off, end int) (unit, *CellError) {
	text := strings.TrimRight(code[off:end], " \t\n;")
	line, col := lineCol(code, off)
	src := stmtHeader + pad(line, col) + text + "\n}"
	f, file, _ := parseChunk(code, src, len(stmtHeader))
	u := unit{kind: chunkStmt, off: off, end: end, file: file}
	if f != nil {
		for _, s := range f.Decls[0].(*ast.FuncDecl).Body.List {
			u.ast = append(u.ast, s)
		}
		base := len(stmtHeader) + len(pad(line, col))
		var edits []rewrite.Edit
		var err error
		u.cols = e.unitCols(func() { edits, err = e.sourceEdits(text, f, file, base) })
		if err != nil {
			return u, compileErr(code, line, col, err.Error())
		}
		if redef := e.redefineEdits(text, f, file, base); len(redef) > 0 {
			orig, _ := applyEdits(text, edits)
			u.orig = ";" + pad(line, col) + orig + stmtTail
			edits = append(edits, redef...)
		}
		if text, err = applyEdits(text, edits); err != nil {
			return u, compileErr(code, line, col, err.Error())
		}
	}
	// A unit must not start with "func" (a function literal called at once):
	// yaegi would parse it as a file declaring func main, and run that main
	// again after every later evaluation.
	u.src = ";" + pad(line, col) + text + stmtTail
	u.text, u.line, u.col = text, line, col
	u.base = len(stmtHeader) + len(pad(line, col))
	return u, nil
}

// stmtTail ends every statement unit with a constant expression: yaegi then
// computes the unit's result without reading the global frame after the code
// ran, which an interrupted evaluation would otherwise do unsynchronised with
// the next cell.
const stmtTail = "\n0"

// finalUnit builds the unit of the cell's final expression statement: it
// stores the value for display, or (when that does not compile) runs as is.
func (e *Engine) finalUnit(code string, off, end int) (unit, *CellError) {
	u, cerr := e.stmtUnit(code, off, end)
	if cerr != nil {
		return u, cerr
	}
	u.final = true
	u.typed = len(e.typeVer) > 0 // see finalSource
	u.plain = u.src
	line, col := lineCol(code, off)
	text := strings.TrimSuffix(u.src[len(";"+pad(line, col)):], stmtTail)
	u.probe = strings.Repeat("\n", line-1) + rtName + ".Probe(\n" + strings.Repeat(" ", col-1) + text + ",\n)"
	if len(u.ast) == 1 {
		if es, ok := u.ast[0].(*ast.ExprStmt); ok {
			u.expr = es.X
		}
	}
	return u, nil
}

// planImports drops imports the session already has and reports clashes.
func (e *Engine) planImports(code string, ch chunk) ([]unit, *CellError) {
	line, col := lineCol(code, ch.off)
	src := declHeader + pad(line, col) + code[ch.off:ch.end]
	f, file, cerr := parseChunk(code, src, len(declHeader))
	if cerr != nil {
		return nil, cerr
	}
	base := len(declHeader) + len(pad(line, col))
	var units []unit
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name, _ := pkgName(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		off := ch.off + file.Offset(spec.Pos()) - base
		end := ch.off + file.Offset(spec.End()) - base
		if name != "_" && name != "." {
			if have, ok := e.imports[name]; ok && (have == p || e.preloadClash(name)) {
				if have == p {
					continue
				}
				l, c := lineCol(code, off)
				return nil, compileErr(code, l, c, fmt.Sprintf("%s is already imported as %q; import %q under another name, e.g. import x%s %q", name, have, p, name, p))
			}
		}
		e.cellImports[name] = p
		l, c := lineCol(code, off)
		if !e.available(e.in, p) {
			return nil, compileErr(code, l, c, fmt.Sprintf("package %q is not available: cells can import the standard library, %s", p, importable()))
		}
		// "import" goes at the end of the line before the spec, which keeps
		// the spec's line and column.
		text := strings.Repeat("\n", l-1) + "import\n" + strings.Repeat(" ", c-1) + code[off:end]
		units = append(units, unit{kind: chunkImport, off: off, end: end, src: text, ast: []ast.Node{spec}})
	}
	return units, nil
}
