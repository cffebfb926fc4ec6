package stdgeneric

import (
	"embed"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/generic"
)

// shims holds the interpreted packages, in GOPATH layout under _shims/src
// (a directory the go command ignores: they are built by yaegi, not by go).
//
//go:embed all:_shims
var shims embed.FS

// GoPath is the GOPATH to give yaegi (interp.Options.GoPath) together with
// Source as its SourcecodeFilesystem.
const GoPath = "."

// Source returns the file system yaegi loads the interpreted packages from:
// src/<import path>/*.go. A package is read and compiled on its first
// import, so a session that does not import one pays nothing for it.
func Source() fs.FS {
	sub, err := fs.Sub(shims, "_shims")
	if err != nil {
		panic(err) // the embedded tree always has _shims
	}
	return sub
}

// Packages lists the import paths of the standard packages a cell gets as
// interpreted source from Source, sorted.
var Packages = []string{"cmp", "iter", "maps", "slices", "sync", "sync/atomic"}

// binPrefix is the hidden import path prefix under which Stdlib keeps the
// compiled tables of the packages of Packages that have an interpreted
// front over a compiled package (sync → stdbin/sync).
const binPrefix = "stdbin/"

// Hidden reports whether p is one of the hidden import paths of Stdlib
// (stdbin/…), which cells cannot import.
func Hidden(p string) bool {
	return strings.HasPrefix(p, binPrefix)
}

// IsSource reports whether the standard package p comes from Source.
func IsSource(p string) bool {
	for _, s := range Packages {
		if s == p {
			return true
		}
	}
	return false
}

var (
	merged     interp.Exports
	mergedOnce sync.Once
)

// Stdlib returns the standard library tables to give interp.Use: yaegi's
// go1.22 tables with the names of Symbols (Go 1.26) added, without the
// tables of Packages (so that their import reads Source), the compiled parts
// of sync and sync/atomic under stdbin/. The maps are shared: do not modify
// them (interp.Use copies what it keeps).
//
// The first call also empties yaegi's own generic sources
// (stdlib/generic.Sources, go1.22's cmp, maps and slices, whose functions
// yaegi cannot infer type arguments for), which interp.Use would otherwise
// compile in every session and make visible without an import.
func Stdlib() interp.Exports {
	mergedOnce.Do(func() {
		for i := range generic.Sources {
			generic.Sources[i] = "package main"
		}
		merged = interp.Exports{}
		for k, syms := range stdlib.Symbols {
			merged[k] = syms
		}
		for k, extra := range Symbols {
			m := map[string]reflect.Value{}
			for name, v := range merged[k] {
				m[name] = v
			}
			for name, v := range extra {
				if _, ok := m[name]; !ok {
					m[name] = v
				}
			}
			merged[k] = m
		}
		for _, p := range Packages {
			k := p + "/" + path.Base(p)
			if syms, ok := merged[k]; ok {
				delete(merged, k)
				if len(syms) > 0 {
					merged[binPrefix+k] = syms
				}
			}
		}
	})
	return merged
}

// Rebase returns x with the tables of the packages of Packages moved to the
// hidden paths Stdlib keeps their compiled parts under, so that symbol
// overrides given to interp.Use after Stdlib ("sync/sync": {"WaitGroup":
// …}) replace the compiled symbols the interpreted front refers to rather
// than hide the front.
func Rebase(x interp.Exports) interp.Exports {
	out := interp.Exports{}
	for k, syms := range x {
		if IsSource(path.Dir(k)) {
			k = binPrefix + k
		}
		out[k] = syms
	}
	return out
}

// Table returns the compiled symbols of the standard package p as a cell
// sees them through Stdlib (with the Go 1.26 names; for sync, the compiled
// part), or nil.
func Table(p string) map[string]reflect.Value {
	all := Stdlib()
	for _, k := range []string{binPrefix + p, p} {
		for key, syms := range all {
			if path.Dir(key) == k {
				return syms
			}
		}
	}
	return nil
}
