package cellerr

import "reflect"

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
		s := reflect.ValueOf(self.Interface().(func() any)())
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

// method returns the function of the wrapper field W<name> of the wrapper
// v, or the zero Value when v has none.
func method(v reflect.Value, name string) reflect.Value {
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
func Whole(err error) error {
	if err == nil {
		return nil
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
