package kernel

import (
	"fmt"
	"strings"
)

// PartKind says what a Part carries.
type PartKind int

// The kinds of output a cell produces, in the order the engine emits them.
const (
	Stdout        PartKind = iota // text the cell wrote to standard output
	Stderr                        // text the cell wrote to standard error
	Value                         // the value of the cell's final expression
	Display                       // a new display (live training figure); DisplayID set
	UpdateDisplay                 // replaces the display with the same DisplayID
	ClearOutput                   // clears the cell's output (Wait: when the next output comes)
)

// String returns the kind's name ("stdout", "stderr", "value", "display",
// "update_display", "clear_output").
func (k PartKind) String() string {
	switch k {
	case Stdout:
		return "stdout"
	case Stderr:
		return "stderr"
	case Value:
		return "value"
	case Display:
		return "display"
	case UpdateDisplay:
		return "update_display"
	case ClearOutput:
		return "clear_output"
	}
	return fmt.Sprintf("PartKind(%d)", int(k))
}

// Part is one piece of a cell's output.
type Part struct {
	Kind PartKind
	// Text is the stream text for Stdout and Stderr, and the text/plain form of
	// a Value or Display.
	Text string
	// Data is the MIME bundle of a Value or Display: "text/plain" always,
	// "image/png" (raw PNG bytes) for values that render themselves as PNG,
	// "text/html" optionally.
	Data map[string][]byte
	// DisplayID identifies a Display and the UpdateDisplay parts that replace it.
	DisplayID string
	// Type is the Go type of a Value ("*nnlib.Network", "int"); empty otherwise.
	Type string
	// Wait is set on a ClearOutput that waits for the next output.
	Wait bool
}

// String returns a short, readable description such as
// `stdout "hello\n"` or `value int 9` or `value *plot.Figure [image/png 12345 bytes]`.
func (p Part) String() string {
	var b strings.Builder
	b.WriteString(p.Kind.String())
	if p.DisplayID != "" {
		fmt.Fprintf(&b, " id=%s", p.DisplayID)
	}
	if p.Type != "" {
		fmt.Fprintf(&b, " %s", p.Type)
	}
	switch p.Kind {
	case Stdout, Stderr:
		fmt.Fprintf(&b, " %q", p.Text)
	default:
		fmt.Fprintf(&b, " %s", p.Text)
		if png, ok := p.Data["image/png"]; ok {
			fmt.Fprintf(&b, " [image/png %d bytes]", len(png))
		}
	}
	return b.String()
}

// The kinds of CellError, its Name.
const (
	KindCompile     = "CompileError" // the cell does not compile
	KindPanic       = "Panic"        // the cell panicked
	KindInterrupted = "Interrupted"  // the cell was interrupted
	KindError       = "Error"        // the cell's final call returned a non-nil error
	KindExit        = "Exit"         // the cell called os.Exit; ExitCode holds its status
)

// CellError is the error Execute returns when a cell does not compile, panics
// or is interrupted. Line and Col locate the problem inside the cell (1-based;
// 0 when unknown).
type CellError struct {
	Name      string   // KindCompile, KindPanic, KindInterrupted, KindError or KindExit
	Value     string   // the message or panic value
	Traceback []string // human-readable lines: the message, then cell frames
	Line, Col int
	ExitCode  int // the status os.Exit was called with (KindExit)
}

// Error returns "line:col: value" (or just the value when the position is
// unknown), prefixed by the error name for panics and interrupts.
func (e *CellError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Col)
	}
	switch e.Name {
	case KindPanic:
		b.WriteString("panic: ")
	case KindInterrupted:
		b.WriteString("interrupted: ")
	}
	b.WriteString(e.Value)
	return b.String()
}

// Var is one variable of the session, as listed by Engine.Vars.
type Var struct {
	Name string // as declared in a cell
	Type string // Go type, e.g. "*nnlib.Network"
}

// String returns "name type".
func (v Var) String() string { return v.Name + " " + v.Type }
