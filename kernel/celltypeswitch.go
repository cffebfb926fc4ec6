package kernel

import (
	"reflect"
	"strconv"
)

// The cases of a type switch the rewrite pass typeswitch turns into an
// expression switch because a case names a cell type, and the comma-ok
// assertions of the pass typeassert (__rt.CaseIs).
//
// yaegi v0.16.1 holds a value of a cell type with methods in an any as its
// (node, value) pair, and a value of a type without methods as the bare
// value. Its type switch with a bound variable (switch x := v.(type))
// matches a case by the reflect type's name alone, so a pair never matches
// (a Square with methods falls to default), and its assertions compare
// run-time types, so a Temp asserts as a float64 and a Feet as a Meters.
// CaseIs decides a pair by the cell type of its node, exactly, and a bare
// value by its run-time type, as yaegi does: a cell type without methods
// keeps no other identity in an any, and a value of a type with methods
// comes back bare from compiled code (recover, a compiled container), so a
// bare float64 still matches a case Temp placed before case float64 (see
// limitations.txt, type_switch_methodless).

// caseIs reports whether the value v (a []anyName of one element, the
// switch's value) has the type of want (the same, holding a zero value of
// the case's type converted to anyName, so with its node).
func (e *Engine) caseIs(v, want interface{}) bool {
	vv, ww := oneArg(v), oneArg(want)
	wantZero, wantType := e.cellValue(ww)
	if wantType == nil || !wantZero.IsValid() {
		return false
	}
	val, valType := e.cellValue(vv)
	if !val.IsValid() {
		return false // nil: only `case nil` matches, which the pass writes itself
	}
	if valType != nil {
		return typeKey(valType) == typeKey(wantType)
	}
	return val.Type() == wantZero.Type()
}

// held returns the value v (a []anyName of one element) holds, taken out
// of yaegi's pair or wrapper, for the type assertion that binds a case's
// variable after caseIs matched it: yaegi's own assertion fails on a
// wrapper (a cell error from errors.Unwrap, a fmt.Stringer).
func (e *Engine) held(v interface{}) interface{} {
	val, _ := e.cellValue(oneArg(v))
	if !val.IsValid() || !val.CanInterface() {
		return v
	}
	return val.Interface()
}

// equal is __rt.Equal, the comparison v == w of the pass anyequal (each a
// []anyName of one element): equal when both are nil, or when their types
// are the same (a pair's by its node, exactly, as caseIs decides) and their
// values equal.
func (e *Engine) equal(v, w interface{}) bool {
	a, at := e.cellValue(oneArg(v))
	b, bt := e.cellValue(oneArg(w))
	if !a.IsValid() || !b.IsValid() {
		return !a.IsValid() && !b.IsValid()
	}
	if at != nil && bt != nil {
		if typeKey(at) != typeKey(bt) {
			return false
		}
	} else if a.Type() != b.Type() {
		return false
	}
	if !a.CanInterface() || !b.CanInterface() {
		return false
	}
	return a.Interface() == b.Interface()
}

// oneArg returns the element of a one-element slice handed over by
// interpreted code ([]__nnany{__nnany(x)}), or v itself.
func oneArg(v interface{}) reflect.Value {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.Len() == 1 {
		return rv.Index(0)
	}
	return rv
}

// typeKey names a cell type so that two types are identical exactly when
// their keys are: a defined type by its interpreter's name (each version
// of a cell type its own), others by their structure.
func typeKey(t *cellType) string {
	if t == nil {
		return "<nil>"
	}
	if t.internal != "" {
		return t.internal
	}
	if t.name != "" {
		return t.name
	}
	switch t.kind {
	case kindPointer:
		return "*" + typeKey(t.elem)
	case kindSlice:
		return "[]" + typeKey(t.elem)
	case kindArray:
		return "[" + strconv.Itoa(t.length) + "]" + typeKey(t.elem)
	case kindMap:
		return "map[" + typeKey(t.key) + "]" + typeKey(t.elem)
	case kindChan:
		return "chan(" + strconv.Itoa(int(t.dir)) + ")" + typeKey(t.elem)
	case kindStruct:
		s := "struct{"
		for _, f := range t.fields {
			s += f.name + " " + typeKey(f.typ) + ";"
			if f.embed {
				s += "embed;"
			}
		}
		return s + "}"
	case kindFunc:
		s := "func("
		for _, a := range t.in {
			s += typeKey(a) + ","
		}
		s += ")("
		for _, r := range t.out {
			s += typeKey(r) + ","
		}
		if t.variadic {
			s += "..."
		}
		return s + ")"
	}
	return t.String()
}
