package kernel

import rt "github.com/nnbook/nnbook/kernel/internal/runtime"

// deferGuard is __rt.DeferGuard, for a function whose deferred function
// literals may panic while other deferred calls are still to run
// (kernel/rewrite/deferguard.go): yaegi v0.16.1 stops running a function's
// deferred calls at the first one that panics, so each deferred literal
// hands its panic (what recover() returned in it, nil when it did not
// panic) to catch, and returns. take is recover() in a deferred literal:
// the panic caught last, which it stops, translated as __rt.Recover
// translates (yaegi knows only the function's own panic, v, which a later
// deferred call's panic replaces, as in Go). raise, deferred first and so
// run last, panics again with a caught panic that no literal took — or,
// in a deferred literal that is itself guarded, hands it to outer, the
// catch of the function that deferred the literal (a panic of the
// literal's deferred calls would end that function's deferred calls too).
//
//	__nndc0, __nndt0, __nndr0 := __rt.DeferGuard(); defer func() { __nndr0() }()
//	__nndc1, __nndt1, __nndr1 := __rt.DeferGuard(__nndc0); defer func() { __nndr1() }()
func deferGuard(outer ...func(interface{})) (catch func(v interface{}), take func(v interface{}) interface{}, raise func()) {
	var pending interface{}
	catch = func(v interface{}) {
		if v != nil {
			pending = v
		}
	}
	take = func(v interface{}) interface{} {
		if pending == nil {
			return v
		}
		p := pending
		pending = nil
		out, _, _ := rt.Translate(p)
		return out
	}
	raise = func() {
		if p := pending; p != nil {
			pending = nil
			if len(outer) > 0 {
				outer[0](p)
				return
			}
			panic(p)
		}
	}
	return catch, take, raise
}
