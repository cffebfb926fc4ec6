package kernel

import (
	"cmp"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

// fmt on values of cell types, as Go's fmt prints them.
//
// The pass fmtargs (kernel/rewrite) hands every argument of the fmt print
// functions to the runtime's Fmt with the node of its expression (see
// celltype.go). Fmt returns a value of a compiled type as it is, and any
// other as a cellArg: a fmt.Formatter that prints the value the way fmt's
// printValue does, with what yaegi loses put back — the Go names of cell
// types (%T, %#v: main.Rect), their String, Error, GoString and Format
// methods at every depth (elements of slices, arrays and maps, struct
// fields, pointers), and fields under their own names. Leaves (numbers,
// strings, compiled values) are printed by fmt itself with the verb and
// flags of the directive (fmt.FormatString), so widths, precisions and bad
// verbs come out as Go prints them.

// cellArg is an argument of a fmt print function whose type a cell made.
type cellArg struct {
	e *Engine
	v reflect.Value
	t *cellType
}

// fmtArg converts one argument handed over by the rewritten call (a
// one-element []__nnany) to what the fmt function gets.
func (e *Engine) fmtArg(a interface{}) interface{} {
	rv := reflect.ValueOf(a)
	if rv.Kind() == reflect.Slice && rv.Len() == 1 {
		rv = rv.Index(0)
	}
	return e.fmtValue(rv)
}

// fmtValue converts a value handed over by interpreted code. Every value
// becomes a cellArg, even one fmt would print right, since %T directives
// reach only Formatters as typeVerb (fmtFormat).
func (e *Engine) fmtValue(rv reflect.Value) interface{} {
	v, t := e.cellValue(rv)
	if v.CanAddr() && v.CanInterface() {
		// yaegi hands over the variable (or the call's result) itself; the
		// argument is its value now (a deferred call prints it later)
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	return cellArg{e, v, t}
}

// typeVerb stands for %T in a format handed to fmt (fmtFormat): fmt prints
// %T itself from the argument's Go type, but passes any other verb to the
// argument's Format method.
const typeVerb = '\uE054'

// fmtFormat returns format with the verb of every %T directive replaced by
// typeVerb.
func fmtFormat(format string) string {
	if !strings.Contains(format, "T") {
		return format
	}
	b := []byte(format)
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		i++
		// flags, argument indexes, widths and precisions come before the verb
		for i < len(b) && strings.IndexByte("+-# 0123456789.*[]", b[i]) >= 0 {
			i++
		}
		if i < len(b) && b[i] == 'T' {
			return string(b[:i]) + string(typeVerb) + fmtFormat(string(b[i+1:]))
		}
	}
	return format
}

// hasInterpretedParts reports whether a value of unknown cell type holds
// yaegi's pairs or wrappers (a []interface{} filled by interpreted code).
func hasInterpretedParts(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if k := v.Type().Elem().Kind(); k == reflect.Interface || k == reflect.Struct && isValueInterface(v.Type().Elem()) {
			for i := 0; i < v.Len() && i < 1000; i++ {
				x := v.Index(i)
				if x.Kind() == reflect.Interface {
					x = x.Elem()
				}
				if x.IsValid() && (isValueInterface(x.Type()) || isYaegiWrapper(x.Type())) {
					return true
				}
			}
		}
	case reflect.Struct:
		return isValueInterface(v.Type())
	}
	return false
}

// printArg converts one argument of Print, Sprint, Fprint or Append, which
// put spaces between operands when neither is a string: a string stays
// one, unless its cell type has methods fmt calls.
func (e *Engine) printArg(a interface{}) interface{} {
	return e.printOperand(e.fmtArg(a).(cellArg))
}

// printOperand is printArg's conversion of a value fmtValue converted.
func (e *Engine) printOperand(ca cellArg) interface{} {
	if !ca.v.IsValid() || ca.v.Kind() != reflect.String {
		return ca
	}
	switch {
	case (ca.t == nil || ca.t.kind == kindOpaque) && ca.v.CanInterface():
		return ca.v.Interface() // compiled: fmt sees its own methods
	case !e.types.hasFmtMethods(ca.v, ca.t):
		return ca.v.String()
	}
	return ca
}

