package kernel

import (
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// yaegi keeps the temporaries of top-level statements in slots of the
// session's global frame for good. The conversions of the pass fmtargs
// leave valueInterface pairs there, and a pair holds the syntax node of
// its expression, which holds the cell's whole syntax tree (~25 KiB for
// `fmt.Println("")`). After each cell the engine empties the slots the
// cell added that hold such pairs or the values Fmt made from them; the
// session's variables never hold them.

// dropFmtTemporaries empties the new global-frame slots holding the
// conversions and results of rewritten fmt calls.
func (e *Engine) dropFmtTemporaries(in *interp.Interpreter) {
	frame := reflect.ValueOf(in).Elem().FieldByName("frame")
	if !frame.IsValid() || frame.Kind() != reflect.Pointer || frame.IsNil() {
		return
	}
	data := frame.Elem().FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Slice {
		return
	}
	data = readUnexported(data)
	from := e.types.scanned
	if from > data.Len() {
		from = 0
	}
	for i := from; i < data.Len(); i++ {
		slot, ok := data.Index(i).Interface().(reflect.Value)
		if ok && slot.IsValid() && slot.CanSet() && e.fmtTemporary(slot) {
			slot.Set(reflect.Zero(slot.Type()))
		}
	}
	e.types.scanned = data.Len()
}

// fmtTemporary reports whether v is a conversion to anyName, a slice of
// them, or what Fmt returned.
func (e *Engine) fmtTemporary(v reflect.Value) bool {
	switch {
	case v.Kind() == reflect.Interface && !v.IsNil():
		_, ok := v.Elem().Interface().(cellArg)
		return ok
	case isValueInterface(v.Type()):
		return isAnyConversion(v)
	case v.Kind() == reflect.Slice && isValueInterface(v.Type().Elem()):
		for i := 0; i < v.Len(); i++ {
			if isAnyConversion(v.Index(i)) {
				return true
			}
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Interface && v.Len() > 0:
		x := v.Index(0)
		if !x.IsNil() {
			_, ok := x.Elem().Interface().(cellArg)
			return ok
		}
	}
	return false
}

// isAnyConversion reports whether the valueInterface v was made by a
// conversion to anyName.
func isAnyConversion(v reflect.Value) bool {
	node := v.Field(0)
	if node.IsNil() {
		return false
	}
	typ := node.Elem().FieldByName("typ")
	return !typ.IsNil() && typ.Elem().FieldByName("name").String() == anyName
}
