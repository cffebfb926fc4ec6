//go:build !amd64

package nnlib

// fmaModes: there is only the pure-Go kernel here.
func fmaModes() []bool { return []bool{false} }

// useFMA does nothing: there is no assembly to switch.
func useFMA(on bool) (undo func()) { return func() {} }
