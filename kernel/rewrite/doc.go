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
//  5. bounds — index and slice expressions check their bounds first and panic with Go's runtime error
//  6. builtins — the builtins min, max and clear call the session's helpers
//  7. panics — panic(v) keeps the line of the call; recover() returns what Go's would: the value passed to panic, a runtime.Error for a run-time panic
//  8. vargeneric — var x = min(…) inside functions becomes x := min(…)
//  9. mainrename — identifiers named main are renamed, so that yaegi never runs a func main by itself
//
// A pass sees the session only through Session (which names a cell
// defined, which hold integers, which builtins are rewritten), so each can
// be tested on its own. A test checks this list against Passes.
package rewrite
