package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nnbook/nnbook/kernel"
	"github.com/nnbook/nnbook/kernel/compile"
)

// doctorCommand is "nnbook doctor": whether nnbook's optional parts work
// on this machine, and why not.
var doctorCommand = command{
	name: "doctor", short: "check whether compiled cells (//nnbook:compile) work here, and why not",
	long: "usage: nnbook doctor\n\nChecks what compiled cells (cells starting with //nnbook:compile) need: a\nplatform with Go plugins, the go command of the Go version nnbook was built\nwith, a C compiler, and the nnbook source this binary was built from. Then\nit compiles, loads and calls a one-line cell. Exits 1 when compiled cells\ncannot work, naming the cause and what to do.\n",
	main: doctorMain,
}

// doctorProbe is the cell doctor compiles and calls.
// It uses nnlib, so a source that changed since nnbook was built shows.
const doctorProbe = compile.Directive + "\nfunc nnbookDoctorProbe() int { return 6*7 + len(nnlib.WorkedInput()) - 2 }\n"

func doctorMain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: nnbook doctor")
		return 2
	}
	h, err := compile.DetectHost()
	if err != nil {
		fmt.Fprintf(stdout, "compiled cells: do not work here\n  %v\n", err)
		return 1
	}
	dir, err := kernel.CompiledCellsStatus()
	if err != nil {
		fmt.Fprintf(stdout, "compiled cells: do not work here\n  %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "go command:   %s (%s, the version nnbook was built with)\n", h.GoCmd, h.GoVersion)
	fmt.Fprintf(stdout, "nnbook source: %s\n", h.SrcDir)
	fmt.Fprintf(stdout, "plugins:      %s\n", dir)
	if note := h.CheckoutMoved(); note != "" {
		fmt.Fprintf(stdout, "note:         %s\n", note)
	}
	e, err := kernel.New()
	if err != nil {
		fmt.Fprintf(stdout, "compiled cells: do not work here\n  %v\n", err)
		return 1
	}
	var progress strings.Builder
	emit := func(p kernel.Part) {
		if p.Kind == kernel.Stderr {
			progress.WriteString(p.Text)
		}
	}
	start := time.Now()
	ctx := context.Background()
	if err := e.Execute(ctx, doctorProbe, emit); err != nil {
		fmt.Fprintf(stdout, "compiled cells: do not work here\n  %v\n", err)
		return 1
	}
	took := time.Since(start)
	var got string
	if err := e.Execute(ctx, "nnbookDoctorProbe()", func(p kernel.Part) {
		if p.Kind == kernel.Value {
			got = p.Text
		}
	}); err != nil || got != "42" {
		fmt.Fprintf(stdout, "compiled cells: do not work here\n  a compiled function called from the interpreter returned %q, %v\n", got, err)
		return 1
	}
	fmt.Fprintf(stdout, "compiled cells: work here (a test cell built and loaded in %v)\n", took.Round(time.Millisecond))
	return 0
}
