package kernel

import (
	"go/types"
	"reflect"

	"github.com/nnbook/nnbook/kernel/internal/stdtypes"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
	"github.com/nnbook/nnbook/kernel/symbols"
)

// The packages a cell imports, for go/types: the rewrite passes that need
// types (bounds) type-check a unit with the packages it refers to, made
// from the same symbol tables and interpreted source yaegi runs it with.
// The packages never change in a process, so one importer serves every
// session and makes each package once, when a unit first needs it.
var stdTypes = stdtypes.New(stdtypes.Config{
	Table:    stdtypes.Tables(stdgeneric.Stdlib(), symbols.Symbols),
	Source:   stdgeneric.Source(),
	IsSource: stdgeneric.IsSource,
})

// Package returns the go/types package the unit refers to as name: one
// the session or the cell imports under that name that no cell redefined.
func (s session) Package(name string) *types.Package {
	e := s.e
	if e.declared(name) || e.cellDefines[name] {
		return nil
	}
	p, ok := e.imports[name]
	if !ok {
		p, ok = e.cellImports[name]
	}
	if !ok {
		return nil
	}
	pkg, err := stdTypes.Import(p)
	if err != nil {
		return nil
	}
	return pkg
}

// GoType returns the go/types type of a named type of a compiled package.
func (s session) GoType(t reflect.Type) types.Type {
	if typ, ok := stdTypes.TypeOf(t); ok {
		return typ
	}
	return nil
}
