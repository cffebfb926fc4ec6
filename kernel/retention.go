package kernel

import (
	"reflect"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// yaegi appends the syntax tree of every source it compiles to the
// interpreter's unexported roots list, which only its debugger reads, and
// every block scope it opens to its parent's child list, which nothing reads.
// A notebook session compiles thousands of cells, so the engine empties both
// after each cell: what a cell defined stays reachable through yaegi's scopes
// and frames, and the rest can be collected. Without this a trivial cell kept
// about 10 KiB alive for the life of the session.
//
// The fields are reached by reflection; rootsField and scopeChildren report
// whether this yaegi still has them (a test fails loudly when an upgrade
// renames them).

// rootsField returns the interpreter's roots slice as a settable value, or
// an invalid Value when yaegi no longer has the field.
func rootsField(in *interp.Interpreter) reflect.Value {
	v := reflect.ValueOf(in).Elem()
	f := v.FieldByName("roots")
	if !f.IsValid() || f.Kind() != reflect.Slice {
		return reflect.Value{}
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// scopeChildren returns the child lists of the interpreter's package scopes
// as settable values (none when yaegi no longer has the fields).
func scopeChildren(in *interp.Interpreter) []reflect.Value {
	scopes := reflect.ValueOf(in).Elem().FieldByName("scopes")
	if !scopes.IsValid() || scopes.Kind() != reflect.Map {
		return nil
	}
	var out []reflect.Value
	for it := scopes.MapRange(); it.Next(); {
		sc := it.Value()
		if sc.Kind() != reflect.Pointer || sc.IsNil() {
			continue
		}
		f := sc.Elem().FieldByName("child")
		if !f.IsValid() || f.Kind() != reflect.Slice {
			return nil
		}
		out = append(out, reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem())
	}
	return out
}

// dropRetained forgets the syntax trees yaegi keeps for its debugger and
// the block scopes it lists but never reads.
func dropRetained(in *interp.Interpreter) {
	if f := rootsField(in); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
	for _, f := range scopeChildren(in) {
		f.Set(reflect.Zero(f.Type()))
	}
}
