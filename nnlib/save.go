package nnlib

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/nnbook/nnbook/internal/atomicfile"
)

// FileFormat and FileVersion identify nnlib's network files. Load refuses
// files with a newer version.
const (
	FileFormat  = "nnbook-network"
	FileVersion = 1
)

// fileNetwork is the JSON layout of a saved network (version 1).
type fileNetwork struct {
	Format           string        `json:"format"`
	Version          int           `json:"version"`
	Sizes            []int         `json:"sizes"`
	Layers           []fileLayer   `json:"layers"`
	Loss             Loss          `json:"loss"`
	Optimizer        fileOptimizer `json:"optimizer"`
	Init             Init          `json:"init"`
	Seed             int64         `json:"seed"`
	PublishedVariant bool          `json:"published_variant,omitempty"`
	Steps            int           `json:"steps"`
	ShuffleState     string        `json:"shuffle_state"` // uint64, decimal
}

type fileLayer struct {
	Activation Activation  `json:"activation"`
	SharedBias bool        `json:"shared_bias,omitempty"` // one frozen bias for the layer
	Weights    [][]float64 `json:"weights"`               // [neuron][input]
	Biases     []float64   `json:"biases"`                // one per neuron, or one when shared
}

type fileOptimizer struct {
	Kind         OptimizerKind `json:"kind"`
	LearningRate float64       `json:"learning_rate"`
	Momentum     float64       `json:"momentum,omitempty"`
	Beta1        float64       `json:"beta1,omitempty"`
	Beta2        float64       `json:"beta2,omitempty"`
	Epsilon      float64       `json:"epsilon,omitempty"`
}

