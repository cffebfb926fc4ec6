// Package stdtypes gives go/types the packages a cell can import, made from
// what the engine runs them with: the symbol tables it gives yaegi
// (map[string]reflect.Value per package, as yaegi's stdlib.Symbols and
// `yaegi extract` make them) and the interpreted source of the standard
// packages yaegi gets as Go source (kernel/stdgeneric).
//
// A table entry becomes an object of the package's scope:
//
//	reflect.ValueOf(&os.Args).Elem()           var Args []string  (addressable: a variable)
//	reflect.ValueOf((*strings.Builder)(nil))   type Builder       (a nil pointer: its element type)
//	reflect.ValueOf(strings.Fields)            func Fields(string) []string
//	reflect.ValueOf(constant.MakeFromLiteral…) const, untyped     (a go/constant value)
//	reflect.ValueOf(os.ModeDir)                const ModeDir fs.FileMode (any other value)
//
// and a reflect.Type becomes the types.Type go/types would give the same
// type: named types with their exported methods (value receivers, then
// pointer receivers) and their underlying type, structs with every field,
// funcs, interfaces, chans, maps, slices, arrays, pointers. What reflect
// cannot tell is approximated: parameter names are lost; uint8 is written
// byte (the alias the standard library spells nearly everywhere), int32 as
// int32 (never rune); an untyped constant has the default kind of its value
// (untyped int for a rune constant such as os.PathSeparator); a function
// whose source spells an alias gives its target (os.ReadDir returns
// []fs.DirEntry, identical to []os.DirEntry but printed so); interfaces
// keep only their exported methods (reflect lists no unexported method of
// a concrete type, so with them no concrete type would implement, say,
// testing.TB); generic functions and types, which tables cannot hold, are
// missing unless their package is interpreted source. A package of source
// is type-checked from that source, importing through the same Importer.
//
// Every package and type is made once per Importer, on first use, and then
// never changes, so that types are identical across imports; an Importer is
// safe for concurrent use.
package stdtypes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Config says where an Importer finds packages.
type Config struct {
	// Table returns the package name and symbol table of the compiled
	// package path, or ok false.
	Table func(path string) (name string, syms map[string]reflect.Value, ok bool)
	// Source, when set, holds interpreted packages as src/<path>/*.go;
	// IsSource reports which paths come from it.
	Source   fs.FS
	IsSource func(path string) bool
}

// Tables returns a Config.Table that finds a package in the first of
// tables that has it. Tables are keyed as interp.Exports are: "path/name"
// (math/rand/v2/rand); they must not change afterwards.
func Tables(tables ...map[string]map[string]reflect.Value) func(string) (string, map[string]reflect.Value, bool) {
	type entry struct {
		name string
		syms map[string]reflect.Value
	}
	byPath := map[string]entry{}
	for i := len(tables) - 1; i >= 0; i-- {
		for k, syms := range tables[i] {
			byPath[path.Dir(k)] = entry{path.Base(k), syms}
		}
	}
	return func(p string) (string, map[string]reflect.Value, bool) {
		e, ok := byPath[p]
		return e.name, e.syms, ok
	}
}

// Importer is a types.Importer of the packages of its Config.
type Importer struct {
	conf Config

	mu    sync.Mutex
	pkgs  map[string]*types.Package // every package met, complete or not
	done  map[string]error          // packages imported, and how that went
	types map[reflect.Type]types.Type
}

// New returns an Importer of the packages conf finds.
func New(conf Config) *Importer {
	return &Importer{
		conf:  conf,
		pkgs:  map[string]*types.Package{},
		done:  map[string]error{},
		types: map[reflect.Type]types.Type{},
	}
}

// Import returns the complete package of import path p, made on the first
// call; an error names a path that has neither a table nor source.
func (im *Importer) Import(p string) (*types.Package, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.importLocked(p)
}

// TypeOf returns the go/types type of the named type t of a compiled
// package (time.Time, *nnlib.Network's nnlib.Network), as the packages of
// Import have it; ok is false for any other type, unnamed types included,
// which may stand for a type an interpreter made.
func (im *Importer) TypeOf(t reflect.Type) (typ types.Type, ok bool) {
	if t.Name() == "" || t.PkgPath() == "" {
		return nil, false
	}
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.typ(t), true
}

// locked is the importer source packages are checked with, while the
// Importer's lock is held.
type locked struct{ im *Importer }

func (l locked) Import(p string) (*types.Package, error) { return l.im.importLocked(p) }

