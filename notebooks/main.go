package notebooks

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/nnbook/nnbook/kernel"
)

const usage = `usage: nnbook run [flags] FILE...

Runs notebooks (.ipynb, nbformat 4) and "// %%" Go scripts headlessly with
the nnbook engine and writes them back with their outputs.

Flags:
  -o OUT          where to write ("-" for standard output). Default: next to
                  the input, FILE.nbconvert.ipynb (FILE.ipynb for a script,
                  FILE.md, FILE.html or FILE.go with --to)
  --inplace       rewrite the input notebook with its outputs
  --to FORMAT     ipynb (default), md (PNGs written beside it in
                  FILE_files/), html (self-contained, PNGs inlined) or go
                  (a "// %%" script, outputs dropped)
  --no-execute    convert only: keep the outputs the notebook has
  --timeout D     time limit per cell, e.g. 90s or 10m (default 10m; 0: none)
  --allow-errors  record a failing cell's error and go on
  -q              no progress lines

A failing cell stops its notebook with exit status 1; the input file is never
changed unless the run succeeds with --inplace, and every file is written
atomically (a temporary file, then a rename).
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
	files       []string
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
		if err := runFile(ctx, cfg, file, stdout, stderr, newEngine); err != nil {
			fmt.Fprintf(stderr, "nnbook run: %v\n", err)
			var ce *CellError
			if errors.As(err, &ce) {
				var kce *kernel.CellError
				if errors.As(ce.Err, &kce) && len(kce.Traceback) > 0 {
					for _, l := range kce.Traceback {
						fmt.Fprintf(stderr, "    %s\n", stripANSI(l))
					}
				}
			}
			status = 1
			if ctx.Err() != nil {
				break
			}
		}
	}
	return status
}

// load reads a notebook or a "// %%" script.
func load(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
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
	nb, err := load(file)
	if err != nil {
		return err
	}
	if nb.FormatMinor >= 5 {
		nb.EnsureIDs()
	}
	start := time.Now()
	if !cfg.noExecute {
		eng, err := newEngine()
		if err != nil {
			return fmt.Errorf("%s: starting the engine: %w", file, err)
		}
		opts := Options{Name: file, Timeout: cfg.timeout, AllowErrors: cfg.allowErrors}
		if !cfg.quiet {
			opts.Progress = stderr
		}
		if err := Run(ctx, nb, eng, opts); err != nil {
			return err
		}
	}
	out := outputPath(cfg, file)
	if abs(out) == abs(file) && !cfg.inplace {
		return fmt.Errorf("%s: the output would overwrite the input; give -o", file)
	}
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
				if err := WriteFileAtomic(filepath.Join(dir, name), b); err != nil {
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
	return WriteFileAtomic(out, data)
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

// WriteFileAtomic writes data to path through a temporary file in the same
// directory that is synced and then renamed over path, so a reader sees
// either the old file or the whole new one. An existing file's permissions
// are kept.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	perm := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		perm = st.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = io.Copy(f, bytes.NewReader(data)); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