// fmtSlice converts the elements of a slice spread into a fmt call (xs...).
func (e *Engine) fmtSlice(xs interface{}) []interface{} {
	rv := reflect.ValueOf(xs)
	if rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]interface{}, rv.Len())
	for i := range out {
		out[i] = e.fmtValue(rv.Index(i))
	}
	return out
}

// fmtPrintSlice converts the operands of Print, Sprint, Fprint or Append
// given as a slice (the results of a call, or xs...) as printArg converts
// one: a string stays a string, so they put spaces where Go's do.
func (e *Engine) fmtPrintSlice(xs interface{}) []interface{} {
	rv := reflect.ValueOf(xs)
	if rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]interface{}, rv.Len())
	for i := range out {
		out[i] = e.printOperand(e.fmtValue(rv.Index(i)).(cellArg))
	}
	return out
}

// Format prints the argument as fmt would print a value of its Go type.
func (a cellArg) Format(f fmt.State, verb rune) {
	p := &cellPrinter{e: a.e, f: f, verb: verb, sharpV: verb == 'v' && f.Flag('#'), plusV: verb == 'v' && f.Flag('+')}
	if !a.v.IsValid() {
		switch verb {
		case 'v', 'T', typeVerb:
			p.leaf(fmt.FormatString(f, 's'), "<nil>")
		default:
			p.write("%!" + string(verb) + "(<nil>)")
		}
		return
	}
	switch verb {
	case 'T', typeVerb:
		p.leaf(strings.Replace(fmt.FormatString(f, 's'), string(typeVerb), "s", 1), a.typeString())
		return
	case 'p':
		p.leaf(fmt.FormatString(f, verb), a.v.Interface())
		return
	}
	p.print(a.v, a.t, 0)
}

// typeString is the argument's type as %T prints it.
func (a cellArg) typeString() string {
	v, t := a.v, a.t
	if t == nil || t.kind == kindInterface {
		v, t = dynamic(a.e, v, t)
	}
	if t != nil && t.kind != kindOpaque {
		return t.String()
	}
	if !v.IsValid() {
		return "<nil>"
	}
	return unversion(v.Type().String())
}

// dynamic resolves a value in an interface to its dynamic value and type.
func dynamic(e *Engine, v reflect.Value, t *cellType) (reflect.Value, *cellType) {
	dv, dt := e.cellValue(v)
	if dt == nil || dt.kind == kindInterface {
		return dv, nil
	}
	return dv, dt
}

// cellPrinter prints one argument, like fmt's pp.printValue.
type cellPrinter struct {
	e             *Engine
	f             fmt.State
	verb          rune
	sharpV, plusV bool
}

func (p *cellPrinter) write(s string) { p.f.Write([]byte(s)) }

// leaf prints x with the directive format (one of fmt's own).
func (p *cellPrinter) leaf(format string, x interface{}) { fmt.Fprintf(p.f, format, x) }

// print prints v of cell type t (nil: v's Go type) at depth.
func (p *cellPrinter) print(v reflect.Value, t *cellType, depth int) {
	static := t
	if (t == nil || t.kind == kindInterface) && v.IsValid() {
		var dt *cellType
		v, dt = dynamic(p.e, v, t)
		if dt != nil || t != nil && t.kind == kindInterface {
			t = dt
		}
	}
	if !v.IsValid() {
		switch {
		case p.sharpV && static != nil:
			p.write(static.String() + "(nil)")
		case p.verb == 'v':
			p.write("<nil>")
		default:
			p.write("%!" + string(p.verb) + "(<nil>)")
		}
		return
	}
	if !t.hasCellParts() {
		if v.Kind() == reflect.Interface || isValueInterface(v.Type()) || isYaegiWrapper(v.Type()) || hasInterpretedParts(v) {
			p.printUntyped(v, depth)
			return
		}
		// nothing a cell declared: fmt prints it right (at this depth, a
		// pointer as its address)
		if depth > 0 && v.Kind() == reflect.Pointer {
			p.pointer(v, &cellType{kind: kindOpaque, str: v.Type().String()})
			return
		}
		p.leaf(fmt.FormatString(p.f, p.verb), v.Interface())
		return
	}
	if p.methods(v, t) {
		return
	}
	if isYaegiWrapper(v.Type()) {
		p.leaf(fmt.FormatString(p.f, p.verb), v.Interface())
		return
	}
	switch t.kind {
	case kindBasic:
		p.leaf(fmt.FormatString(p.f, p.verb), basicValue(v))
	case kindStruct:
		p.printStruct(v, t, depth)
	case kindSlice, kindArray:
		p.printList(v, t, depth)
	case kindMap:
		p.printMap(v, t, depth)
	case kindPointer:
		if depth == 0 && !v.IsNil() {
			switch t.elem.kind {
			case kindStruct, kindSlice, kindArray, kindMap:
				p.write("&")
				p.print(v.Elem(), t.elem, depth+1)
				return
			}
		}
		p.pointer(v, t)
	case kindFunc, kindChan:
		p.pointer(v, t)
	default:
		p.leaf(fmt.FormatString(p.f, p.verb), v.Interface())
	}
}

