package cellerr

import "reflect"

// The functions of package errors that look inside errors, for cells. Each
// follows GOROOT/src/errors/wrap.go, seeing through yaegi's wrappers: the
// methods Unwrap, Is and As of a cell type are called through the wrapper,
// and comparisons and assignments use the cell value (Value).

// Unwrap returns the result of calling the Unwrap method on err, if err's
// type contains an Unwrap method returning error. Otherwise, Unwrap returns
// nil.
func Unwrap(err error) error {
	next, _ := unwrap(err)
	return Whole(next)
}

// unwrap returns what err's Unwrap method gives: one error (Unwrap() error)
// or several (Unwrap() []error).
func unwrap(err error) (error, []error) {
	if err == nil {
		return nil, nil
	}
	if v := reflect.ValueOf(err); wrapped(v) {
		m := method(v, "Unwrap")
		if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
			return nil, nil
		}
		out := m.Call(nil)[0]
		switch r := out.Interface().(type) {
		case error:
			return r, nil
		case []error:
			return nil, r
		}
		return nil, nil
	}
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		return x.Unwrap(), nil
	case interface{ Unwrap() []error }:
		return nil, x.Unwrap()
	}
	return nil, nil
}

// isMethod calls err's Is method, if it has one.
func isMethod(err, target error) bool {
	if v := reflect.ValueOf(err); wrapped(v) {
		if f, ok := methodFunc(v, "Is").(func(error) bool); ok {
			return f(Whole(target))
		}
		return false
	}
	x, ok := err.(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// asMethod calls err's As method, if it has one.
func asMethod(err error, target any) bool {
	if v := reflect.ValueOf(err); wrapped(v) {
		if f, ok := methodFunc(v, "As").(func(any) bool); ok {
			return f(target)
		}
		return false
	}
	x, ok := err.(interface{ As(any) bool })
	return ok && x.As(target)
}

// methodFunc returns the function of the wrapper field W<name> of the
// wrapper v, or nil.
func methodFunc(v reflect.Value, name string) any {
	if m := method(v, name); m.IsValid() {
		return m.Interface()
	}
	return nil
}

// walk visits err and the errors its Unwrap methods give, depth first, as
// package errors does, until visit returns true.
func walk(err error, visit func(error) bool) bool {
	for {
		if visit(err) {
			return true
		}
		next, many := unwrap(err)
		if many != nil {
			for _, err := range many {
				if err != nil && walk(err, visit) {
					return true
				}
			}
			return false
		}
		if next == nil {
			return false
		}
		err = next
	}
}

// Is reports whether any error in err's tree matches target, as errors.Is.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	tv := Value(target)
	comparable := reflect.TypeOf(tv).Comparable()
	return walk(err, func(err error) bool {
		if comparable {
			if ev := Value(err); reflect.TypeOf(ev) == reflect.TypeOf(tv) && ev == tv {
				return true
			}
		}
		return isMethod(err, target)
	})
}

// As finds the first error in err's tree that matches target, and if one
// is found, sets target to that error value and returns true, as errors.As.
// A cell type matches the target's type when its value does (yaegi gives
// two cell types with the same underlying type the same reflect type, so
// they cannot be told apart here; AsType tells them apart by name).
func As(err error, target any) bool { return AsType(err, target, "") }

// AsType is As for a target whose type is the cell type name (rewrite
// errorassert; "" when unknown): a cell error of another cell type does not
// match it, although yaegi gives both one reflect type when their
// underlying types are the same.
func AsType(err error, target any, name string) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	val := reflect.ValueOf(target)
	typ := val.Type()
	if typ.Kind() != reflect.Pointer || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := typ.Elem()
	if targetType.Kind() == reflect.Struct && targetType.PkgPath() == yaegiPath {
		// yaegi keeps a variable of an interface type declared in a cell as
		// a value of its own that compiled code cannot fill.
		panic("errors.As: the target has an interface type declared in the cell, which nnbook cannot set; use an interface of a package (error, fmt.Stringer) or a concrete type")
	}
	return walk(err, func(err error) bool {
		if targetType.Kind() == reflect.Interface {
			if reflect.TypeOf(err).Implements(targetType) {
				val.Elem().Set(reflect.ValueOf(Whole(err)))
				return true
			}
		} else if v := Value(err); v != nil && reflect.TypeOf(v).AssignableTo(targetType) && hasTypeName(err, name) {
			val.Elem().Set(reflect.ValueOf(v))
			return true
		}
		return asMethod(err, target)
	})
}

// Symbols returns the names of package errors this package replaces, as
// a table for interp.Use.
func Symbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"As":     reflect.ValueOf(As),
		"Is":     reflect.ValueOf(Is),
		"Unwrap": reflect.ValueOf(Unwrap),
	}
}

// yaegiPath is the package of yaegi's own types.
const yaegiPath = "github.com/traefik/yaegi/interp"

// Equal reports whether a == b, for two errors compared in a cell
// (rewrite errorequal): a cell error yaegi wrapped is compared by its cell
// value, as Go compares the dynamic values of two interfaces. Values of an
// uncomparable type panic as Go does.
func Equal(a, b any) bool {
	if ea, ok := a.(error); ok {
		a = Value(ea)
	}
	if eb, ok := b.(error); ok {
		b = Value(eb)
	}
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb {
		return false
	}
	if !ta.Comparable() {
		panic(uncomparable(ta.String()))
	}
	return a == b
}

// uncomparable is the runtime error of comparing two values of an
// uncomparable type.
type uncomparable string

// RuntimeError makes the error a runtime.Error, as Go's is.
func (e uncomparable) RuntimeError() {}

// Error is Go's message.
func (e uncomparable) Error() string {
	return "runtime error: comparing uncomparable type " + string(e)
}
