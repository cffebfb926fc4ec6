package kernel

// recoverDeferred is __rt.RecoverDeferred: the function yaegi creates when
// a function returns, for a deferred function literal that calls recover
// and was made at the defer statement (kernel/rewrite/deferrecover.go),
// calls it with r, what its own recover() returned. The literal's first
// call of recover gets r, later ones nil; when none took it, the panic goes
// on.
func recoverDeferred(f func(recover func() interface{}), r interface{}) {
	taken := r == nil
	f(func() interface{} {
		if taken {
			return nil
		}
		taken = true
		return r
	})
	if !taken {
		panic(r)
	}
}
