package notebooks

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/nnbook/nnbook/internal/atomicfile"
	"github.com/nnbook/nnbook/kernel"
)

const usage = `usage: nnbook run [flags] FILE...
       nnbook run [flags] PROGRAM.go -- [ARGUMENTS]

Runs notebooks (.ipynb, nbformat 4) and "// %%" Go scripts headlessly with
the nnbook engine and writes them with their outputs. A Go file without
"// %%" lines is run as a program, as 'go run' does: its output goes to the
terminal, its exit status (os.Exit codes too) is nnbook's, no file is
written unless -o or --to asks for a notebook. As under 'go run', the
program's os.Args holds its own name and the ARGUMENTS after "--".

Flags:
  -o OUT          where to write ("-" for standard output). Default: next to
                  the input, FILE.nbconvert.ipynb (FILE.ipynb for a script,
                  FILE.md, FILE.html or FILE.go with --to)
  --inplace       rewrite the input notebook with its outputs
  --to FORMAT     ipynb (default), md (PNGs written beside it in
                  FILE_files/), html (self-contained, PNGs inlined) or go
                  (a "// %%" script, outputs dropped)
  --no-execute    convert only: keep the outputs the notebook has
  --timeout D     time limit per cell, e.g. 90s or 10m (default 10m for
                  notebooks; none for a program unless given; 0: none)
  --allow-errors  record a failing cell's error and go on
  --force         replace an output notebook (or --to go script) that this
                  run did not write earlier
  -q              no progress lines

The output notebook is saved after every cell, so a run that fails or
crashes leaves the cells run so far (and the error) in it; a failing cell
exits with status 1. The input is never changed unless the whole run
succeeds with --inplace. An existing output notebook is replaced only when
an earlier 'nnbook run' of the same input wrote it (metadata.nnbook.source)
or with --force. Files are written atomically (a temporary file, then a
rename); a device such as /dev/null is written in place.
`

// Main is "nnbook run": args are the arguments after "run". It returns the
// exit status: 0 on success, 1 when a notebook fails, 2 for a usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return run(ctx, args, stdout, stderr, func() (Executor, error) {
		e, err := kernel.New()
		if err != nil {
			return nil, err
		}
		return e, nil
	})
}

type config struct {
	out         string
	inplace     bool
	to          string
	timeout     time.Duration
	allowErrors bool
	quiet       bool
	noExecute   bool
	force       bool
	files       []string
	progArgs    []string // after "--": os.Args[1:] of the one program run
	dashdash    bool     // "--" was given
	toSet       bool     // --to was given
	timeoutSet  bool     // --timeout was given
}

func parseArgs(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("nnbook run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.out, "o", "", "output file")
	fs.StringVar(&cfg.out, "output", "", "output file")
	fs.BoolVar(&cfg.inplace, "inplace", false, "rewrite the input")
	fs.StringVar(&cfg.to, "to", "ipynb", "output format")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Minute, "time limit per cell")
	fs.BoolVar(&cfg.allowErrors, "allow-errors", false, "go on after errors")
	fs.BoolVar(&cfg.quiet, "q", false, "no progress")
	fs.BoolVar(&cfg.noExecute, "no-execute", false, "convert without running")
	fs.BoolVar(&cfg.force, "force", false, "replace an output this run did not write")
	// What follows "--" is the program's own arguments.
	for i, a := range args {
		if a == "--" {
			cfg.progArgs, cfg.dashdash = args[i+1:], true
			args = args[:i]
			break
		}
	}
	// Flags may come after file names: parse, take a file, parse again.
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stderr, usage)
				return nil, err
			}
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "-" {
			return nil, errors.New(`reading a notebook from standard input is not supported; give a file name`)
		}
		cfg.files = append(cfg.files, args[0])
		args = args[1:]
	}
	fs.Visit(func(f *flag.Flag) {
		cfg.toSet = cfg.toSet || f.Name == "to"
		cfg.timeoutSet = cfg.timeoutSet || f.Name == "timeout"
	})
	switch cfg.to {
	case "ipynb", "notebook", "md", "markdown", "html", "go", "script":
	default:
		return nil, fmt.Errorf("--to: expected ipynb, md, html or go, got %q", cfg.to)
	}
	if cfg.to == "notebook" {
		cfg.to = "ipynb"
	}
	if cfg.to == "script" {
		cfg.to = "go"
	}
	if cfg.to == "markdown" {
		cfg.to = "md"
	}
	if len(cfg.files) == 0 {
		return nil, errors.New("no notebook given")
	}
	if cfg.dashdash && len(cfg.files) != 1 {
		return nil, fmt.Errorf(`arguments after "--" go to one Go program, got %d files`, len(cfg.files))
	}
	if cfg.inplace && cfg.out != "" {
		return nil, errors.New("-o and --inplace do not go together")
	}
	if cfg.inplace && cfg.to != "ipynb" {
		return nil, fmt.Errorf("--inplace rewrites the notebook itself, so it needs --to ipynb, not %q", cfg.to)
	}
	if cfg.timeout < 0 {
		return nil, fmt.Errorf("--timeout: expected a duration ≥ 0, got %v", cfg.timeout)
	}
	if cfg.out != "" && len(cfg.files) > 1 {
		if st, err := os.Stat(cfg.out); cfg.out == "-" || err != nil || !st.IsDir() {
			return nil, fmt.Errorf("-o %s: with %d notebooks, -o must be an existing directory", cfg.out, len(cfg.files))
		}
	}
	for _, f := range cfg.files {
		if cfg.inplace && isScript(f) {
			return nil, fmt.Errorf("--inplace: %s is a Go script, not a notebook; use -o FILE.ipynb", f)
		}
	}
	return cfg, nil
}

