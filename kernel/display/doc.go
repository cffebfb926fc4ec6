// Package display shows things in a notebook, on the model of IPython's
// display module. Every cell has it imported as display (like fmt); a Go
// program can import it as "github.com/nnbook/nnbook/kernel/display".
//
// A value is shown with its richest forms: Display(v) publishes v now (a cell
// can show several things), and a cell's final value is shown the same way.
// The forms come from the value's methods, which a type defined in a cell
// can have too (the Go analogue of IPython's _repr_html_):
//
//	HTML() string                 → text/html
//	Markdown() string             → text/markdown
//	LaTeX() string                → text/latex
//	PNG() ([]byte, error)         → image/png
//	SVG() ([]byte, error)         → image/svg+xml (when there is no PNG)
//	MIME() map[string][]byte      → any MIME types at all
//
// For a type defined in a cell, the engine must know the value's type from
// the source: a cell's final value always qualifies; a Display argument does
// when it is a composite literal (T{…}, &T{…}) or a variable an earlier cell
// defined as one. Other arguments of cell types (a call, a local variable)
// show their text only; assign them to a variable first.
//
// An image.Image is shown as a PNG, a gonum *plot.Plot as its figure; every
// value also has its text/plain form, fmt.Sprint(v).
//
// HTML, Markdown, LaTeX, SVG, PNG, JPEG, Image, JSON and Text wrap content
// into an Object of that one MIME type:
//
//	display.Display(display.Markdown("**epoch 3**: loss 0.12"))
//	display.DisplayID("status", display.HTML("<b>starting</b>"))
//	display.Update("status", display.HTML("<b>done</b>")) // replaces it in place
//	display.Clear(true)                                     // clear_output(wait=True)
//
// In the REPL and in `nnbook run --to md|html`, HTML, Markdown and LaTeX show
// as text (rendered in HTML pages) and images are written as files or
// inlined. Outside a kernel (a plain `go run`), Display prints fmt.Sprint(v)
// on standard output and Update, Clear do nothing.
//
// Input and Password read a line the way Python's input(prompt) does: in
// Jupyter the prompt shows beside the input box; Password's box hides what
// is typed.
package display