// Marshal encodes the network as versioned JSON: architecture, weights, biases,
// activations, loss, optimizer settings (not its running state), seed and
// shuffle position. Numbers are written so that Unmarshal restores them
// bit for bit.
func (n *Network) Marshal() ([]byte, error) {
	f := fileNetwork{Format: FileFormat, Version: FileVersion, Sizes: n.Sizes(), Loss: n.loss,
		Optimizer: fileOptimizer(n.opt), Init: n.init, Seed: n.seed, PublishedVariant: n.published,
		Steps: n.steps, ShuffleState: strconv.FormatUint(n.shuffle.s, 10)}
	for i, p := range n.params {
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return nil, fmt.Errorf("save network: parameter %s is %g; only finite values can be saved", n.ParamName(i), p)
		}
	}
	for l := range n.layers {
		L := &n.layers[l]
		f.Layers = append(f.Layers, fileLayer{Activation: L.act, SharedBias: L.shared, Weights: n.Weights(l),
			Biases: append([]float64(nil), L.b...)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("save network: %w", err)
	}
	return buf.Bytes(), nil
}

// MarshalJSON makes json.Marshal(net) write the same document as Marshal.
func (n *Network) MarshalJSON() ([]byte, error) { return n.Marshal() }

// UnmarshalJSON replaces n with the network in data; on error n is unchanged.
func (n *Network) UnmarshalJSON(data []byte) error {
	m, err := Unmarshal(data)
	if err != nil {
		return err
	}
	n.adopt(m)
	return nil
}

// Unmarshal decodes a network written by Marshal. A malformed, truncated,
// inconsistent or newer-version document is an error, and no network is
// returned.
func Unmarshal(data []byte) (*Network, error) {
	var probe struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("load network: malformed JSON: %w", err)
	}
	if probe.Format == nil || *probe.Format != FileFormat {
		got := "no format field"
		if probe.Format != nil {
			got = fmt.Sprintf("%q", *probe.Format)
		}
		return nil, fmt.Errorf("load network: expected format %q, got %s", FileFormat, got)
	}
	if probe.Version == nil {
		return nil, fmt.Errorf("load network: expected a version field (1..%d), got none", FileVersion)
	}
	if *probe.Version > FileVersion {
		return nil, fmt.Errorf("load network: file version %d is newer than this nnlib supports (%d); update nnbook", *probe.Version, FileVersion)
	}
	if *probe.Version < 1 {
		return nil, fmt.Errorf("load network: expected version 1..%d, got %d", FileVersion, *probe.Version)
	}
	var f fileNetwork
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("load network: malformed JSON: %w", err)
	}
	if err := checkSizes(f.Sizes); err != nil {
		return nil, fmt.Errorf("load network: %w", err)
	}
	nl := len(f.Sizes) - 1
	if len(f.Layers) != nl {
		return nil, fmt.Errorf("load network: sizes %v need %d layers, got %d", f.Sizes, nl, len(f.Layers))
	}
	acts := make([]Activation, nl)
	var shared []float64
	for l, L := range f.Layers {
		if err := checkActivation(L.Activation); err != nil {
			return nil, fmt.Errorf("load network: layer %d: %w", l, err)
		}
		if L.Activation == Softmax && l != nl-1 {
			return nil, fmt.Errorf("load network: layer %d: softmax is only allowed on the output layer (layer %d)", l, nl-1)
		}
		if L.SharedBias != f.Layers[0].SharedBias {
			return nil, fmt.Errorf("load network: layer %d: expected every layer to have shared_bias=%v, got %v", l, f.Layers[0].SharedBias, L.SharedBias)
		}
		acts[l] = L.Activation
		in, out := f.Sizes[l], f.Sizes[l+1]
		if len(L.Weights) != out {
			return nil, fmt.Errorf("load network: layer %d: expected %d weight rows (neurons), got %d", l, out, len(L.Weights))
		}
		for j, row := range L.Weights {
			if len(row) != in {
				return nil, fmt.Errorf("load network: layer %d: weight row %d: expected %d values (inputs), got %d", l, j, in, len(row))
			}
		}
		nb := out
		if L.SharedBias {
			nb = 1
		}
		if len(L.Biases) != nb {
			return nil, fmt.Errorf("load network: layer %d: expected %d biases, got %d", l, nb, len(L.Biases))
		}
	}
	if f.Layers[0].SharedBias {
		shared = make([]float64, nl)
	}
	if err := checkLoss(f.Loss); err != nil {
		return nil, fmt.Errorf("load network: %w", err)
	}
	opt := Optimizer(f.Optimizer)
	if err := opt.Validate(); err != nil {
		return nil, fmt.Errorf("load network: %w", err)
	}
	if err := checkInit(f.Init); err != nil {
		return nil, fmt.Errorf("load network: %w", err)
	}
	if f.Steps < 0 {
		return nil, fmt.Errorf("load network: expected steps ≥ 0, got %d", f.Steps)
	}
	shuf, err := strconv.ParseUint(f.ShuffleState, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("load network: shuffle_state: expected a decimal uint64, got %q", f.ShuffleState)
	}
	n := assemble(f.Sizes, acts, shared)
	n.loss, n.opt, n.init, n.seed, n.published, n.steps = f.Loss, opt, f.Init, f.Seed, f.PublishedVariant, f.Steps
	n.shuffle = splitmix{s: shuf}
	for l, L := range f.Layers {
		for j, row := range L.Weights {
			copy(n.layers[l].w[j*len(row):], row)
		}
		copy(n.layers[l].b, L.Biases)
	}
	return n, nil
}

// Save writes the network to path as JSON (see Marshal), replacing the file
// atomically: a reader sees the old file or the whole new one. An existing
// file keeps its permissions, a symlink's target is replaced, a device such
// as /dev/null is written in place.
func (n *Network) Save(path string) error {
	b, err := n.Marshal()
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, b, 0o666); err != nil {
		return fmt.Errorf("save network: %w", err)
	}
	return nil
}

// Load reads a network saved by Save.
func Load(path string) (*Network, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load network: %w", err)
	}
	n, err := Unmarshal(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}