func (im *Importer) importLocked(p string) (*types.Package, error) {
	if p == "unsafe" {
		return types.Unsafe, nil
	}
	if err, ok := im.done[p]; ok {
		if err != nil {
			return nil, err
		}
		return im.pkgs[p], nil
	}
	im.done[p] = fmt.Errorf("stdtypes: import cycle through %q", p)
	var pkg *types.Package
	var err error
	if im.conf.IsSource != nil && im.conf.IsSource(p) {
		pkg, err = im.fromSource(p)
	} else if name, syms, ok := im.conf.Table(p); ok {
		pkg = im.fromTable(p, name, syms)
	} else {
		err = fmt.Errorf("stdtypes: no package %q: it has neither a symbol table nor source", p)
	}
	im.done[p] = err
	return pkg, err
}

// pkg returns the package of path p, made (empty, incomplete) when first
// met; name is its name when known.
func (im *Importer) pkg(p, name string) *types.Package {
	if pkg, ok := im.pkgs[p]; ok {
		return pkg
	}
	if name == "" {
		name = pkgName(p)
	}
	pkg := types.NewPackage(p, name)
	im.pkgs[p] = pkg
	return pkg
}

// pkgName guesses the name of the package p from its path: its last
// element, or the one before a major version (math/rand/v2 → rand).
func pkgName(p string) string {
	name := path.Base(p)
	if len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" && strings.Contains(p, "/") {
		name = path.Base(path.Dir(p))
	}
	return name
}

var constantValue = reflect.TypeOf((*constant.Value)(nil)).Elem()

// fromTable makes the package p from its symbol table.
func (im *Importer) fromTable(p, name string, syms map[string]reflect.Value) *types.Package {
	pkg := im.pkg(p, name)
	names := make([]string, 0, len(syms))
	for n := range syms {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.HasPrefix(n, "_") || !token.IsExported(n) {
			continue // yaegi's interface wrappers (_io_Reader)
		}
		if obj := im.object(pkg, n, syms[n]); obj != nil {
			pkg.Scope().Insert(obj)
		}
	}
	pkg.MarkComplete()
	return pkg
}

// object is the scope object of the table entry name = v of pkg.
func (im *Importer) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	if !v.IsValid() {
		return nil
	}
	switch {
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, im.typ(v.Type()))
	case v.Kind() == reflect.Pointer && v.IsNil():
		t := v.Type().Elem()
		g := im.typ(t)
		if n, ok := g.(*types.Named); ok && n.Obj().Name() == name && n.Obj().Pkg() == pkg {
			return n.Obj()
		}
		// An alias (os.FileMode = fs.FileMode).
		obj := types.NewTypeName(token.NoPos, pkg, name, nil)
		types.NewAlias(obj, g)
		return obj
	case v.Kind() == reflect.Func:
		sig, _ := im.signature(v.Type(), nil).(*types.Signature)
		return types.NewFunc(token.NoPos, pkg, name, sig)
	case v.Type().Implements(constantValue):
		c := v.Interface().(constant.Value)
		return types.NewConst(token.NoPos, pkg, name, untyped(c), c)
	}
	if c, ok := constantOf(v); ok {
		return types.NewConst(token.NoPos, pkg, name, im.typ(v.Type()), c)
	}
	return types.NewVar(token.NoPos, pkg, name, im.typ(v.Type()))
}

// untyped is the type of an untyped constant of c's kind.
func untyped(c constant.Value) types.Type {
	switch c.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	return types.Typ[types.UntypedInt]
}

// constantOf is the value of a typed constant of a basic kind.
func constantOf(v reflect.Value) (constant.Value, bool) {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool()), true
	case reflect.String:
		return constant.MakeString(v.String()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint()), true
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float()), true
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(c)), token.ADD, constant.MakeImag(constant.MakeFloat64(imag(c)))), true
	}
	return nil, false
}