// printUntyped prints a value whose cell type is unknown but which holds
// interpreted values (a []interface{} of yaegi's pairs).
func (p *cellPrinter) printUntyped(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		t := &cellType{kind: kindSlice, elem: &cellType{kind: kindInterface, empty: true}}
		if v.Kind() == reflect.Array {
			t.kind, t.length = kindArray, v.Len()
		}
		p.printList(v, t, depth)
	default:
		p.leaf(fmt.FormatString(p.f, p.verb), v.Interface())
	}
}

// methods calls the value's Format, GoString, Error or String method as
// fmt's handleMethods does, and reports whether it printed.
func (p *cellPrinter) methods(v reflect.Value, t *cellType) (handled bool) {
	method := func(name string) (func(args ...reflect.Value) []reflect.Value, bool) {
		return p.e.types.method(v, t, name)
	}
	if isYaegiWrapper(v.Type()) {
		// yaegi's wrapper of a value it holds only in part: its methods
		method = func(name string) (func(args ...reflect.Value) []reflect.Value, bool) {
			m := v.MethodByName(name)
			return func(args ...reflect.Value) []reflect.Value { return m.Call(args) }, m.IsValid()
		}
	}
	if call, ok := method("Format"); ok {
		defer p.catch(v, "Format", &handled)
		call(reflect.ValueOf(p.f), reflect.ValueOf(p.verb))
		return true
	}
	if p.sharpV {
		if call, ok := method("GoString"); ok {
			defer p.catch(v, "GoString", &handled)
			s := call()[0].String()
			p.leaf(fmt.FormatString(p.f, 's'), s)
			return true
		}
		return false
	}
	switch p.verb {
	case 'v', 's', 'x', 'X', 'q':
	default:
		return false
	}
	for _, name := range []string{"Error", "String"} {
		if call, ok := method(name); ok {
			defer p.catch(v, name, &handled)
			s := call()[0].String()
			p.leaf(fmt.FormatString(p.f, p.verb), s)
			return true
		}
	}
	return false
}

// catch turns a panic of a method into fmt's text for it (fmt's
// catchPanic): "<nil>" for a nil receiver, else %!v(PANIC=String method: …).
func (p *cellPrinter) catch(v reflect.Value, method string, handled *bool) {
	r := recover()
	if r == nil {
		return
	}
	*handled = true
	if _, ok := r.(nilReceiver); ok || v.Kind() == reflect.Pointer && v.IsNil() {
		p.write("<nil>")
		return
	}
	p.write("%!" + string(p.verb) + "(PANIC=" + method + " method: " + fmt.Sprint(r) + ")")
}

func (p *cellPrinter) sep() {
	if p.sharpV {
		p.write(", ")
	} else {
		p.write(" ")
	}
}

func (p *cellPrinter) close() {
	if p.sharpV {
		p.write("}")
	} else {
		p.write("]")
	}
}

func (p *cellPrinter) printStruct(v reflect.Value, t *cellType, depth int) {
	if p.sharpV {
		p.write(t.String())
	}
	p.write("{")
	for i := 0; i < v.NumField() && i < len(t.fields); i++ {
		if i > 0 {
			p.sep()
		}
		f := t.fields[i]
		if p.plusV || p.sharpV {
			name := f.name
			if f.embed {
				name = embeddedName(f.typ)
			}
			p.write(name + ":")
		}
		p.print(v.Field(i), f.typ, depth+1)
	}
	p.write("}")
}

