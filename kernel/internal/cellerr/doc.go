// Package cellerr makes the errors of cells visible to the standard
// library's errors functions.
//
// yaegi v0.16.1 hands a value of a type declared in a cell to compiled code
// that expects an error inside a wrapper of its own: a struct whose first
// field, IValue, holds the value (for a pointer; for a struct value, yaegi
// keeps only its last field there) and whose other fields, W<Method>, hold
// the type's methods as functions. Its wrapper for error has only Error, so
// compiled errors.Is, As and Unwrap see neither the cell type nor its
// Unwrap, Is and As methods.
//
// The package closes this from outside:
//
//   - Wrappers lists wrapper types that also carry Unwrap, Is and As (and the
//     hidden method Self that the kernel's rewrite adds to every cell type
//     with an Error method), for yaegi to choose from (interp.Exports'
//     MapTypes), so the methods reach compiled code;
//   - Is, As and Unwrap follow Go's errors package on those wrappers, and
//     compare and assign the cell value inside them rather than the wrapper.
package cellerr
