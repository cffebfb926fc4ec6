package kernel

import (
	"context"
	"fmt"
	"go/ast"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/nnbook/nnbook/kernel/stdgeneric"
)

// A package of Preloaded whose name another standard package shares (rand:
// math/rand, math/rand/v2, crypto/rand) is imported into yaegi when a cell
// first uses it, not when the session starts. So a cell that imports the
// other package gets it, as a Go file with that import would, instead of a
// clash with an import the user never wrote; from then on the name means the
// imported package in every cell. Until then, e.imports maps the name to its
// Preloaded path (for completion and inspection) and e.unimported holds it.
// The other Preloaded packages are imported when the session starts.

var (
	shared     map[string]int // package name → how many importable packages have it
	sharedOnce sync.Once
)

// sharesName reports whether a package other than p that cells can import
// is named name.
func sharesName(name, p string) bool {
	sharedOnce.Do(func() {
		shared = map[string]int{}
		for k := range stdgeneric.Stdlib() {
			if !stdgeneric.Hidden(k) {
				shared[path.Base(k)]++
			}
		}
		for _, p := range stdgeneric.Packages {
			shared[path.Base(p)]++
		}
	})
	return shared[name] > 1
}

// preloadClash reports whether importing name must be refused because the
// session already uses it for another package: false when name is a
// Preloaded package no cell has used yet, which the import replaces.
func (e *Engine) preloadClash(name string) bool {
	_, ok := e.imports[name]
	return ok && !e.unimported[name]
}

// importUsed imports into yaegi the not yet imported Preloaded packages the
// units refer to (as the X of a selector X.Sel), except names a unit of the
// cell imports itself and names the session defines.
func (e *Engine) importUsed(ctx context.Context, code string, units []unit) error {
	if len(e.unimported) == 0 {
		return nil
	}
	own := map[string]bool{}
	for _, u := range units {
		for _, n := range u.ast {
			if spec, ok := n.(*ast.ImportSpec); ok {
				name, _ := pkgName(strings.Trim(spec.Path.Value, "\"`"))
				if spec.Name != nil {
					name = spec.Name.Name
				}
				own[name] = true
			}
		}
	}
	used := map[string]bool{}
	for _, u := range units {
		for _, n := range u.ast {
			ast.Inspect(n, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && e.unimported[id.Name] && !own[id.Name] {
						if _, defined := e.names[id.Name]; !defined {
							used[id.Name] = true
						}
					}
				}
				return true
			})
		}
	}
	if len(used) == 0 {
		return nil
	}
	names := make([]string, 0, len(used))
	for name := range used {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("import (\n")
	for _, name := range names {
		fmt.Fprintf(&b, "\t%s %q\n", name, e.imports[name])
	}
	b.WriteString(")")
	if _, err := e.in.EvalWithContext(ctx, b.String()); err != nil {
		return e.cellError(ctx, code, err)
	}
	for _, name := range names {
		delete(e.unimported, name)
	}
	return nil
}

// imported notes that a cell imported path under name.
func (e *Engine) imported(name, path string) {
	e.imports[name] = path
	delete(e.unimported, name)
}
