// Package cellerr makes the errors of cells visible to the standard
// library's errors functions, to type switches and to comparisons.
//
// yaegi v0.16.1 hands a value of a type declared in a cell to compiled code
// that expects an error inside a wrapper of its own: a struct whose first
// field, IValue, holds the value (for a pointer; for a struct value, yaegi
// keeps only its last field there) and whose other fields, W<Method>, hold
// the type's methods as functions. Its wrapper for error has only Error, so
// compiled errors.Is, As and Unwrap see neither the cell type nor its
// Unwrap, Is and As methods, and two such wrappers cannot be compared.
//
// The package closes this from outside, with the kernel's rewrite passes
// (kernel/rewrite: errorconv, errorequal, typeswitch, errorself):
//
//   - Wrappers lists wrapper types that also carry Unwrap, Is and As, and the
//     hidden method that returns the cell value whole (SelfMethod), for yaegi
//     to choose from (interp.Exports' MapTypes), and makes fmt's functions
//     take a cell error as an error (Errorf's %w, Println);
//   - Value gives the cell value inside a wrapper, Whole a wrapper whose
//     IValue is that value; Is, As and Unwrap follow Go's errors package on
//     the wrappers, Equal compares two errors as Go's == does;
//   - Registry knows which cell types are errors, to answer a type switch's
//     `case error:` (and the Unwrap interfaces) for a value held as an any.
//
// Value is the one place that knows where a cell value sits in a wrapper:
// other parts of the kernel that print or inspect cell errors use it.
package cellerr
