package kernel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"io/fs"
	"math/big"
	"reflect"
	"strings"
	"sync"

	"github.com/nnbook/nnbook/kernel/rewrite"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
)

// The rewrite stage: every pass of kernel/rewrite, in the order of its
// table, rewrites a unit's source before yaegi sees it. Type versions
// (types.go) and turning definitions into assignments (redefine.go) depend
// on the session's history and come on top where they apply; all edits of a
// unit are checked for overlap.

// session is what the rewrite passes ask about the engine's session.
type session struct{ e *Engine }

// Declared reports whether a cell defined name.
func (s session) Declared(name string) bool { return s.e.declared(name) }

// Builtin reports whether the cell's calls of the builtin name are rewritten.
func (s session) Builtin(name string) bool { return s.e.builtinRewritten(name) }

// MethodDecl returns a cell's declaration of method of type typ, or "".
func (s session) MethodDecl(typ, method string) string { return s.e.methodSrc[typ][method] }

// Integer reports whether name is a session variable or constant holding an
// integer.
func (s session) Integer(name string) bool {
	e := s.e
	if k, ok := e.names[name]; !ok || (k != nameVar && k != nameConst) || e.in == nil {
		return false
	}
	v, err := e.eval(name)
	if err != nil || !v.IsValid() {
		return false
	}
	return isIntegerKind(v.Kind())
}

func isIntegerKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// IntegerType reports whether name is a cell type whose underlying type is
// an integer.
func (s session) IntegerType(name string) bool {
	e := s.e
	if e.names[name] != nameType || e.in == nil {
		return false
	}
	v, err := e.eval(name + "(0)")
	return err == nil && v.IsValid() && isIntegerKind(v.Kind())
}

// TypeDecl returns the declaration of a type a cell declared, as written
// after the keyword type.
func (s session) TypeDecl(name string) string {
	if s.e.names[name] != nameType {
		return ""
	}
	return s.e.typeSrc[name]
}

// VarTypeName names the cell type of a session variable, when its
// definition showed it.
func (s session) VarTypeName(name string) string { return s.e.varType[name] }

// Constant returns the value of an untyped float constant of a compiled
// package the session imports as pkg, as a literal with 100 digits.
func (s session) Constant(pkg, name string) (string, bool) {
	p, ok := s.e.imports[pkg]
	if !ok {
		return "", false
	}
	v, ok := packageSymbols(p)[name]
	if !ok || !v.IsValid() || !v.CanInterface() {
		return "", false
	}
	c, ok := v.Interface().(constant.Value)
	if !ok || c.Kind() != constant.Float {
		return "", false
	}
	var f *big.Float
	switch x := constant.Val(c).(type) {
	case *big.Rat:
		f = new(big.Float).SetPrec(512).SetRat(x)
	case *big.Float:
		f = x
	case float64:
		f = big.NewFloat(x)
	default:
		return "", false
	}
	return f.Text('e', 100), true
}

// Func returns the declaration, without body, of a func a cell declared
// (or the cell being planned declares).
func (s session) Func(name string) *ast.FuncDecl {
	if k, ok := s.e.names[name]; ok && k != nameFunc {
		return nil
	}
	sig, ok := s.e.cellFuncs[name]
	if !ok {
		sig, ok = s.e.funcs[name]
	}
	if !ok {
		return nil
	}
	sig, _, _ = strings.Cut(sig, "\n\n")
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+sig, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	fd, _ := f.Decls[0].(*ast.FuncDecl)
	return fd
}

// CellVarType reports whether the cell being planned defines name before
// the unit, and the type its source gives it.
func (s session) CellVarType(name string) (string, bool) {
	if t, ok := s.e.cellVars[name]; ok {
		return t, true
	}
	return "", s.e.cellDefines[name]
}

// PackageFunc returns the declaration of a function of an interpreted
// standard package (kernel/stdgeneric) the session imports as pkg.
func (s session) PackageFunc(pkg, name string) *ast.FuncDecl {
	p, ok := s.e.imports[pkg]
	if !ok {
		p, ok = s.e.cellImports[pkg] // imported by the cell, not run yet
	}
	if !ok || !stdgeneric.IsSource(p) {
		return nil
	}
	return sourceFuncs(p)[name]
}

var (
	sourceFuncsMu sync.Mutex
	sourceFuncsOf = map[string]map[string]*ast.FuncDecl{}
)

// sourceFuncs returns the top-level functions of the interpreted standard
// package p by name, read from its source once.
func sourceFuncs(p string) map[string]*ast.FuncDecl {
	sourceFuncsMu.Lock()
	defer sourceFuncsMu.Unlock()
	if m, ok := sourceFuncsOf[p]; ok {
		return m
	}
	m := map[string]*ast.FuncDecl{}
	src := stdgeneric.Source()
	files, _ := fs.Glob(src, "src/"+p+"/*.go")
	for _, name := range files {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, b, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.IsExported() {
				m[fd.Name.Name] = fd
			}
		}
	}
	sourceFuncsOf[p] = m
	return m
}

// VarType returns the type of a session variable (not one of a compiled
// cell, which units read through an accessor, nor one the cell may
// define again, with another type, before the unit runs).
func (s session) VarType(name string) reflect.Type {
	e := s.e
	if k, ok := e.names[name]; !ok || k != nameVar || e.in == nil || !e.declared(name) || e.cellDefines[name] {
		return nil
	}
	if e.comp != nil {
		if _, ok := e.comp.names[name]; ok {
			return nil
		}
	}
	v, err := e.eval(name)
	if err != nil || !v.IsValid() {
		return nil
	}
	return v.Type()
}

// sourceEdits returns the edits of every rewrite pass for a unit's source
// (text is the unit's text, at offset base of file).
func (e *Engine) sourceEdits(text string, f *ast.File, file *token.File, base int) ([]rewrite.Edit, error) {
	edits, err := rewrite.Edits(session{e}, &rewrite.Unit{Text: text, File: f, Tok: file, Base: base})
	e.recordColEdits(text, file, base, edits)
	edits = append(edits, e.compiledVarEdits(f, file, base)...)
	return append(edits, e.displayEdits(f, file, base)...), err
}

// applyEdits applies the edits to a unit's text after checking that no two
// overlap; an overlap is the engine's fault and is reported as such.
func applyEdits(text string, edits []rewrite.Edit) (string, error) {
	if err := rewrite.Check(edits); err != nil {
		return text, fmt.Errorf("internal error: nnbook cannot rewrite this code (%v); please report it", err)
	}
	return rewrite.Apply(text, edits), nil
}

// applyMoves is applyEdits that then moves variable declarations into Go's
// initialization order (rewrite.InitOrder).
func applyMoves(text string, edits []rewrite.Edit, moves []rewrite.Move) (string, error) {
	out, err := rewrite.ApplyMoves(text, edits, moves)
	if err != nil {
		return text, fmt.Errorf("internal error: nnbook cannot rewrite this code (%v); please report it", err)
	}
	return out, nil
}

// HasMethod reports whether a cell (or the cell being planned) declared a
// method called name.
func (s session) HasMethod(name string) bool {
	for _, ms := range s.e.methods {
		for _, m := range ms {
			if m == name {
				return true
			}
		}
	}
	for tm := range s.e.cellFuncs {
		if _, m, ok := strings.Cut(tm, "."); ok && m == name {
			return true
		}
	}
	return false
}
