// Package notebooks runs Jupyter notebooks and Go scripts headlessly with the
// nnbook engine, and holds the tutorial notebooks (the *.ipynb files beside
// this package), which double as the project's end-to-end tests.
//
// A notebook is read with [Read] (nbformat 4: JSON with cells of type code,
// markdown or raw) or, for a plain Go file whose cells are separated by
// "// %%" lines, with [ReadScript]. [Run] executes its code cells in order on
// an [Executor] (a *kernel.Engine), turning what each cell prints, shows and
// returns into the standard nbformat outputs:
//
//   - text written to standard output or error → a "stream" output
//     (consecutive writes to the same stream are merged);
//   - the value of the cell's final expression → "execute_result", with the
//     cell's execution_count;
//   - a figure (anything with a PNG method) → "display_data" with
//     base64 image/png and text/plain; a live training figure is updated in
//     place, as update_display_data does in Jupyter;
//   - a compile error, panic, interrupt or timeout → "error" with ename,
//     evalue and traceback.
//
// [Notebook.Write] encodes the result the way nbformat itself does (sorted
// keys, one-space indent, multi-line strings as lists of lines), keeping any
// metadata it does not understand. [ToMarkdown] and [ToHTML] export it.
//
// [Main] is the command "nnbook run": see its usage text for the flags. It
// saves the output notebook before every cell (a crash keeps the cells run
// so far), never writes the input unless --inplace succeeds, replaces an
// existing notebook only when it records (metadata.nnbook.source) that an
// earlier run of the same input wrote it, and runs a Go file without
// "// %%" lines as a program, as "go run" does.
//
//	nnbook run notebooks/01-backprop-by-hand.ipynb          # writes 01-backprop-by-hand.nbconvert.ipynb
//	nnbook run --inplace notebooks/*.ipynb                  # refreshes the committed outputs
//	nnbook run --to html -o tour.html tour.go               # a "// %%" script to one HTML page
//	nnbook run --no-execute --to go -o nb.go nb.ipynb       # a notebook back to a script, for editing
package notebooks
