// Package stdgeneric completes yaegi's standard library for cells: the
// generic and iterator parts (slices, maps, cmp, iter, sync.OnceValue,
// atomic.Pointer, …) as interpreted Go source, and the names newer than
// yaegi's go1.22 tables as extra compiled tables generated from the
// toolchain nnbook is built with.
package stdgeneric
