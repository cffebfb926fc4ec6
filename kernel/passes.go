package kernel

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"

	"github.com/nnbook/nnbook/kernel/rewrite"
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

// VarType returns the cell type of a session variable ("T", "*T"), or "".
func (s session) VarType(name string) string { return s.e.varType[name] }

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
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// sourceEdits returns the edits of every rewrite pass for a unit's source
// (text is the unit's text, at offset base of file).
func (e *Engine) sourceEdits(text string, f *ast.File, file *token.File, base int) ([]rewrite.Edit, error) {
	edits, err := rewrite.Edits(session{e}, &rewrite.Unit{Text: text, File: f, Tok: file, Base: base})
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
