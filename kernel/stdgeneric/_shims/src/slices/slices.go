// Package slices is nnbook's interpreted version of the standard package
// slices for cells (yaegi's compiled tables cannot hold generic functions).
// It follows GOROOT/src/slices; the sorts call package sort, whose
// algorithms are the same as those of slices, so equal elements end in the
// same order as under go run.
//
// yaegi cannot infer E from a type parameter S ~[]E, so the functions take
// and return []E: a named slice type is accepted, and the result has type
// []E rather than the named type.
package slices

// ordered, cmpLess and cmpCompare repeat package cmp's Ordered, Less and
// Compare: yaegi v0.16.1 recurses without end when a generic function of one
// interpreted package calls a generic function of another.
type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

func isNaN[E ordered](x E) bool { return x != x }

func cmpLess[E ordered](x, y E) bool { return (isNaN(x) && !isNaN(y)) || x < y }

func cmpCompare[E ordered](x, y E) int {
	xNaN, yNaN := isNaN(x), isNaN(y)
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

// Equal reports whether two slices are equal: the same length and all
// elements equal.
func Equal[E comparable](s1, s2 []E) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether two slices are equal using an equality
// function on each pair of elements.
func EqualFunc[E1, E2 any](s1 []E1, s2 []E2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements of s1 and s2, using cmp.Compare on each
// pair of elements.
func Compare[E ordered](s1, s2 []E) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmpCompare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc is like Compare but uses a custom comparison function.
func CompareFunc[E1, E2 any](s1 []E1, s2 []E2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index returns the index of the first occurrence of v in s, or -1.
func Index[E comparable](s []E, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1.
func IndexFunc[E any](s []E, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is present in s.
func Contains[E comparable](s []E, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[E any](s []E, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert inserts the values v... into s at index i, returning the modified
// slice.
func Insert[E any](s []E, i int, v ...E) []E {
	_ = s[i:] // bounds check
	m := len(v)
	if m == 0 {
		return s
	}
	n := len(s)
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		s2 := append(s[:i], make([]E, n+m-i)...)
		copy(s2[i:], v)
		copy(s2[i+m:], s[i:])
		return s2
	}
	v = append([]E(nil), v...) // v may alias s
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], v)
	return s
}

// Delete removes the elements s[i:j] from s, returning the modified slice,
// and zeroes the elements between the new length and the original length.
func Delete[E any](s []E, i, j int) []E {
	_ = s[i:j:len(s)] // bounds check
	if i == j {
		return s
	}
	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	zeroTail(s, oldlen)
	return s
}

// zeroTail zeroes s[len(s):oldlen], as clear does.
func zeroTail[E any](s []E, oldlen int) {
	var zero E
	full := s[:oldlen]
	for k := len(s); k < oldlen; k++ {
		full[k] = zero
	}
}

// DeleteFunc removes any elements from s for which del returns true,
// returning the modified slice.
func DeleteFunc[E any](s []E, del func(E) bool) []E {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	oldlen := len(s)
	s = s[:i]
	zeroTail(s, oldlen)
	return s
}

// Replace replaces the elements s[i:j] by the given v, and returns the
// modified slice.
func Replace[E any](s []E, i, j int, v ...E) []E {
	_ = s[i:j] // bounds check
	if i == j {
		return Insert(s, i, v...)
	}
	if j == len(s) {
		s2 := append(s[:i], v...)
		if len(s2) < len(s) {
			zeroTail(s2, len(s))
		}
		return s2
	}
	tot := len(s[:i]) + len(v) + len(s[j:])
	if tot > cap(s) {
		s2 := append(s[:i], make([]E, tot-i)...)
		copy(s2[i:], v)
		copy(s2[i+len(v):], s[j:])
		return s2
	}
	r := append([]E(nil), s[:i]...)
	r = append(r, v...)
	r = append(r, s[j:]...)
	oldlen := len(s)
	s = s[:tot]
	copy(s, r)
	if tot < oldlen {
		zeroTail(s, oldlen)
	}
	return s
}

// Clone returns a copy of the slice. The elements are copied using
// assignment, so this is a shallow clone. The result may have additional
// unused capacity.
func Clone[E any](s []E) []E {
	if s == nil {
		return nil
	}
	return append([]E{}, s...)
}

// Compact replaces consecutive runs of equal elements with a single copy.
func Compact[E comparable](s []E) []E {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if s[k] == s[k-1] {
			s2 := s[k:]
			for k2 := 1; k2 < len(s2); k2++ {
				if s2[k2] != s2[k2-1] {
					s[k] = s2[k2]
					k++
				}
			}
			zeroTail(s[:k], len(s))
			return s[:k]
		}
	}
	return s
}

// CompactFunc is like Compact but uses an equality function to compare
// elements.
func CompactFunc[E any](s []E, eq func(E, E) bool) []E {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if eq(s[k], s[k-1]) {
			s2 := s[k:]
			for k2 := 1; k2 < len(s2); k2++ {
				if !eq(s2[k2], s2[k2-1]) {
					s[k] = s2[k2]
					k++
				}
			}
			zeroTail(s[:k], len(s))
			return s[:k]
		}
	}
	return s
}

// Grow increases the slice's capacity, if necessary, to guarantee space for
// another n elements.
func Grow[E any](s []E, n int) []E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes unused capacity from the slice, returning s[:len(s):len(s)].
func Clip[E any](s []E) []E {
	return s[:len(s):len(s)]
}

// Reverse reverses the elements of the slice in place.
func Reverse[E any](s []E) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns a new slice concatenating the passed in slices.
//
// yaegi cannot infer E from a variadic parameter alone, so the first slice
// is a parameter of its own: Concat(a, b, c) works, Concat(parts...) does
// not compile in a cell.
func Concat[E any](first []E, rest ...[]E) []E {
	size := len(first)
	for _, s := range rest {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	newslice := Grow([]E(nil), size)
	newslice = append(newslice, first...)
	for _, s := range rest {
		newslice = append(newslice, s...)
	}
	return newslice
}

// Repeat returns a new slice that repeats the provided slice the given
// number of times.
func Repeat[E any](x []E, count int) []E {
	if count < 0 {
		panic("cannot be negative")
	}
	newslice := make([]E, len(x)*count)
	n := copy(newslice, x)
	for n < len(newslice) {
		n += copy(newslice[n:], newslice[:n])
	}
	return newslice
}
