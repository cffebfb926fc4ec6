package kernel

import (
	"reflect"
	"strconv"
)

// The cases of a type switch the rewrite pass typeswitch turns into an
// expression switch because a case names a cell type (__rt.CaseIs).
//
// yaegi v0.16.1 holds a value of a cell type with methods in an any as its
// (node, value) pair, and a value of a type without methods as the bare
// value. Its type switch with a bound variable (switch x := v.(type))
// matches a case by the reflect type's name alone: a pair never matches
// (a Sq with methods falls to default), a bare float64 matches `case Temp`
// (Temp's run-time type is float64), a struct matches a case of any cell
// type with the same fields. CaseIs decides such a case as Go does as far
// as the value says: a pair by the cell type of its node, exactly; a bare
// value never as a cell type with methods (whose values would be pairs), and
// otherwise by its run-time type (a cell type without methods keeps no
// other identity in an any: see limitations.txt, fmt_T_interface_basic).

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
	if pairTyped(ww) {
		return false
	}
	return val.Type() == wantZero.Type()
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

// pairTyped reports whether a value of the type of the node held by w, a
// pair, would be held as a pair in an any: yaegi does so for a type with
// methods, or a pointer to one.
func pairTyped(w reflect.Value) bool {
	for w.Kind() == reflect.Interface && !w.IsNil() {
		w = w.Elem()
	}
	if !w.IsValid() || !isValueInterface(w.Type()) {
		return false
	}
	if !w.CanAddr() {
		c := reflect.New(w.Type()).Elem()
		c.Set(w)
		w = c
	}
	node := w.Field(0)
	if !node.IsValid() || node.IsNil() {
		return false
	}
	n := node.Elem()
	typ := n.FieldByName("typ")
	if !typ.IsNil() && typ.Elem().FieldByName("name").String() == anyName {
		// the conversion to anyName: the converted expression's type
		if child := n.FieldByName("child"); child.Len() == 2 && !child.Index(1).IsNil() {
			typ = child.Index(1).Elem().FieldByName("typ")
		}
	}
	for depth := 0; depth < 2 && typ.IsValid() && !typ.IsNil(); depth++ {
		if typ.Elem().FieldByName("method").Len() > 0 {
			return true
		}
		if typ.Elem().FieldByName("cat").Uint() != yPtr {
			break
		}
		typ = typ.Elem().FieldByName("val")
	}
	return false
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
