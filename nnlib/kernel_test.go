package nnlib

import (
	"fmt"
	"math"
	"testing"
)

// kernelRun takes one step with a named kernel on a clone-able network and
// returns the mean loss. "fit" is Fit's step (chunks of 1024 rows for larger
// batches); "t0" Fit's step with the transposed, sparse first layer (any
// shape; Fit itself uses it for wide ones).
func kernelRun(t *testing.T, name string, n *Network, X, T [][]float64) float64 {
	t.Helper()
	B := len(X)
	ws := n.work(B)
	n.load(ws, X, T)
	switch name {
	case "222":
		return n.take(k222, ws, B)
	case "online":
		return n.take(kOnline, ws, B)
	case "sgd1":
		return n.take(kSGD1, ws, B)
	case "batch":
		return n.take(kBatch, ws, B) / float64(B)
	case "fit", "t0":
		d := &Dataset{Inputs: X, Targets: T}
		rows := make([]int, B)
		for i := range rows {
			rows[i] = i
		}
		if name == "t0" {
			n.t0Enter()
			defer n.t0Exit()
		}
		e, _, err := n.fitStep(d, rows, false, nil, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		return e / float64(B)
	}
	t.Fatalf("no kernel %q", name)
	return 0
}

// kernelsFor lists the kernels that apply to a step of B rows on n.
func kernelsFor(n *Network, B int) []string {
	ks := []string{"batch", "fit", "t0"}
	if B == 1 && n.opt.Kind == KindSGD {
		ks = append(ks, "sgd1")
		if n.onlineOK() {
			ks = append(ks, "online")
		}
		if n.is222() {
			ks = append(ks, "222")
		}
	}
	return ks
}

// sameOrder reports whether kernel k does the reference's operations in the
// reference's order on n for B rows, so that the bits must agree: the
// one-sample kernels always (engine_one.go skips only zero terms); the batch
// kernels while every layer is small enough for plain loops (no gather, no
// fused multiply-add).
func sameOrder(k string, n *Network, B int) bool {
	switch k {
	case "222", "online", "sgd1":
		return true
	case "t0":
		return false
	case "fit":
		if B > fitChunk && !n.published {
			return false // the chunks' gradients are summed
		}
	}
	for l := range n.layers {
		L := &n.layers[l]
		if B*L.in*L.out >= loopMax {
			return false
		}
	}
	return true
}

// TestKernelsMatchReference runs every kernel against the reference path
// (reference.go) over activation × loss × optimizer × batch size × shape,
// three steps each, with the assembly on and off: bit for bit where the
// operations are the same, else to 1e-11 (relative to max(1, |w|)); and the
// assembly and its pure-Go fallback always bit for bit.
func TestKernelsMatchReference(t *testing.T) {
	shapes := []struct {
		name    string
		sizes   []int
		sparse  bool
		acts    []Activation
		batches []int
	}{
		{"2-2-2", []int{2, 2, 2}, false, []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear}, []int{1, 3, 16}},
		{"3-5-4-2", []int{3, 5, 4, 2}, false, []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear}, []int{1, 3, 16, 1100}},
		{"40-48-10", []int{40, 48, 10}, false, []Activation{Sigmoid, ReLU}, []int{1, 3, 16}},
		{"20-120-3", []int{20, 120, 3}, false, []Activation{Tanh, LeakyReLU}, []int{1, 3, 16}},
		{"300-64-10 sparse", []int{300, 64, 10}, true, []Activation{ReLU}, []int{1, 3, 16}},
	}
	outs := []struct {
		act  Activation
		loss Loss
	}{{Sigmoid, SquaredError}, {Sigmoid, MSE}, {Sigmoid, BinaryCrossEntropy}, {Softmax, CrossEntropy}, {Linear, MSE}}
	opts := []Optimizer{SGD(0.3), Momentum(0.1, 0.9), Adam(0.01)}
	cases, exact := 0, 0
	for _, sh := range shapes {
		in, k := sh.sizes[0], sh.sizes[len(sh.sizes)-1]
		for _, B := range sh.batches {
			d := bigData(B*3, in, k)
			if sh.sparse {
				for _, x := range d.Inputs {
					for j := range x {
						if x[j] < 0.8 {
							x[j] = 0
						}
					}
				}
			}
			for _, act := range sh.acts {
				for _, o := range outs {
					for _, opt := range opts {
						for _, published := range []bool{false, true} {
							if published && opt.Kind != KindSGD {
								continue
							}
							base, err := Build(sh.sizes, WithHidden(act), WithOutput(o.act), WithLoss(o.loss), WithOptimizer(opt), WithSeed(int64(B)))
							if err != nil {
								t.Fatal(err)
							}
							base.SetPublishedVariant(published)
							name := fmt.Sprintf("%s/B=%d/%s/%s+%s/%v/published=%v", sh.name, B, act, o.act, o.loss, opt, published)
							ref := base.Clone()
							refLoss := make([]float64, 3)
							var refParams [3][]float64
							for s := 0; s < 3; s++ {
								refLoss[s], _ = ref.refStep(d.Inputs[s*B:(s+1)*B], d.Targets[s*B:(s+1)*B])
								refParams[s] = ref.Params()
							}
							for _, kn := range kernelsFor(base, B) {
								var fmaParams [][]float64
								for _, fma := range fmaModes() {
									undo := useFMA(fma)
									n := base.Clone()
									bits := sameOrder(kn, n, B)
									for s := 0; s < 3; s++ {
										e := kernelRun(t, kn, n, d.Inputs[s*B:(s+1)*B], d.Targets[s*B:(s+1)*B])
										if kn == "222" || kn == "online" || kn == "sgd1" {
											e /= float64(B)
										}
										if !agree(e, refLoss[s], bits) {
											t.Fatalf("%s kernel %s fma=%v step %d: loss %v, reference %v", name, kn, fma, s+1, e, refLoss[s])
										}
										for i, w := range n.params {
											if !agree(w, refParams[s][i], bits) {
												t.Fatalf("%s kernel %s fma=%v step %d: %s = %v, reference %v (same order: %v)", name, kn, fma, s+1, n.ParamName(i), w, refParams[s][i], bits)
											}
										}
									}
									fmaParams = append(fmaParams, n.Params())
									undo()
									cases++
									if bits {
										exact++
									}
								}
								for i := range fmaParams[0] {
									if len(fmaParams) == 2 && math.Float64bits(fmaParams[0][i]) != math.Float64bits(fmaParams[1][i]) {
										t.Fatalf("%s kernel %s: %s is %v with the pure-Go kernels, %v with AVX2/FMA", name, kn, base.ParamName(i), fmaParams[0][i], fmaParams[1][i])
									}
								}
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d kernel runs of 3 steps against the reference, %d of them bit for bit", cases, exact)
}

// agree compares a kernel's number with the reference's: the same bits, or
// within 1e-11 relative to max(1, |want|).
func agree(got, want float64, bits bool) bool {
	if bits {
		return math.Float64bits(got) == math.Float64bits(want)
	}
	return math.Abs(got-want) <= 1e-11*math.Max(1, math.Abs(want))
}