func isScript(path string) bool { return strings.HasSuffix(path, ".go") }

// run is Main with the engine factory injectable (tests use a fake engine).
func run(ctx context.Context, args []string, stdout, stderr io.Writer, newEngine func() (Executor, error)) int {
	cfg, err := parseArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "nnbook run: %v\n\n%s", err, usage)
		return 2
	}
	status := 0
	for _, file := range cfg.files {
		err := runFile(ctx, cfg, file, stdout, stderr, newEngine)
		var exit exitStatus
		switch {
		case err == nil:
			continue
		case errors.As(err, &exit):
			status = int(exit) // a program's own status; it reported its errors
		default:
			var note *noted
			if errors.As(err, &note) {
				err = note.err
			}
			fmt.Fprintf(stderr, "nnbook run: %v\n", err)
			printTraceback(stderr, err)
			if note != nil {
				fmt.Fprintf(stderr, "nnbook run: %s\n", note.note)
			}
			status = 1
		}
		if ctx.Err() != nil {
			break
		}
	}
	return status
}

// printTraceback prints a failing cell's traceback below the error line.
func printTraceback(stderr io.Writer, err error) {
	var ce *CellError
	if !errors.As(err, &ce) {
		return
	}
	var kce *kernel.CellError
	if errors.As(ce.Err, &kce) {
		for _, l := range kce.Traceback {
			fmt.Fprintf(stderr, "    %s\n", stripANSI(l))
		}
	}
}

// parse reads a notebook or a "// %%" script from the content of path.
func parse(path string, data []byte) (*Notebook, error) {
	if isScript(path) {
		return ReadScript(data), nil
	}
	nb, err := Read(data)
	if err != nil {
		return nil, fmt.Errorf("%s: malformed notebook: %w", path, err)
	}
	return nb, nil
}

