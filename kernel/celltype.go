package kernel

import (
	"github.com/nnbook/nnbook/kernel/rewrite"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// The type a cell gave a value.
//
// yaegi v0.16.1 builds the run-time types of interpreted code with
// reflect.StructOf, SliceOf, … and has no named reflect types: a value of a
// cell's `type Rect struct{ W, H float64 }` is, to compiled code, a
// `struct { W float64; H float64 }`, one of `type Celsius float64` a
// float64. Its own description of a type, the itype, keeps the names; it
// reaches compiled code inside yaegi's valueInterface, the pair (syntax
// node, value) by which yaegi passes a value to a parameter of a non-empty
// interpreted interface type. The engine declares such an interface that
// every type satisfies (anyName, below), so a rewritten call can hand
// compiled code a value with the node of the expression that made it, and
// so with its static type: cellTypeOf reads that node's itype by
// reflection (read only, the fields of yaegi's node and itype structs) into
// a cellType, the type as the cell declared it, named as Go names it
// (main.Rect, []main.Rect, map[main.ID]string).
//
// Types a cell declares also register themselves with the engine when they
// are declared (cellTypes.register): their Go name, run-time type and the
// methods fmt and errors call (String, Error, GoString, Format), as
// interpreted closures compiled code can call. A value stored in a Go
// interface by yaegi (an error, a fmt.Stringer: yaegi's wrapper structs
// holding the value in IValue) has lost its node; its cell type is then
// found from its run-time type among the registered types that have the
// wrapper's methods (dynamicType).

// anyName is the session's interface type every type satisfies but which
// yaegi treats as non-empty (it embeds any), so that converting a value to
// it keeps the node of the converted expression.
const anyName = rewrite.AnyType

// anySource declares anyName and argsName, run when a session starts:
// argsName(f()) hands over every result of a call f with the node of its
// result type.
const anySource = `type ` + anyName + ` interface{ any }
func ` + argsName + `(a ...` + anyName + `) []` + anyName + ` { return a }`

const argsName = rewrite.ArgsFunc

// cellKind is what a cellType is.
type cellKind int

const (
	kindOpaque    cellKind = iota // a compiled (or unknown) type: its reflect.Type says all
	kindBasic                     // bool, numbers, string
	kindStruct                    // struct
	kindSlice                     // []E
	kindArray                     // [N]E
	kindMap                       // map[K]V
	kindPointer                   // *E
	kindFunc                      // func
	kindChan                      // chan E
	kindInterface                 // an interface: the value's dynamic type counts
)

// cellType is a type as the cell declared it.
type cellType struct {
	kind     cellKind
	name     string // the Go name of a defined type ("main.Rect", "int"), or ""
	internal string // the interpreter's name of a cell type ("Rect_nnv1"), or ""
	str      string // the Go type string, for opaque types
	elem     *cellType
	key      *cellType
	length   int
	fields   []cellField
	in, out  []*cellType
	variadic bool
	dir      reflect.ChanDir
	empty    bool // an interface without methods
}

// cellField is one field of a struct cellType.
type cellField struct {
	name  string
	embed bool
	typ   *cellType
}

// String returns the type as Go's %T prints it.
func (t *cellType) String() string {
	if t == nil {
		return "<nil>"
	}
	if t.name != "" {
		return t.name
	}
	switch t.kind {
	case kindSlice:
		return "[]" + t.elem.String()
	case kindArray:
		return "[" + strconv.Itoa(t.length) + "]" + t.elem.String()
	case kindMap:
		return "map[" + t.key.String() + "]" + t.elem.String()
	case kindPointer:
		return "*" + t.elem.String()
	case kindChan:
		switch t.dir {
		case reflect.RecvDir:
			return "<-chan " + t.elem.String()
		case reflect.SendDir:
			return "chan<- " + t.elem.String()
		}
		return "chan " + t.elem.String()
	case kindFunc:
		var b strings.Builder
		b.WriteString("func(")
		for i, a := range t.in {
			if i > 0 {
				b.WriteString(", ")
			}
			if t.variadic && i == len(t.in)-1 {
				b.WriteString("..." + a.elem.String())
				continue
			}
			b.WriteString(a.String())
		}
		b.WriteString(")")
		switch len(t.out) {
		case 0:
		case 1:
			b.WriteString(" " + t.out[0].String())
		default:
			b.WriteString(" (")
			for i, r := range t.out {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(r.String())
			}
			b.WriteString(")")
		}
		return b.String()
	case kindStruct:
		if len(t.fields) == 0 {
			return "struct {}"
		}
		var b strings.Builder
		b.WriteString("struct {")
		for i, f := range t.fields {
			if i > 0 {
				b.WriteString(";")
			}
			if f.embed {
				b.WriteString(" " + f.typ.String())
				continue
			}
			b.WriteString(" " + f.name + " " + f.typ.String())
		}
		b.WriteString(" }")
		return b.String()
	case kindInterface:
		if t.empty {
			return "interface {}"
		}
	}
	return t.str
}

// hasCellParts reports whether values of t can hold something whose type a
// cell declared (a defined cell type, or an interface whose dynamic value
// may be one); otherwise compiled code prints them right as they are.
func (t *cellType) hasCellParts() bool {
	return t != nil && t.cellParts(map[*cellType]bool{})
}

func (t *cellType) cellParts(seen map[*cellType]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	switch {
	case t.internal != "", t.kind == kindInterface:
		return true
	case t.kind == kindOpaque, t.kind == kindBasic:
		return false
	}
	for _, f := range t.fields {
		if f.typ.cellParts(seen) {
			return true
		}
	}
	for _, x := range append(append([]*cellType{t.elem, t.key}, t.in...), t.out...) {
		if x.cellParts(seen) {
			return true
		}
	}
	return false
}

// yaegi's type categories (interp/type.go, tcat), in its order.
const (
	yNil = iota
	yArray
	yBin
	yBinPkg
	yBool
	yBuiltin
	yChan
	yChanSend
	yChanRecv
	yComparable
	yComplex64
	yComplex128
	yConstraint
	yError
	yFloat32
	yFloat64
	yFunc
	yGeneric
	yInterface
	yInt
	yInt8
	yInt16
	yInt32
	yInt64
	yLinked
	yMap
	yPtr
	ySlice
	ySrcPkg
	yString
	yStruct
	yUint
	yUint8
	yUint16
	yUint32
	yUint64
	yUintptr
	yValue
	yVariadic
)

// itypeEntry is a cached cellType, with the *itype it was read from: kept
// reachable, so that its address names it for the session's life.
type itypeEntry struct {
	p reflect.Value
	t *cellType
}

// nodeType returns the cellType of a yaegi *node value (a reflect.Value of
// the unexported pointer): the static type of the expression it is. For a
// conversion to anyName it is the converted expression's.
func (r *cellTypes) nodeType(node reflect.Value) *cellType {
	if !node.IsValid() || node.IsNil() {
		return nil
	}
	n := node.Elem()
	typ := n.FieldByName("typ")
	if typ.IsNil() {
		return nil
	}
	if typ.Elem().FieldByName("name").String() == anyName {
		if child := n.FieldByName("child"); child.Len() == 2 {
			return r.nodeType(child.Index(1))
		}
	}
	return r.itypeOf(typ)
}

// itypes returns the session's cache of converted yaegi types.
func (r *cellTypes) itypes() *sync.Map {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cache == nil {
		r.cache = &sync.Map{}
	}
	return r.cache
}

// itypeOf converts a yaegi *itype (a reflect.Value of the unexported
// pointer) to a cellType.
func (r *cellTypes) itypeOf(p reflect.Value) *cellType {
	if !p.IsValid() || p.IsNil() {
		return nil
	}
	it := p.Elem()
	name, pkg := it.FieldByName("name").String(), it.FieldByName("path").String()
	t := &cellType{}
	if name != "" && pkg != "" {
		// A defined type lives as long as the session: cache it (and
		// store it before filling it in, for recursive types). Other
		// itypes belong to one expression, whose cell they keep alive.
		cache := r.itypes()
		if e, ok := cache.Load(p.Pointer()); ok {
			return e.(itypeEntry).t
		}
		key := pkg + "." + name
		if it.FieldByName("cat").Uint() == yNil || it.FieldByName("incomplete").Bool() {
			// yaegi's placeholder for a type used before its declaration
			// was complete (type Tree struct{ Left *Tree }): the type of
			// that name
			if e, ok := cache.Load(key); ok {
				return e.(itypeEntry).t
			}
		}
		if old, loaded := cache.LoadOrStore(p.Pointer(), itypeEntry{p, t}); loaded {
			return old.(itypeEntry).t
		}
		cache.Store(key, itypeEntry{p, t})
	}
	itypeOf := r.itypeOf
	cat := it.FieldByName("cat").Uint()
	str := it.FieldByName("str").String()
	val, key := it.FieldByName("val"), it.FieldByName("key")
	if cat == yLinked {
		// a defined type over another: keep its name, take its structure
		u := itypeOf(val)
		*t = *u
		t.name, t.internal = "", ""
		if name != "" && pkg != "" {
			t.name, t.internal = goTypeName(pkg, name), name
		}
		return t
	}
	if name != "" && pkg != "" {
		t.name, t.internal = goTypeName(pkg, name), name
	} else if name != "" && !predeclaredType[name] {
		// a type declared inside a function, or an instance of a generic
		// type (Pair[string,int]): yaegi gives it no package
		t.name, t.internal = goTypeName("main", name), name
	}
	t.str = unversion(str)
	switch cat {
	case yBool, yComplex64, yComplex128, yFloat32, yFloat64, yInt, yInt8, yInt16, yInt32, yInt64,
		yString, yUint, yUint8, yUint16, yUint32, yUint64, yUintptr:
		t.kind = kindBasic
		if t.name == "" {
			t.name = name
		}
	case yArray:
		t.kind, t.elem, t.length = kindArray, itypeOf(val), int(it.FieldByName("length").Int())
	case ySlice, yVariadic:
		t.kind, t.elem = kindSlice, itypeOf(val)
	case yMap:
		t.kind, t.key, t.elem = kindMap, itypeOf(key), itypeOf(val)
	case yPtr:
		t.kind, t.elem = kindPointer, itypeOf(val)
	case yChan, yChanSend, yChanRecv:
		t.kind, t.elem = kindChan, itypeOf(val)
		t.dir = map[uint64]reflect.ChanDir{yChan: reflect.BothDir, yChanSend: reflect.SendDir, yChanRecv: reflect.RecvDir}[cat]
	case yFunc:
		t.kind = kindFunc
		args, rets := it.FieldByName("arg"), it.FieldByName("ret")
		for i := 0; i < args.Len(); i++ {
			a := args.Index(i)
			t.in = append(t.in, itypeOf(a))
			t.variadic = a.Elem().FieldByName("cat").Uint() == yVariadic
		}
		for i := 0; i < rets.Len(); i++ {
			t.out = append(t.out, itypeOf(rets.Index(i)))
		}
	case yStruct:
		t.kind = kindStruct
		fs := it.FieldByName("field")
		for i := 0; i < fs.Len(); i++ {
			f := fs.Index(i)
			t.fields = append(t.fields, cellField{
				name:  unversion(f.FieldByName("name").String()),
				embed: f.FieldByName("embed").Bool(),
				typ:   itypeOf(f.FieldByName("typ")),
			})
		}
	case yInterface:
		t.kind = kindInterface
		t.empty = it.FieldByName("field").Len() == 0
	case yError:
		t.kind, t.name = kindInterface, "error"
	case yValue:
		// a compiled type: an interface's dynamic value still counts
		t.kind = kindOpaque
		if strings.HasPrefix(str, "interface") || isCompiledInterface(str) {
			t.kind = kindInterface
		}
	default:
		t.kind = kindOpaque
	}
	return t
}

// isCompiledInterface reports whether a compiled type string names one of
// the interfaces yaegi wraps interpreted values in for fmt.
func isCompiledInterface(s string) bool {
	return s == "fmt.Stringer" || s == "error" || s == "fmt.Formatter" || s == "fmt.GoStringer"
}

// predeclaredType lists the names yaegi gives its predeclared types.
var predeclaredType = map[string]bool{
	"bool": true, "string": true, "error": true, "any": true, "comparable": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true, "byte": true, "rune": true,
}

// goTypeName is the name Go gives a defined type of package pkg.
func goTypeName(pkg, name string) string {
	return unversion(path.Base(pkg) + "." + name)
}

// valueInterfaceName is the name of yaegi's (node, value) pair type.
const valueInterfaceName = "valueInterface"

// cellValue resolves v, a value handed from interpreted code, to the Go
// value it holds and, when known, its type as a cell declared it: yaegi's
// valueInterface pairs give their node's type, its interface wrappers
// their held value and the registered type with their methods.
func (e *Engine) cellValue(v reflect.Value) (reflect.Value, *cellType) {
	var t *cellType
	for v.IsValid() {
		switch {
		case v.Kind() == reflect.Interface:
			if v.IsNil() {
				return reflect.Value{}, t
			}
			v = v.Elem()
			continue
		case isValueInterface(v.Type()):
			if !v.CanAddr() {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				v = c
			}
			nt := e.types.nodeType(v.Field(0))
			if nt != nil && (t == nil || nt.kind != kindInterface) {
				t = nt
			}
			// yaegi's value field is a reflect.Value: the value it holds
			v = readUnexported(v.Field(1)).Interface().(reflect.Value)
			if !v.IsValid() && nt != nil && nt.kind != kindInterface {
				// what yaegi gives for *p with p nil: fail as its call of a
				// compiled function with that value does
				_ = v.Interface()
			}
			continue
		case isYaegiWrapper(v.Type()):
			dt, held, exact := e.types.dynamicType(v)
			if dt == nil {
				return v, nil // compiled code prints it through its methods
			}
			if !exact {
				return v, dt // its methods are the wrapper's
			}
			t, v = dt, held
			continue
		}
		break
	}
	if t != nil && t.kind == kindInterface {
		t = nil // a compiled value in an interface: its Go type is its type
	}
	return v, t
}

// isValueInterface reports whether rt is yaegi's valueInterface.
func isValueInterface(rt reflect.Type) bool {
	return rt.Kind() == reflect.Struct && rt.Name() == valueInterfaceName && strings.HasSuffix(rt.PkgPath(), "yaegi/interp")
}

// isYaegiWrapper reports whether rt is one of the structs yaegi makes an
// interpreted value implement a compiled interface with: its first field
// IValue holds the value, the others (W…) its methods.
// The engine's own wrappers for cell errors (kernel/internal/cellerr) are
// such structs too.
func isYaegiWrapper(rt reflect.Type) bool {
	return rt.Kind() == reflect.Struct && rt.NumField() > 0 && rt.Field(0).Name == "IValue" &&
		(strings.HasPrefix(rt.Name(), "_") && strings.Contains(rt.PkgPath(), "yaegi") ||
			strings.HasSuffix(rt.PkgPath(), "kernel/internal/cellerr"))
}

// readUnexported returns the addressable unexported field f as a value
// whose Interface can be called.
func readUnexported(f reflect.Value) reflect.Value {
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}
