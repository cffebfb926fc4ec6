package kernel

import "runtime"

// recoverDeferred is __rt.RecoverDeferred, for a deferred function literal
// that calls recover and was made at the defer statement
// (kernel/rewrite/deferrecover.go): only a function yaegi creates at the
// return can stop the panic, so that function starts the literal with
// wait, and calls recover() each time wait reports that the literal called
// its recover, handing the value over with give:
//
//	defer func(__nnf func(func() any)) { __nnw, __nng := __rt.RecoverDeferred(__nnf); if __nnw() { __nng(recover()); for __nnw() { __nng(recover()) } } }(__nnf)
//
// The literal runs on a goroutine of its own while the function waits, so
// that recover is called when and as often as the literal calls it; a panic
// of the literal goes on in the waiting function.
func recoverDeferred(f func(recover func() interface{})) (wait func() bool, give func(interface{})) {
	type end struct {
		panicked bool
		v        interface{}
	}
	ask := make(chan struct{})
	answer := make(chan interface{})
	done := make(chan end, 1)
	started := false
	wait = func() bool {
		if !started {
			started = true
			go func() {
				panicked := true
				var v interface{}
				defer func() {
					if panicked {
						v = recover()
					}
					done <- end{panicked, v}
				}()
				f(func() interface{} {
					ask <- struct{}{}
					return <-answer
				})
				panicked = false
			}()
		}
		select {
		case <-ask:
			return true
		case e := <-done:
			if e.panicked {
				if e.v == nil {
					runtime.Goexit() // the literal's goroutine exited
				}
				panic(e.v)
			}
			return false
		}
	}
	give = func(r interface{}) { answer <- r }
	return wait, give
}
