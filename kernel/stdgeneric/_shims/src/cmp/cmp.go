// Package cmp is nnbook's interpreted copy of the standard package cmp for
// cells (yaegi's compiled tables cannot hold generic functions). It follows
// GOROOT/src/cmp/cmp.go.
package cmp

// Ordered is a constraint that permits any ordered type: any type that
// supports the operators < <= >= >.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x is less than y. A NaN is less than any non-NaN,
// and -0.0 is not less than (is equal to) 0.0.
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare returns -1 if x is less than y, 0 if x equals y, +1 if x is
// greater than y. A NaN is less than any non-NaN and equal to a NaN.
func Compare[T Ordered](x, y T) int {
	xNaN := isNaN(x)
	yNaN := isNaN(y)
	if xNaN {
		if yNaN {
			return 0
		}
		return -1
	}
	if yNaN {
		return +1
	}
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}

func isNaN[T Ordered](x T) bool {
	return x != x
}

// Or returns the first of its arguments that is not equal to the zero
// value. If no argument is non-zero, it returns the zero value.
//
// yaegi cannot infer T from a variadic parameter alone, so the first value
// is a parameter of its own: Or(a, b, c) works, Or(vals...) does not compile
// in a cell.
func Or[T comparable](first T, vals ...T) T {
	var zero T
	if first != zero {
		return first
	}
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
