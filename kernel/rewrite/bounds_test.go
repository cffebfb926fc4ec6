package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"
)

// BenchmarkBoundsPackages reports what the bounds pass costs on a cell
// that indexes a standard function's result, with the packages it names
// typed (the engine's case, after their first import) and with them
// unknown (declared: the session has no such package).
func BenchmarkBoundsPackages(b *testing.B) {
	header, body := "package main; func main() {\n", "parts := strings.Split(line, \"=\")\nfmt.Println(parts[1], strings.Fields(line)[2])"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
	if err != nil {
		b.Fatal(err)
	}
	u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
	for _, c := range []struct{ name, session string }{
		{"typed", "// session: string=line"},
		{"untyped", "// session: string=line declared=strings,fmt"},
	} {
		s := parseSession(c.session)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				boundsEdits(s, u)
			}
		})
	}
}

// FuzzBounds checks that the bounds pass keeps a cell that type-checks
// (with the packages it names, as the engine gives them) type-checking:
// the types it writes out are ones the unit can name.
func FuzzBounds(f *testing.F) {
	for _, s := range []string{
		"s := \"a b\"\ni := 3\nx := strings.Fields(s)[i]\n_ = x",
		"i := 1\nfmt.Println(os.Args[i:], strings.Split(\"a,b\", \",\")[1:i])",
		"xs := sort.StringSlice{\"b\"}\ni := 0\n_ = bytes.Fields(nil)[i]\n_ = xs[i]",
		"r := bufio.NewScanner(os.Stdin)\nk := 2\n_ = regexp.MustCompile(\"a\").FindStringSubmatch(r.Text())[k]",
		"t := time.Now()\nn := 1\n_ = []time.Month{t.Month()}[n]\n_ = strconv.Quote(\"x\")[n:]",
	} {
		f.Add(s)
	}
	s := parseSession("")
	f.Fuzz(func(t *testing.T, body string) {
		header := "package main; func main() {\n"
		check := func(src string, rt bool) error {
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, "cell.go", header+src+"\n}", 0)
			if err != nil {
				return err
			}
			u := &Unit{Text: src, File: file, Tok: fset.File(file.Pos()), Base: len(header)}
			pkg := types.NewPackage("main", "main")
			for name, p := range sessionPackages(s, u) {
				pkg.Scope().Insert(types.NewPkgName(token.NoPos, pkg, name, p))
			}
			if rt {
				pkg.Scope().Insert(types.NewPkgName(token.NoPos, pkg, Runtime, fakeRuntime))
			}
			var first error
			conf := &types.Config{Error: func(err error) {
				if first == nil {
					first = err
				}
			}}
			_ = types.NewChecker(conf, fset, pkg, nil).Files([]*ast.File{file})
			return first
		}
		if check(body, false) != nil {
			return
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
		if err != nil {
			return
		}
		u := &Unit{Text: body, File: file, Tok: fset.File(file.Pos()), Base: len(header)}
		out := Apply(body, boundsEdits(s, u))
		if err := check(out, true); err != nil {
			t.Errorf("%v\nin the rewritten\n%s\nof\n%s", err, out, body)
		}
	})
}

// fakeRuntime declares the engine's helpers the bounds pass calls.
var fakeRuntime = func() *types.Package {
	p := types.NewPackage("nnbookrt", Runtime)
	ints := func(n int) []*types.Var {
		vs := make([]*types.Var, n)
		for i := range vs {
			vs[i] = types.NewParam(token.NoPos, p, "", types.Typ[types.Int])
		}
		return vs
	}
	anyT := types.Universe.Lookup("any").Type()
	fn := func(name string, params []*types.Var, result types.Type) {
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(types.NewParam(token.NoPos, p, "", result)), false)
		p.Scope().Insert(types.NewFunc(token.NoPos, p, name, sig))
	}
	fn("Index", ints(4), types.Typ[types.Int])
	fn("Slice", ints(5), types.Typ[types.Int])
	fn("SliceLen", ints(5), types.Typ[types.Int])
	fn("Slice3", ints(6), types.Typ[types.Int])
	fn("IndexOf", append([]*types.Var{types.NewParam(token.NoPos, p, "", anyT)}, ints(3)...), anyT)
	fn("SliceOf", append([]*types.Var{types.NewParam(token.NoPos, p, "", anyT)}, ints(6)...), anyT)
	p.MarkComplete()
	return p
}()

// TestBoundsConcurrent runs the pass on typed cells from several
// goroutines, as engines of one process do (the packages are shared; run
// with -race), and checks they agree.
func TestBoundsConcurrent(t *testing.T) {
	bodies := []string{
		"s := \"a b\"\ni := 3\nx := strings.Fields(s)[i]\n_ = x",
		"t := time.Now()\nn := 1\n_ = []time.Month{t.Month()}[n]\n_ = strconv.Quote(\"x\")[n:]",
		"r := bufio.NewScanner(os.Stdin)\nk := 2\n_ = regexp.MustCompile(\"a\").FindStringSubmatch(r.Text())[k]",
	}
	rewrite := func(body string) string {
		header := "package main; func main() {\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
		if err != nil {
			t.Error(err)
			return ""
		}
		u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
		return Apply(body, boundsEdits(parseSession(""), u))
	}
	want := make([]string, len(bodies))
	for i, b := range bodies {
		want[i] = rewrite(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range bodies {
				j := (i + g) % len(bodies)
				if got := rewrite(bodies[j]); got != want[j] {
					t.Errorf("concurrent rewrite of %q:\n%s\nwant\n%s", bodies[j], got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}
