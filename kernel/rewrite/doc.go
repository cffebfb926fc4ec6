// Package rewrite holds the source rewrites that make yaegi v0.16.1 run a
// cell as Go does. The engine (package kernel) parses each piece of a cell,
// asks every pass of Passes, in order, for its edits of the piece's text,
// checks that no two edits overlap, and applies them before yaegi sees the
// code. Each pass is one file; what it gets wrong in yaegi and what the
// rewritten code looks like is written at the top of that file, and
// testdata/<pass>.txt holds its before/after golden cases.
//
// The passes, in the order of the table:
//
//  1. loopvar — loop variables captured in the body get one copy per iteration (Go 1.22); a statement at a cell's top level that declares something in its blocks runs inside a function literal, so those names are the block's
//  2. gostmt — a go statement runs through the engine's helper, which recovers its panic and names it when an interrupt cannot stop it
//  3. deferbind — a defer statement binds its function value, receiver and arguments when it runs
//  4. methodvalue — a method value copies its receiver when evaluated; a method expression becomes a function literal
//  5. rangeint — range over an integer becomes a three-clause loop
//  6. rangefunc — range over a function becomes a call of the iterator with the body as its yield function
//  7. mapindex — a comma-ok map read that misses sets the zero value
//  8. constlit — untyped float constants of compiled packages in constant declarations are written as their values
//  9. fieldtags — unexported fields of struct types get the tags json:"-" and xml:"-" (yaegi exports them under an X prefix)
//  10. coretypes — a type parameter constrained by ~map[K]V or ~[]E and used only as a parameter's type becomes that type
//  11. typeargs — a generic call gets its type arguments written out when Go's inference from the arguments' written types gives them all (yaegi infers by position)
//  12. bounds — index and slice expressions check their bounds first and panic with Go's runtime error
//  13. builtins — the builtins min, max and clear call the session's helpers
//  14. panics — panic(v) keeps the line of the call; recover() returns what Go's would: the value passed to panic, a runtime.Error for a run-time panic
//  15. vargeneric — var x = min(…) inside functions becomes x := min(…)
//  16. errorconv — error(x), var e error = x and errors.Join's arguments make a cell value an error through the engine's helper
//  17. errorequal — a comparison of err or a sentinel ErrX with another value compares the cell errors inside yaegi's wrappers
//  18. errorassert — a type assertion of a value the code shows is an error asserts on the cell value made whole
//  19. typeswitch — a type switch with a case error, or on an error, becomes an expression switch whose error cases the engine's helpers decide
//  20. errorself — a method Error gets a hidden twin that returns its receiver, so that errors.As and errors.Is see a struct value whole
//  21. mainrename — identifiers named main are renamed, so that yaegi never runs a func main by itself
//  22. anyequal — a comparison of a value the code shows is an any, and a key of a map with keys of type any, use the cell values inside yaegi's pairs
//  23. fmtargs — the arguments of fmt's print functions carry their cell types, so fmt prints them as Go does
//  24. faults — an integer division, an assignment to a map and a pointer dereference check their operand first, so that the panic names their line
//  25. switchcases — a case of a switch without a tag that lists several conditions tests them all: the commas become ||
//  26. constfold — a typed constant declared with literals, iota and arithmetic gets its integer value written out (yaegi keeps it untyped, or loops); in a declaration with a spec of several names, iota is written as its value and repeated specs are written out
//  27. unions — a union written as a type parameter's constraint (T Integer | Float) becomes an interface, which yaegi checks whole
//  28. results — named results start from their zero values at every call (yaegi starts them from the last call's values at a call site in a loop)
//  29. fallthrough — an empty case reached by a fallthrough gets an empty block (yaegi's compiler panics on it)
//  30. parallel — an assignment of several values to names of which one may be an interface, or of nil with other values, assigns them one at a time (yaegi drops some, or panics)
//  31. fieldvalue — the value of an assignment to a field that is an operation gets parentheses (yaegi silently ended the program when the field was an interface of a compiled struct)
//  32. rangechans — a range over a slice or map of channels ranges over its keys and reads each element (yaegi's range panicked)
//  33. errorappend — a cell value appended to a []error is made an error by a function's return (yaegi's wrapper kept the loop's variable: every element the last value)
//  34. shiftconst — the untyped constant shifted by a variable gets the type of the other operand, as in Go (w&(1<<i) with w a uint64; yaegi made it an int and panicked)
//  35. anyconv — the conversion any(x), and a composite literal an any gets by a declaration, an assignment or a return, keep the type of a cell value, as an argument of type any does
//  36. typeassert — a comma-ok type assertion to a cell type tells cell types with methods apart, as the engine's CaseIs does for a type switch
//  37. printstderr — the builtins print and println write to the cell's stderr, formatted as Go's runtime does
//  38. zeroresults — a function declaration's results start at their zero values on every call (yaegi starts them with the value its call site last got)
//  39. deferguard — a deferred function literal that panics lets the function's other deferred calls run and recover its panic, through the engine's guard
//  40. ifaceassert — a comma-ok type assertion to an interface a cell declares becomes a type switch with that case (yaegi's assertion panicked once a call had held the result)
//
// After the passes, a unit of declarations gets its package-level variables
// into Go's initialization order (initorder.go: InitOrder finds the moves,
// ApplyMoves makes them together with the passes' edits, keeping positions).
//
// A pass sees the session only through Session (which names a cell
// defined, which hold integers, which builtins are rewritten, the types of
// its functions and variables, which methods cells declared), so each can
// be tested on its own. A test checks this list against Passes.
package rewrite
