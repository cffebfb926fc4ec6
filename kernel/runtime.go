package kernel

import (
	"fmt"
	"reflect"
)

// The compiled helpers interpreted code calls (package nnbookrt, local name
// __rt in every session).

func (e *Engine) runtimeSymbols() map[string]reflect.Value {
	syms := e.richSymbols()
	for k, v := range e.fmtSymbols() {
		syms[k] = v
	}
	for k, v := range map[string]reflect.Value{
		"Add": reflect.ValueOf(func(v interface{}, shown interface{}) {
			// shown is v as Fmt made it (cellfmt.go): printed, and typed, as
			// Go would
			text, typ := fmt.Sprint(shown), fmt.Sprintf("%T", v)
			if a, ok := shown.(cellArg); ok {
				typ = a.typeString()
			}
			e.valMu.Lock()
			e.vals = append(e.vals, shownValue{v: v, text: text, typ: typ})
			e.valMu.Unlock()
		}),
		"Clear": reflect.ValueOf(func(v interface{}) {
			// the builtin clear (builtins.go)
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.Map || rv.Kind() == reflect.Slice {
				rv.Clear()
			}
		}),
		"Fail": reflect.ValueOf(func(msg string) {
			e.valMu.Lock()
			e.failed, e.failMsg = true, msg
			e.valMu.Unlock()
		}),
		"Keep": reflect.ValueOf(func(ptrs ...interface{}) {
			e.valMu.Lock()
			e.kept = e.kept[:0]
			for _, p := range ptrs {
				e.kept = append(e.kept, reflect.ValueOf(p).Elem())
			}
			e.valMu.Unlock()
		}),
		"Probe":      reflect.ValueOf(func(v interface{}) {}),
		"Go":         reflect.ValueOf(e.cellGo),
		"Defer":      reflect.ValueOf(e.cellDefer),
		"GoPanic":    reflect.ValueOf(func(r interface{}) { e.goPanic(r) }),
		"RangePanic": reflect.ValueOf(rangePanic),
		"Print":      reflect.ValueOf(func(args ...interface{}) { printBuiltin(false, args) }),
		"Println":    reflect.ValueOf(func(args ...interface{}) { printBuiltin(true, args) }),
	} {
		syms[k] = v
	}
	for k, v := range e.cellErrorSymbols() {
		syms[k] = v
	}
	for k, v := range e.panicSymbols() {
		syms[k] = v
	}
	return syms
}

// statementCall checks the function and arguments of a go or defer
// statement (stmt) for __rt.Go and __rt.Defer, panicking as the statement
// would not compile.
func statementCall(stmt string, f interface{}, args []interface{}) (reflect.Value, []reflect.Value) {
	fv := reflect.ValueOf(f)
	if fv.Kind() != reflect.Func {
		panic(fmt.Sprintf("%s: %T is not a function", stmt, f))
	}
	in, err := callArgs(fv.Type(), args)
	if err != nil {
		panic(stmt + ": " + err.Error())
	}
	return fv, in
}

// callArgs converts go-statement arguments to the function's parameter types
// (untyped constants arrive with their default types).
func callArgs(t reflect.Type, args []interface{}) ([]reflect.Value, error) {
	n := t.NumIn()
	if !t.IsVariadic() && len(args) != n || t.IsVariadic() && len(args) < n-1 {
		return nil, fmt.Errorf("function takes %d arguments but got %d", n, len(args))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		if t.IsVariadic() && i >= n-1 {
			pt = t.In(n - 1).Elem()
		} else {
			pt = t.In(i)
		}
		if a == nil {
			in[i] = reflect.Zero(pt)
			continue
		}
		v := reflect.ValueOf(a)
		if v.Type() != pt {
			if v.Type().ConvertibleTo(pt) {
				v = v.Convert(pt)
			} else if !v.Type().AssignableTo(pt) {
				return nil, fmt.Errorf("argument %d is %s, want %s", i+1, v.Type(), pt)
			}
		}
		in[i] = v
	}
	return in, nil
}

// goPanic reports a panic recovered in a goroutine of the running cell
// (the interpreted recover wrapper of go statements).
func (e *Engine) goPanic(r interface{}) { e.goroutinePanic(0, 0, nil, "a goroutine", r) }