// fromSource type-checks the interpreted package p from its source.
func (im *Importer) fromSource(p string) (*types.Package, error) {
	if im.conf.Source == nil {
		return nil, fmt.Errorf("stdtypes: no source for %q", p)
	}
	names, _ := fs.Glob(im.conf.Source, "src/"+p+"/*.go")
	fset := token.NewFileSet()
	var files []*ast.File
	for _, n := range names {
		b, err := fs.ReadFile(im.conf.Source, n)
		if err != nil {
			return nil, fmt.Errorf("stdtypes: reading %s: %v", n, err)
		}
		f, err := parser.ParseFile(fset, n, b, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("stdtypes: parsing %s: %v", n, err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("stdtypes: no Go files for %q", p)
	}
	pkg := im.pkg(p, files[0].Name.Name)
	// A type error leaves the rest of the package typed: the source runs
	// (kernel/stdgeneric tests it), so an error here would come from the
	// approximations of the package doc, not from the source.
	conf := &types.Config{Importer: locked{im}, Error: func(error) {}}
	_ = types.NewChecker(conf, fset, pkg, nil).Files(files)
	pkg.MarkComplete()
	return pkg, nil
}

// typ is the go/types type of t, made once.
func (im *Importer) typ(t reflect.Type) types.Type {
	if g, ok := im.types[t]; ok {
		return g
	}
	if t.Kind() == reflect.UnsafePointer {
		return types.Typ[types.UnsafePointer]
	}
	if t.Name() != "" && t.PkgPath() == "" {
		return predeclared(t)
	}
	if t.Name() != "" {
		return im.named(t)
	}
	g := im.structure(t, nil)
	im.types[t] = g
	return g
}

// predeclared is the predeclared type t (int, error, …).
func predeclared(t reflect.Type) types.Type {
	switch t.Kind() {
	case reflect.Interface:
		return types.Universe.Lookup("error").Type()
	case reflect.Uint8:
		return types.Universe.Lookup("byte").Type()
	}
	if obj := types.Universe.Lookup(t.Name()); obj != nil {
		return obj.Type()
	}
	return types.Typ[types.Invalid]
}

// named makes the named type t with its methods.
func (im *Importer) named(t reflect.Type) types.Type {
	pkg := im.pkg(t.PkgPath(), "")
	obj := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	im.types[t] = n
	n.SetUnderlying(im.structure(t, pkg))
	if t.Kind() == reflect.Interface || t.Kind() == reflect.Pointer {
		return n
	}
	own := map[string]bool{}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		own[m.Name] = true
		n.AddMethod(im.method(pkg, m, n))
	}
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		if m := pt.Method(i); !own[m.Name] {
			n.AddMethod(im.method(pkg, m, types.NewPointer(n)))
		}
	}
	return n
}

// method is the method m of a concrete type, with receiver type recv.
func (im *Importer) method(pkg *types.Package, m reflect.Method, recv types.Type) *types.Func {
	sig := im.signature(m.Type, types.NewVar(token.NoPos, pkg, "", recv))
	return types.NewFunc(token.NoPos, pkg, m.Name, sig.(*types.Signature))
}

// signature is the signature of the func type t; with a receiver, t's
// first parameter is that receiver.
func (im *Importer) signature(t reflect.Type, recv *types.Var) types.Type {
	var params, results []*types.Var
	from := 0
	if recv != nil {
		from = 1
	}
	for i := from; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", im.typ(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", im.typ(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}

// structure is the type t is made of (its underlying type); pkg is the
// package of the named type it belongs to, nil for an unnamed type.
func (im *Importer) structure(t reflect.Type, pkg *types.Package) types.Type {
	switch t.Kind() {
	case reflect.Slice:
		return types.NewSlice(im.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(im.typ(t.Elem()), int64(t.Len()))
	case reflect.Pointer:
		return types.NewPointer(im.typ(t.Elem()))
	case reflect.Map:
		return types.NewMap(im.typ(t.Key()), im.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, im.typ(t.Elem()))
	case reflect.Func:
		return im.signature(t, nil)
	case reflect.Interface:
		var methods []*types.Func
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if !m.IsExported() {
				continue
			}
			// NewInterfaceType gives the methods their receiver.
			sig := im.signature(m.Type, nil).(*types.Signature)
			methods = append(methods, types.NewFunc(token.NoPos, pkg, m.Name, sig))
		}
		return types.NewInterfaceType(methods, nil).Complete()
	case reflect.Struct:
		fields := make([]*types.Var, t.NumField())
		tags := make([]string, t.NumField())
		for i := range fields {
			f := t.Field(i)
			fp := pkg
			if f.PkgPath != "" {
				fp = im.pkg(f.PkgPath, "")
			}
			fields[i] = types.NewField(token.NoPos, fp, f.Name, im.typ(f.Type), f.Anonymous)
			tags[i] = string(f.Tag)
		}
		return types.NewStruct(fields, tags)
	}
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	return types.Typ[types.Invalid]
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8,
	reflect.Int16: types.Int16, reflect.Int32: types.Int32, reflect.Int64: types.Int64,
	reflect.Uint: types.Uint, reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16,
	reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64, reflect.Uintptr: types.Uintptr,
	reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128,
	reflect.String: types.String, reflect.UnsafePointer: types.UnsafePointer,
}
