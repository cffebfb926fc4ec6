package compile

import (
	"context"
	"fmt"
	"plugin"
	"reflect"
	"regexp"
	"sync"
)

// Package is a compiled cell loaded into the process.
type Package struct {
	Path    string                   // import path, for the interpreter's import
	Name    string                   // package name
	Names   []Name                   // what the cell declares
	Symbols map[string]reflect.Value // the interpreter's symbol table
	Cached  bool                     // the plugin was built by an earlier run
}

// loaded remembers what this process loaded: Go cannot unload a plugin,
// and a package path loads once.
var (
	loadMu sync.Mutex
	loaded = map[string]*Package{} // by import path
)

// Build builds (or finds built) and loads a compiled cell. Compile errors
// come back as Errors with the cell's positions; a *Problem means compiled
// cells cannot work here.
func (b *Builder) Build(ctx context.Context, c Cell) (*Package, error) {
	out, err := b.build(ctx, c)
	if err != nil {
		return nil, err
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	if p, ok := loaded[out.path]; ok {
		return p, nil
	}
	pl, err := plugin.Open(out.plugin)
	if err != nil {
		return nil, b.Host.loadProblem(err)
	}
	sym, err := pl.Lookup("Symbols")
	if err != nil {
		return nil, fmt.Errorf("compiled cells: %s: %v", out.plugin, err)
	}
	f, ok := sym.(func() map[string]reflect.Value)
	if !ok {
		return nil, fmt.Errorf("compiled cells: %s: Symbols is %T", out.plugin, sym)
	}
	p := &Package{Path: out.path, Name: pkgName, Names: out.gen.names, Symbols: f(), Cached: out.cached}
	loaded[out.path] = p
	return p, nil
}

// Loaded reports whether this process already loaded a build of the cell
// with this generation (the caller then asks for the next generation so
// that re-running a cell runs its variable initialisers again).
func (b *Builder) Loaded(c Cell) bool {
	out, err := b.plannedPath(c)
	if err != nil {
		return false
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	_, ok := loaded[out]
	return ok
}

// differentRE matches plugin.Open's "plugin was built with a different
// version of package P".
var differentRE = regexp.MustCompile(`different version of package ([^\s:]+)`)

// loadProblem explains a plugin that does not load.
func (h *Host) loadProblem(err error) error {
	if m := differentRE.FindStringSubmatch(err.Error()); m != nil {
		return &Problem{Cause: fmt.Sprintf("package %s in %s is not the one this nnbook binary was built with (the source changed since, or the binary was built with other flags)", m[1], h.SrcDir),
			Fix: "rebuild nnbook from that source (go install ./cmd/nnbook there) and start it again"}
	}
	return &Problem{Cause: "the cell's plugin does not load: " + err.Error(), Fix: "run 'nnbook doctor' to see what differs"}
}

// LoadedSymbols returns the symbol table of a build this process loaded,
// or nil.
func LoadedSymbols(path string) map[string]reflect.Value {
	loadMu.Lock()
	defer loadMu.Unlock()
	if p, ok := loaded[path]; ok {
		return p.Symbols
	}
	return nil
}
