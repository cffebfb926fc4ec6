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
//
// # Speed
//
// Measured on the project's 2-core shared machine (load average about 9)
// with
//
//	go test -run XXX -bench . -benchtime 20x -count 3 ./cmd/nnbook/
//
// which drives the built binary through a pseudo-terminal: start to the
// first prompt 13–14 ms (goal: under 50 ms; the engine loads in the
// background while the prompt shows), start to the value of a first "1+1"
// 25–28 ms; a 10,000-step training loop typed at the prompt as an
// interpreted for loop calling the one-step Train of nnlib.WorkedExample()
// 29–30 ms, against the seed's pure-Python 38 ms of ../shared/bench (1.3×)
// and 80–96 ms when the benchmark times that Python in the same run
// (2.8–3.2×). The loop's cost is the interpreter calling compiled code
// (about 2–3 µs a call; the same 10,000 steps compiled take about 7 ms); the
// REPL adds nothing measurable to it.
package repl
