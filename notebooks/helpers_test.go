package notebooks

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nnbook/nnbook/kernel"
)

// fakeEngine runs a tiny line language, so the runner can be tested without
// the real engine. Each line of a cell is one directive:
//
//	print TEXT        stdout "TEXT\n"
//	eprint TEXT       stderr "TEXT\n"
//	value TEXT        a Value part with text/plain TEXT
//	image             a Value part with a PNG
//	display ID        a Display part (PNG) with DisplayID ID
//	update ID TEXT    an UpdateDisplay part for ID with text/plain TEXT
//	fail MSG          a *kernel.CellError at this line
//	sleep DURATION    waits (interruptible)
//	hang DURATION     waits, ignoring interrupts
//	exit CODE         the interpreter's os.Exit panic
//	catfile PATH      stdout: the file's content as it is on disk now
//	spew BYTES        stdout: BYTES bytes in 4 KiB writes of 64-byte lines
type fakeEngine struct{ cells int }

func (f *fakeEngine) Execute(ctx context.Context, code string, emit func(kernel.Part)) error {
	f.cells++
	for i, line := range strings.Split(code, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "print":
			emit(kernel.Part{Kind: kernel.Stdout, Text: arg + "\n"})
		case "eprint":
			emit(kernel.Part{Kind: kernel.Stderr, Text: arg + "\n"})
		case "value":
			emit(kernel.Part{Kind: kernel.Value, Text: arg, Data: map[string][]byte{"text/plain": []byte(arg)}})
		case "image":
			emit(kernel.Part{Kind: kernel.Value, Text: "Figure(test, 4×3)", Data: map[string][]byte{"text/plain": []byte("Figure(test, 4×3)"), "image/png": tinyPNG()}})
		case "display":
			emit(kernel.Part{Kind: kernel.Display, DisplayID: arg, Text: "live 0", Data: map[string][]byte{"text/plain": []byte("live 0"), "image/png": tinyPNG()}})
		case "update":
			id, text, _ := strings.Cut(arg, " ")
			emit(kernel.Part{Kind: kernel.UpdateDisplay, DisplayID: id, Text: text, Data: map[string][]byte{"text/plain": []byte(text), "image/png": tinyPNG()}})
		case "fail":
			return &kernel.CellError{Name: "CompileError", Value: arg, Line: i + 1, Col: 1, Traceback: []string{arg, "    at cell line " + strconv.Itoa(i+1)}}
		case "sleep":
			d, _ := time.ParseDuration(arg)
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return &kernel.CellError{Name: "Interrupted", Value: ctx.Err().Error(), Line: i + 1}
			}
		case "hang":
			d, _ := time.ParseDuration(arg)
			time.Sleep(d)
		case "exit":
			code, _ := strconv.Atoi(arg)
			return &kernel.CellError{Name: kernel.KindExit, Value: "os.Exit(" + arg + ")", ExitCode: code, Line: i + 1}
		case "catfile":
			b, err := os.ReadFile(arg)
			if err != nil {
				b = []byte(err.Error())
			}
			emit(kernel.Part{Kind: kernel.Stdout, Text: string(b)})
		case "spew":
			n, _ := strconv.Atoi(arg)
			chunk := strings.Repeat(strings.Repeat("x", 63)+"\n", 64)
			for ; n > 0; n -= len(chunk) {
				emit(kernel.Part{Kind: kernel.Stdout, Text: chunk[:min(n, len(chunk))]})
			}
		}
	}
	return nil
}

func fakeFactory() (Executor, error) { return &fakeEngine{}, nil }

func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// runMain runs the command with the fake engine and returns its exit status,
// standard output and standard error.
func runMain(t *testing.T, factory func() (Executor, error), args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb, factory)
	return code, out.String(), errb.String()
}

// validateNbformat checks path with the reference validator (Python's
// nbformat). It skips when Python or nbformat is missing, unless
// NNBOOK_REQUIRE_JUPYTER=1.
func validateNbformat(t *testing.T, path string) {
	t.Helper()
	const script = `import json, sys
import nbformat
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
nb = nbformat.from_dict(d)
nbformat.validate(nb, version=d["nbformat"], version_minor=d["nbformat_minor"])
nbformat.reads(json.dumps(d), as_version=4)
`
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		requireJupyter(t, "python3 ("+py+") is missing")
		return
	}
	if err := exec.Command(py, "-c", "import nbformat").Run(); err != nil {
		requireJupyter(t, "python3-nbformat is not installed (apt-get install python3-nbformat)")
		return
	}
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("nbformat rejects %s: %v\n%s", path, err, out)
	}
}

func requireJupyter(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("NNBOOK_REQUIRE_JUPYTER") == "1" {
		t.Fatalf("%s, and NNBOOK_REQUIRE_JUPYTER=1", why)
	}
	t.Skipf("skipping the nbformat validation: %s", why)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readNotebook(t *testing.T, path string) *Notebook {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := Read(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return nb
}

// minimal builds an nbformat 4.5 notebook JSON from code cell sources.
func minimal(sources ...string) string {
	nb := New()
	for _, s := range sources {
		nb.Cells = append(nb.Cells, &Cell{Type: "code", Source: s})
	}
	nb.EnsureIDs()
	b, err := nb.Write()
	if err != nil {
		panic(err)
	}
	return string(b)
}

func readFileLimited(path string, max int) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, os.ErrInvalid
	}
	return data, nil
}
