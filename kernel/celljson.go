package kernel

import (
	"encoding/json"
	"io"
	"reflect"

	celljson "github.com/nnbook/nnbook/kernel/internal/json"
)

// json.Marshal, json.MarshalIndent, json.Encoder and reflect.DeepEqual see
// cell values held in interfaces.
//
// yaegi v0.16.1 keeps a value of a cell type with methods held in an any as
// its (node, value) pair, a struct of unexported fields to compiled code:
// json.Marshal([]any{Point{1, 2}}) wrote [{}] and map[string]any{"t":
// Temp(1)} {"t":{}}. The session's Marshal and MarshalIndent first copy the
// value with every such pair replaced by the value it holds (plainJSON), so
// they write what Go writes (a cell type's own MarshalJSON is not seen, in
// an interface or not: yaegi's run-time types have no methods).

// maxJSONDepth bounds the copy (a cyclic value recurses in json anyway).
const maxJSONDepth = 100

// deepEqualSymbols gives reflect.DeepEqual the same copies: two []any or
// map[string]any holding equal cell values compared their pairs, whose
// nodes differ, and were never equal.
func (e *Engine) deepEqualSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"DeepEqual": reflect.ValueOf(func(x, y any) bool {
			return reflect.DeepEqual(e.plainJSON(x), e.plainJSON(y))
		}),
	}
}

func (e *Engine) jsonSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Marshal": reflect.ValueOf(func(v any) ([]byte, error) {
			return json.Marshal(e.plainJSON(v))
		}),
		"MarshalIndent": reflect.ValueOf(func(v any, prefix, indent string) ([]byte, error) {
			return json.MarshalIndent(e.plainJSON(v), prefix, indent)
		}),
		"Encoder": reflect.ValueOf((*celljson.Encoder)(nil)),
		"NewEncoder": reflect.ValueOf(func(w io.Writer) *celljson.Encoder {
			return celljson.NewEncoder(w, e.plainJSON)
		}),
	}
}

// plainJSON returns v with the pairs it holds in interfaces replaced by
// their values (v itself when it holds none).
func (e *Engine) plainJSON(v any) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return v
	}
	if isValueInterface(rv.Type()) {
		held, _ := e.cellValue(rv)
		if !held.IsValid() || !held.CanInterface() {
			return nil
		}
		return e.plainJSON(held.Interface())
	}
	if out, changed := e.plainValue(rv, 0); changed {
		return out.Interface()
	}
	return v
}

// plainValue copies v with the pairs in its interfaces replaced by their
// values; changed reports whether it found one (otherwise v is returned).
func (e *Engine) plainValue(v reflect.Value, depth int) (out reflect.Value, changed bool) {
	if depth > maxJSONDepth || !v.IsValid() {
		return v, false
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		elem := v.Elem()
		if isValueInterface(elem.Type()) {
			held, _ := e.cellValue(elem)
			n := reflect.New(v.Type()).Elem()
			if held.IsValid() && held.Type().AssignableTo(v.Type()) {
				p, _ := e.plainValue(held, depth+1)
				n.Set(p)
			}
			return n, true
		}
		p, ch := e.plainValue(elem, depth+1)
		if !ch || !p.Type().AssignableTo(v.Type()) {
			return v, false
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(p)
		return n, true
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return v, false
		}
		var n reflect.Value
		for i := 0; i < v.Len(); i++ {
			p, ch := e.plainValue(v.Index(i), depth+1)
			if !ch {
				continue
			}
			if !n.IsValid() {
				if v.Kind() == reflect.Slice {
					n = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				} else {
					n = reflect.New(v.Type()).Elem()
				}
				reflect.Copy(n, v)
			}
			n.Index(i).Set(p)
		}
		if !n.IsValid() {
			return v, false
		}
		return n, true
	case reflect.Map:
		if v.IsNil() {
			return v, false
		}
		var n reflect.Value
		it := v.MapRange()
		for it.Next() {
			if _, ch := e.plainValue(it.Value(), depth+1); ch {
				n = reflect.MakeMapWithSize(v.Type(), v.Len())
				break
			}
		}
		if !n.IsValid() {
			return v, false
		}
		it = v.MapRange()
		for it.Next() {
			p, _ := e.plainValue(it.Value(), depth+1)
			n.SetMapIndex(it.Key(), p)
		}
		return n, true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		p, ch := e.plainValue(v.Elem(), depth+1)
		if !ch {
			return v, false
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(p)
		return n, true
	case reflect.Struct:
		var n reflect.Value
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			p, ch := e.plainValue(v.Field(i), depth+1)
			if !ch {
				continue
			}
			if !n.IsValid() {
				n = reflect.New(v.Type()).Elem()
				n.Set(v)
			}
			n.Field(i).Set(p)
		}
		if !n.IsValid() {
			return v, false
		}
		return n, true
	}
	return v, false
}
