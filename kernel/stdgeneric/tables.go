package stdgeneric

import "reflect"

// Symbols holds the generated tables: the exported non-generic names of the
// standard library of the toolchain nnbook is built with (Go 1.26) that
// yaegi's go1.22 tables lack, in the form interp.Use expects. The files
// go1_*_extra_*.go fill it in their init funcs; Stdlib merges it over yaegi's
// tables.
var Symbols = map[string]map[string]reflect.Value{}

// Run `go generate ./kernel/stdgeneric/` after changing the toolchain.
//go:generate go run ./internal/genextra -name stdgeneric
