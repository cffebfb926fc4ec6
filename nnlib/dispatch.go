package nnlib

import "math"

// kernel is one way of taking a training step. Each computes the step of the
// reference path (reference.go); they differ in speed only, and
// TestKernelsMatchReference holds each to the reference.
type kernel int

const (
	// kBatch: forward, backward and the optimizer over a batch (engine.go),
	// with the transposed sparse first layer inside Fit (engine_t0.go).
	kBatch kernel = iota
	// kSGD1: one sample and plain SGD; backward fused with the update
	// (sgdStep1), with no gradient buffer.
	kSGD1
	// kOnline: one sample, SGD, element-wise activations and a squared
	// error: forward, loss, backward and update in one pass (trainOnline).
	kOnline
	// k222: the worked example's 2-2-2 sigmoid network under kOnline's
	// conditions, every value in a register (train222).
	k222
)

// String names the kernel, as the tests print it.
func (k kernel) String() string {
	return [...]string{"batch", "sgd1", "online", "222"}[k]
}

// pick is the one dispatch point: the fastest kernel for a step on B rows.
// outputs asks for a kernel that leaves the outputs in the workspace (Fit
// counts correct classes from them).
func (n *Network) pick(B int, outputs bool) kernel {
	switch {
	case B != 1 || n.t0 || n.opt.Kind != KindSGD:
		return kBatch
	case n.is222() && !outputs:
		return k222
	case n.onlineOK():
		return kOnline
	}
	return kSGD1
}

// take runs kernel k on the first B rows loaded into ws: forward, loss and,
// when the loss is finite, the step. It returns the summed loss of the rows
// (before the step).
func (n *Network) take(k kernel, ws *workspace, B int) float64 {
	switch k {
	case k222:
		return n.train222(ws.x[:2], ws.t[:2])
	case kOnline:
		return n.trainOnline(ws)
	}
	n.forward(ws, B)
	e := n.lossSum(ws, B)
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return e
	}
	if k == kSGD1 {
		n.sgdStep1(ws)
	} else {
		n.backward(ws, B, true)
	}
	return e
}