// embeddedName is the field name of an embedded type: its name without
// package (and without a pointer).
func embeddedName(t *cellType) string {
	if t.kind == kindPointer && t.name == "" {
		t = t.elem
	}
	s := t.String()
	if i := strings.LastIndex(s, "."); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func (p *cellPrinter) printList(v reflect.Value, t *cellType, depth int) {
	switch p.verb {
	case 's', 'q', 'x', 'X':
		if t.elem.kind == kindBasic && v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			p.leaf(fmt.FormatString(p.f, p.verb), b)
			return
		}
	}
	if p.sharpV {
		p.write(t.String())
		if v.Kind() == reflect.Slice && v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
	} else {
		p.write("[")
	}
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			p.sep()
		}
		p.print(v.Index(i), t.elem, depth+1)
	}
	p.close()
}

func (p *cellPrinter) printMap(v reflect.Value, t *cellType, depth int) {
	if p.sharpV {
		p.write(t.String())
		if v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
	} else {
		p.write("map[")
	}
	for i, k := range sortedKeys(v) {
		if i > 0 {
			p.sep()
		}
		p.print(k, t.key, depth+1)
		p.write(":")
		p.print(v.MapIndex(k), t.elem, depth+1)
	}
	if p.sharpV {
		p.write("}")
	} else {
		p.write("]")
	}
}

// pointer prints a pointer, func or channel as fmt's fmtPointer does.
func (p *cellPrinter) pointer(v reflect.Value, t *cellType) {
	if p.sharpV {
		p.write("(" + t.String() + ")(")
		if v.IsNil() {
			p.write("nil")
		} else {
			p.write("0x" + strconv.FormatUint(uint64(v.Pointer()), 16))
		}
		p.write(")")
		return
	}
	// fmt prints an unsafe.Pointer as it prints any pointer below the top
	// level: its address (a pointer to a struct given as it is would be
	// &{…})
	p.leaf(fmt.FormatString(p.f, p.verb), unsafe.Pointer(v.Pointer()))
}

// basicValue returns v as its basic Go type (yaegi's values of cell types
// already are).
func basicValue(v reflect.Value) interface{} {
	if v.CanInterface() {
		return v.Interface()
	}
	return readUnexportedCopy(v).Interface()
}

// readUnexportedCopy returns a copy of v that can be read with Interface.
func readUnexportedCopy(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Bool:
		c.SetBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.SetInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.SetUint(v.Uint())
	case reflect.Float32, reflect.Float64:
		c.SetFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c.SetComplex(v.Complex())
	case reflect.String:
		c.SetString(v.String())
	}
	return c
}

// sortedKeys returns a map's keys in the order fmt prints them
// (internal/fmtsort): numbers, strings and booleans by value, pointers and
// channels by address, structs and arrays element by element.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	sort.SliceStable(keys, func(i, j int) bool { return compareKeys(keys[i], keys[j]) < 0 })
	return keys
}

func compareKeys(a, b reflect.Value) int {
	if a.Kind() == reflect.Interface || b.Kind() == reflect.Interface {
		if a.Kind() == reflect.Interface {
			a = a.Elem()
		}
		if b.Kind() == reflect.Interface {
			b = b.Elem()
		}
		switch {
		case !a.IsValid() && !b.IsValid():
			return 0
		case !a.IsValid():
			return -1
		case !b.IsValid():
			return 1
		case a.Type() != b.Type():
			return strings.Compare(a.Type().String(), b.Type().String())
		}
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		if c := cmp.Compare(real(a.Complex()), real(b.Complex())); c != 0 {
			return c
		}
		return cmp.Compare(imag(a.Complex()), imag(b.Complex()))
	case reflect.Bool:
		switch {
		case a.Bool() == b.Bool():
			return 0
		case a.Bool():
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
	}
	return 0
}

// fmtSymbols are the runtime helpers of the pass fmtargs and of the type
// registrations (celltypes.go).
func (e *Engine) fmtSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Fmt":           reflect.ValueOf(e.fmtArg),
		"FmtSlice":      reflect.ValueOf(e.fmtSlice),
		"FmtFormat":     reflect.ValueOf(fmtFormat),
		"FmtPrint":      reflect.ValueOf(e.printArg),
		"FmtPrintSlice": reflect.ValueOf(e.fmtPrintSlice),
		"CellType": reflect.ValueOf(func(zero interface{}, methods ...interface{}) {
			rv := reflect.ValueOf(zero)
			if rv.Kind() == reflect.Slice && rv.Len() == 1 {
				e.types.register(e, []reflect.Value{rv.Index(0)}, methods)
			}
		}),
	}
}