func runFile(ctx context.Context, cfg *config, file string, stdout, stderr io.Writer, newEngine func() (Executor, error)) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if isScript(file) && !HasCellMarkers(data) && cfg.out == "" && !cfg.toSet && !cfg.noExecute {
		return runProgram(ctx, cfg, file, data, stdout, stderr, newEngine)
	}
	if cfg.dashdash {
		return fmt.Errorf(`%s: arguments after "--" go to a Go program run as go run runs it; this is a notebook, a "// %%%%" script or an export`, file)
	}
	nb, err := parse(file, data)
	if err != nil {
		return err
	}
	if nb.FormatMinor >= 5 {
		nb.EnsureIDs()
	}
	out := outputPath(cfg, file)
	if abs(out) == abs(file) && !cfg.inplace {
		return fmt.Errorf("%s: the output would overwrite the input; give -o", file)
	}
	if err := checkReplace(cfg, file, out); err != nil {
		return err
	}
	nb.setSource(file, out)
	start := time.Now()
	// Saved as it goes (papermill's rule) when the output is a notebook file
	// other than the input: a crash keeps the cells run so far.
	// Only a regular file is saved more than once: a pipe or /dev/stdout
	// would get several notebooks in a row.
	progressive := !cfg.inplace && cfg.to == "ipynb" && out != "-" && isRegularOrNew(out)
	if !cfg.noExecute {
		eng, err := newEngine()
		if err != nil {
			return fmt.Errorf("%s: starting the engine: %w", file, err)
		}
		opts := Options{Name: file, Timeout: cfg.timeout, AllowErrors: cfg.allowErrors}
		if !cfg.quiet {
			opts.Progress = stderr
		}
		if progressive {
			opts.Checkpoint = func(nb *Notebook) error { return writeResult(nb, cfg.to, out, stdout) }
		}
		if err := Run(ctx, nb, eng, opts); err != nil {
			var ce *CellError
			if !errors.As(err, &ce) {
				return err
			}
			// The partial notebook goes to the output, never the input.
			if cfg.inplace {
				return &noted{err, file + " is left as it was (--inplace writes only a run that succeeds; without it the cells run so far are saved)"}
			}
			nb.setRunStatus("")
			if werr := writeResult(nb, cfg.to, out, stdout); werr != nil {
				return &noted{err, fmt.Sprintf("saving the cells run so far to %s: %v", out, werr)}
			}
			if out != "-" {
				return &noted{err, "the cells run so far and the error are in " + out}
			}
			return err
		}
	}
	nb.setRunStatus("")
	if err := writeResult(nb, cfg.to, out, stdout); err != nil {
		return err
	}
	if !cfg.quiet {
		where := out
		if out == "-" {
			where = "standard output"
		}
		fmt.Fprintf(stderr, "%s: %d cells in %s, wrote %s\n", file, nb.CodeCells(), formatDuration(time.Since(start)), where)
	}
	return nil
}

// isRegularOrNew reports whether path (through symlinks) is a regular file
// or does not exist yet.
func isRegularOrNew(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular() || errors.Is(err, fs.ErrNotExist)
}

// noted is a run's error with a line to print after its traceback.
type noted struct {
	err  error
	note string
}

func (n *noted) Error() string { return n.err.Error() + "\n" + n.note }
func (n *noted) Unwrap() error { return n.err }

// outputPath is where the result of running file goes.
func outputPath(cfg *config, file string) string {
	if cfg.inplace {
		return file
	}
	base := strings.TrimSuffix(strings.TrimSuffix(file, ".ipynb"), ".go")
	ext := "." + cfg.to
	def := base + ext
	if cfg.to == "ipynb" && !isScript(file) {
		def = base + ".nbconvert.ipynb"
	}
	if cfg.out == "" {
		return def
	}
	if cfg.out != "-" {
		if st, err := os.Stat(cfg.out); err == nil && st.IsDir() {
			return filepath.Join(cfg.out, filepath.Base(def))
		}
	}
	return cfg.out
}

func writeResult(nb *Notebook, to, out string, stdout io.Writer) error {
	var data []byte
	var err error
	switch to {
	case "ipynb":
		data, err = nb.Write()
	case "html":
		data = ToHTML(nb, titleOf(out))
	case "go":
		data = nb.WriteScript()
	case "md":
		if out == "-" {
			data, _ = ToMarkdown(nb, "")
			break
		}
		dirName := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out)) + "_files"
		var files map[string][]byte
		data, files = ToMarkdown(nb, dirName)
		if len(files) > 0 {
			dir := filepath.Join(filepath.Dir(out), dirName)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			for name, b := range files {
				if err := atomicfile.WriteFile(filepath.Join(dir, name), b, 0o666); err != nil {
					return err
				}
			}
		}
	}
	if err != nil {
		return err
	}
	if out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return atomicfile.WriteFile(out, data, 0o666)
}

func abs(path string) string {
	if path == "-" {
		return path
	}
	a, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	return a
}

func titleOf(path string) string {
	if path == "-" {
		return "notebook"
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
