package cellerr

import (
	"reflect"
	"strings"
)

// wrapped reports whether v is one of yaegi's interface wrappers (a struct
// whose first field is IValue), as yaegi itself recognises them.
func wrapped(v reflect.Value) bool {
	t := v.Type()
	return t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Name == "IValue"
}

// Value returns the value a cell put in err: for an error yaegi wrapped, the
// cell's own value (of the reflect type yaegi gives its type); for any other
// error, err itself.
func Value(err error) any {
	if err == nil {
		return nil
	}
	v := reflect.ValueOf(err)
	if !wrapped(v) {
		return err
	}
	inner := v.Field(0).Elem()
	if self := method(v, SelfMethod); self.IsValid() {
		// For a struct value yaegi keeps only the struct's last field in
		// IValue; the Self method gives the struct. For a pointer IValue
		// is right, and Self gives the struct it points to.
		s := reflect.ValueOf(untag(self.Interface().(func() any)()))
		if !(inner.IsValid() && inner.Kind() == reflect.Pointer && inner.Type().Elem() == s.Type() && !inner.IsNil() &&
			reflect.DeepEqual(inner.Elem().Interface(), s.Interface())) {
			return s.Interface()
		}
	}
	if !inner.IsValid() {
		return nil
	}
	return inner.Interface()
}

// method returns the function of the wrapper field W<name> of v, or the
// zero Value when v is not a wrapper or has none.
func method(v reflect.Value, name string) reflect.Value {
	if !wrapped(v) {
		return reflect.Value{}
	}
	f := v.FieldByName("W" + name)
	if !f.IsValid() {
		return reflect.Value{}
	}
	if f.Kind() == reflect.Interface {
		f = f.Elem()
	}
	if !f.IsValid() || f.Kind() != reflect.Func || f.IsNil() {
		return reflect.Value{}
	}
	return f
}

// Whole returns err with its cell value whole: a wrapper of a struct value
// (whose IValue yaegi set to the struct's last field) is copied with IValue
// set to the struct, so that a type assertion in the cell
// (target.(StatusErr)) sees it. Any other error is returned as it is.
//
// With a name (the cell type a type assertion asks for, T or *T, rewrite
// errorassert), Whole returns nil when err holds a value of another cell
// type: yaegi gives two cell types of the same underlying type one reflect
// type, so only the name tells them apart. A name starting with "!" (an
// assertion without comma-ok) panics there instead, as Go's assertion does.
func Whole(err error, name ...string) error {
	if err == nil {
		return nil
	}
	if len(name) > 0 {
		want, panics := strings.CutPrefix(name[0], "!")
		if !hasTypeName(err, strings.TrimPrefix(want, "*")) {
			if panics {
				panic(assertionError("interface conversion: error is " + qualified(err) + ", not " + qualifiedName(want)))
			}
			return nil
		}
	}
	v := reflect.ValueOf(err)
	if !wrapped(v) {
		return err
	}
	val := Value(err)
	if inner := v.Field(0).Elem(); inner.IsValid() && inner.Type() == reflect.TypeOf(val) {
		return err
	}
	w := reflect.New(v.Type()).Elem()
	w.Set(v)
	w.Field(0).Set(reflect.ValueOf(val))
	return w.Interface().(error)
}

// tagged is what the hidden method of a named cell type returns (SelfOf):
// its receiver and the type's name.
type tagged struct {
	v    any
	name string
}

// SelfOf returns the value of the hidden method SelfMethod of the cell type
// name (rewrite errorself): v with that name.
func SelfOf(v any, name string) any { return tagged{v, name} }

// untag returns the value a hidden method returned, without its name.
func untag(v any) any {
	if t, ok := v.(tagged); ok {
		return t.v
	}
	return v
}

// TypeName returns the name of the cell type of the value in err (T for a T
// or a *T), or "" when err is not a wrapped cell error of a named type.
func TypeName(err error) string {
	if err == nil {
		return ""
	}
	self := method(reflect.ValueOf(err), SelfMethod)
	if !self.IsValid() {
		return ""
	}
	if t, ok := self.Interface().(func() any)().(tagged); ok {
		return t.name
	}
	return ""
}

// hasTypeName reports whether err may hold a value of the cell type name:
// its own type's name is name, or unknown.
func hasTypeName(err error, name string) bool {
	n := TypeName(err)
	return n == "" || name == "" || n == name
}

// qualified names the cell type of the value in err as Go's messages do
// (main.T, *main.T).
func qualified(err error) string {
	name := "main." + TypeName(err)
	if v := reflect.ValueOf(Value(err)); v.Kind() == reflect.Pointer {
		name = "*" + name
	}
	return name
}

// qualifiedName qualifies a type written in a cell (T, *T) as Go's
// messages do.
func qualifiedName(t string) string {
	if rest, ok := strings.CutPrefix(t, "*"); ok {
		return "*main." + rest
	}
	return "main." + t
}

// assertionError is the run-time error of a failed type assertion.
type assertionError string

// RuntimeError makes the error a runtime.Error, as Go's is.
func (e assertionError) RuntimeError() {}

// Error is Go's message.
func (e assertionError) Error() string { return string(e) }
