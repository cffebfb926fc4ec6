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
//  1. loopvar — loop variables captured in the body get one copy per iteration (Go 1.22)
//  2. gostmt — a go statement runs through the engine's helper, which recovers its panic and names it when an interrupt cannot stop it
//  3. rangeint — range over an integer becomes a three-clause loop
//  4. mapindex — a comma-ok map read that misses sets the zero value
//  5. builtins — the builtins min, max and clear call the session's helpers
//  6. vargeneric — var x = min(…) inside functions becomes x := min(…)
//  7. errorconv — error(x), var e error = x and errors.Join's arguments make a cell value an error through the engine's helper
//  8. errorequal — a comparison of err or a sentinel ErrX with another value compares the cell errors inside yaegi's wrappers
//  9. typeswitch — a type switch with a case error becomes an expression switch whose error case the engine's helper decides
//  10. errorself — a method Error gets a hidden twin that returns its receiver, so that errors.As and errors.Is see a struct value whole
//  11. mainrename — identifiers named main are renamed, so that yaegi never runs a func main by itself
//
// A pass sees the session only through Session (which names a cell
// defined, which hold integers, which builtins are rewritten), so each can
// be tested on its own. A test checks this list against Passes.
package rewrite
