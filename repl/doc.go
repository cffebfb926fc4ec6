// Package repl is nnbook's terminal front end: an interactive Go prompt on
// the kernel engine, with nnlib and nnlib/plot preloaded.
//
// At a terminal it edits lines with github.com/chzyer/readline (Emacs keys,
// Ctrl-R reverse search, history kept in ~/.nnbook_history or
// $NNBOOK_HISTORY), continues unfinished entries on a "..." prompt with the
// indentation the engine suggests, completes names with Tab, prints each
// value with its type ("9 // int"), writes figures to ./nnbook-plots and
// interrupts a running entry on Ctrl-C while keeping every variable.
//
// Lines starting with ':' are meta commands (:help, :doc, :vars, :reset,
// :load, :save, :quit); everything else is Go.
//
// When standard input is not a terminal, the input is run as a script: it is
// split into entries exactly as the prompt would split it, values and output
// are printed as at the prompt, and the run stops with exit status 1 at the
// first failing entry, naming its line ("line 7: undefined: x"). So
//
//	nnbook < script.go
//
// works in pipelines. The one entry point is Main, which cmd/nnbook calls.
package repl
