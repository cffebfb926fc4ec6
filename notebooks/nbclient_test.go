package notebooks

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nnbook/nnbook/internal/jupytertest"
)

// nbclientScript executes a notebook with the Jupyter kernel "nnbook" through
// nbclient (what `jupyter nbconvert --execute` and papermill use) and writes
// the result.
const nbclientScript = `import sys
import nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="nnbook", timeout=600, allow_errors=False).execute()
nbformat.write(nb, sys.argv[2])
`

// TestTutorialsWithNbclient runs the tutorials through the real Jupyter
// stack: the nnbook binary's kernel, installed into a temporary Jupyter data
// dir, driven by nbclient. The outputs must carry the same key numbers as the
// runner's and match the committed notebooks (same rich outputs and images,
// same numbers, timings aside). It skips with -short, and when Python's
// nbclient is missing unless NNBOOK_REQUIRE_JUPYTER=1.
func TestTutorialsWithNbclient(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the nbclient run of the tutorials")
	}
	const py = jupytertest.Python
	if err := exec.Command(py, "-c", "import nbclient, nbformat, jupyter_client").Run(); err != nil {
		requireJupyter(t, "python3-nbclient is not installed (apt-get install python3-nbclient jupyter-client)")
		return
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "nnbook")); err != nil {
		t.Skip("cmd/nnbook does not exist yet")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "nnbook")
	build := exec.Command("go", "build", "-o", bin, "./cmd/nnbook")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/nnbook: %v\n%s", err, out)
	}
	env := jupytertest.InstallKernel(t, bin)
	for _, tu := range tutorials {
		t.Run(strings.TrimSuffix(tu.file, ".ipynb"), func(t *testing.T) {
			if tu.compiled {
				compiledAvailable(t)
			}
			if tu.mnist {
				// The runner test already trains MNIST once; once is enough
				// for the time budget of this package.
				t.Skip("MNIST is covered by TestTutorials")
			}
			out := filepath.Join(tmp, tu.file)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, py, "-c", nbclientScript, tu.file, out)
			cmd.Env = env
			var log bytes.Buffer
			cmd.Stdout, cmd.Stderr = &log, &log
			cmd.WaitDelay = 5 * time.Second
			start := time.Now()
			if err := cmd.Run(); err != nil {
				t.Fatalf("nbclient: %v\n%s", err, clip(log.String()))
			}
			t.Logf("%s ran through Jupyter in %v", tu.file, time.Since(start).Round(time.Millisecond))
			validateNbformat(t, out)
			fresh := readNotebook(t, out)
			text := outputText(fresh)
			for _, w := range tu.want {
				if !strings.Contains(text, w) {
					t.Errorf("nbclient outputs lack %q", w)
				}
			}
			if tu.check != nil {
				tu.check(t, text)
			}
			compareOutputs(t, readNotebook(t, tu.file), fresh, tu.tol)
		})
	}
}
