package kernel

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel/internal/stdapi"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
)

// The standard library's coverage: for every package of the toolchain's
// standard library (go list std, without internal ones), the exported names
// `go doc` lists (read from GOROOT, stdapi) and which of them a cell can
// use: a name of a compiled table (yaegi's, with Go 1.26's additions) or
// declared by an interpreted package of kernel/stdgeneric. Each usable
// non-generic name is then referenced from a real cell, which must compile;
// the generic ones are exercised by the corpus (testdata/programs). The
// summary is testdata/stdlib_coverage.txt (go test -update rewrites it).

// stdCoverage is one package's line of the summary.
type stdCoverage struct {
	pkg            string
	usable, total  int
	offered        bool     // a cell can import the package
	missing        []string // names a cell cannot use ("generic func Foo")
	usableNonGenic []stdapi.Name
}

// sourceNames returns the exported top-level names an interpreted package
// of stdgeneric declares.
func sourceNames(t *testing.T, p string) map[string]bool {
	t.Helper()
	src := stdgeneric.Source()
	files, err := fs.Glob(src, "src/"+p+"/*.go")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, file := range files {
		b, err := fs.ReadFile(src, file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, file, b, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = s.Name.IsExported()
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = n.IsExported()
						}
					}
				}
			}
		}
	}
	return names
}

func coverage(t *testing.T) []stdCoverage {
	t.Helper()
	pkgs, err := stdapi.Packages()
	if err != nil {
		t.Skip(err) // no go command
	}
	var out []stdCoverage
	for _, p := range pkgs {
		names, err := stdapi.Exported(p)
		if err != nil {
			t.Fatal(err)
		}
		c := stdCoverage{pkg: p, total: len(names)}
		_, c.offered = pkgName(p)
		var has func(stdapi.Name) bool
		switch {
		case stdgeneric.IsSource(p):
			src := sourceNames(t, p)
			has = func(n stdapi.Name) bool { return src[n.Name] }
		case c.offered:
			table := stdgeneric.Table(p)
			has = func(n stdapi.Name) bool { _, ok := table[n.Name]; return ok }
		default:
			has = func(stdapi.Name) bool { return false }
		}
		for _, n := range names {
			if has(n) {
				c.usable++
				if !n.Generic {
					c.usableNonGenic = append(c.usableNonGenic, n)
				}
			} else {
				c.missing = append(c.missing, n.String())
			}
		}
		out = append(out, c)
	}
	return out
}

func TestStdlibCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("reads all of GOROOT's standard library")
	}
	cov := coverage(t)
	var b strings.Builder
	fmt.Fprintf(&b, "# The standard library of %s (%s/%s) in cells: for each package, the\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	b.WriteString("# exported names go doc lists, how many a cell can use, and the others.\n")
	b.WriteString("# Written by TestStdlibCoverage (go test ./kernel -run StdlibCoverage -update).\n\n")
	usable, total, full, offered, offeredTotal := 0, 0, 0, 0, 0
	for _, c := range cov {
		usable += c.usable
		total += c.total
		if c.offered {
			offered++
			offeredTotal += c.total
		}
		if c.usable == c.total {
			full++
		}
		line := fmt.Sprintf("%s %d/%d", c.pkg, c.usable, c.total)
		switch {
		case !c.offered:
			line += " (not offered to cells)"
		case len(c.missing) > 0:
			line += ": no " + strings.Join(c.missing, ", ")
		}
		b.WriteString(line + "\n")
	}
	fmt.Fprintf(&b, "\n# total: %d of %d packages importable, %d of them complete; %d of their %d names usable (%.1f%%); %d of all %d names (syscall, unsafe, os/exec, … are not offered)\n",
		offered, len(cov), full, usable, offeredTotal, 100*float64(usable)/float64(offeredTotal), usable, total)
	golden := "testdata/stdlib_coverage.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("%s is stale (run go test ./kernel -run StdlibCoverage -update); now:\n%s", golden, b.String())
	}
	t.Logf("%d of %d exported names usable", usable, total)
}

// TestStdlibNamesCompile references every usable non-generic name of every
// importable standard package from a cell.
func TestStdlibNamesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a reference to every standard name")
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range coverage(t) {
		if !c.offered || len(c.usableNonGenic) == 0 {
			continue
		}
		alias := fmt.Sprintf("std%d", i)
		var body strings.Builder
		for j, n := range c.usableNonGenic {
			switch n.Kind {
			case "type":
				fmt.Fprintf(&body, "\tvar v%d *%s.%s\n\t_ = v%d\n", j, alias, n.Name, j)
			case "const":
				fmt.Fprintf(&body, "\tconst c%d = %s.%s\n", j, alias, n.Name)
			default:
				fmt.Fprintf(&body, "\t_ = %s.%s\n", alias, n.Name)
			}
		}
		cell := fmt.Sprintf("import %s %q\n\nfunc use%s() {\n%s}", alias, c.pkg, alias, body.String())
		if err := e.Execute(context.Background(), cell, nil); err != nil {
			t.Errorf("%s: %v", c.pkg, err)
		}
	}
}
