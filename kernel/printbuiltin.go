package kernel

import (
	"fmt"
	"reflect"
	"strconv"
)

// The builtins print and println (the rewrite pass printstderr): Go's
// runtime writes them to standard error, so they go to the cell's stderr
// stream, formatted as runtime.printany's cases do for each kind.

// printBuiltin writes its operands as print does (no separators), or as
// println does (spaces between, a newline after) when ln is set.
func printBuiltin(ln bool, args []interface{}) {
	var b []byte
	for i, a := range args {
		if ln && i > 0 {
			b = append(b, ' ')
		}
		b = appendPrint(b, a)
	}
	if ln {
		b = append(b, '\n')
	}
	capture.write(Stderr, b)
}

// appendPrint appends v as the runtime prints an operand of v's type: a
// named type as its underlying value, floats in the shortest form, a
// pointer, map, channel or function as its address, a slice as
// [len/cap]address. A nil interface prints as its two zero words.
func appendPrint(b []byte, v interface{}) []byte {
	if v == nil {
		return append(b, "(0x0,0x0)"...)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return strconv.AppendBool(b, rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, rv.Uint(), 10)
	case reflect.Float32:
		return strconv.AppendFloat(b, rv.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.AppendFloat(b, rv.Float(), 'g', -1, 64)
	case reflect.Complex64:
		return append(b, strconv.FormatComplex(rv.Complex(), 'g', -1, 64)...)
	case reflect.Complex128:
		return append(b, strconv.FormatComplex(rv.Complex(), 'g', -1, 128)...)
	case reflect.String:
		return append(b, rv.String()...)
	case reflect.Pointer, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func:
		return appendHex(b, uint64(rv.Pointer()))
	case reflect.Slice:
		b = fmt.Appendf(b, "[%d/%d]", rv.Len(), rv.Cap())
		return appendHex(b, uint64(rv.Pointer()))
	}
	// Go rejects other operands at compile time ("illegal types for
	// operand: print"); yaegi's print shows them with %v.
	return fmt.Append(b, v)
}

// appendHex appends p as the runtime's printhex does: 0x and lower-case
// hex digits.
func appendHex(b []byte, p uint64) []byte {
	return strconv.AppendUint(append(b, "0x"...), p, 16)
}
