package nnlib

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"
)

// FitOptions controls Fit.
type FitOptions struct {
	Epochs     int      // passes over the data (≥ 1)
	BatchSize  int      // 0 = full batch, 1 = online (the seed's), otherwise mini-batches (negative is an error)
	Shuffle    bool     // reshuffle the samples every epoch, from the network's seed
	Validation *Dataset // optional: loss (and accuracy) on it after every epoch
	// Context stops training when done; so does CellContext(), the kernel's
	// interrupt, in any case. They are checked before every mini-batch,
	// between the chunks of a large batch and of the validation pass.
	Context context.Context
	// OnEpoch, when set, is called after every epoch (it may be an interpreted
	// func from the REPL).
	OnEpoch func(EpochStats)
	// RecordSteps stores the loss of every step in History.Steps.
	RecordSteps bool
}

// String prints the options on one line.
func (o FitOptions) String() string {
	b := fmt.Sprintf("FitOptions(epochs=%d, batch=%s, shuffle=%v", o.Epochs, batchName(o.BatchSize), o.Shuffle)
	if o.Validation != nil {
		b += fmt.Sprintf(", validation=%d rows", o.Validation.Len())
	}
	return b + ")"
}

func batchName(b int) string {
	switch {
	case b <= 0:
		return "full"
	case b == 1:
		return "1 (online)"
	}
	return fmt.Sprint(b)
}

// EpochStats are the figures of one finished epoch. Loss is the mean training
// loss over the epoch's steps (measured before each step); Accuracy the share of
// training samples classified right during the epoch, when the data has
// classes (HasAccuracy); ValLoss and ValAccuracy are measured on the validation
// set after the epoch (HasVal).
type EpochStats struct {
	Epoch                 int // from 1
	Loss, ValLoss         float64
	Accuracy, ValAccuracy float64
	HasVal, HasAccuracy   bool
	Elapsed               time.Duration // since Fit started
}

// String prints the epoch on one line.
func (e EpochStats) String() string {
	s := fmt.Sprintf("epoch %d: loss %.6g", e.Epoch, e.Loss)
	if e.HasAccuracy {
		s += fmt.Sprintf(", accuracy %.2f%%", 100*e.Accuracy)
	}
	if e.HasVal {
		s += fmt.Sprintf(", val loss %.6g", e.ValLoss)
		if e.HasAccuracy {
			s += fmt.Sprintf(", val accuracy %.2f%%", 100*e.ValAccuracy)
		}
	}
	return s + fmt.Sprintf(" (%s)", e.Elapsed.Round(time.Millisecond))
}

// History records a training run: one EpochStats per finished epoch.
type History struct {
	Name   string       // label for plots ("lr=0.5"), settable
	Epochs []EpochStats // one per finished epoch
	Steps  []float64    // per-step loss when FitOptions.RecordSteps, else empty
	Wall   time.Duration
}

// Losses returns the training loss per epoch.
func (h *History) Losses() []float64 {
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = e.Loss
	}
	return out
}

// ValLosses returns the validation loss per epoch, or nil without validation.
func (h *History) ValLosses() []float64 {
	if len(h.Epochs) == 0 || !h.Epochs[0].HasVal {
		return nil
	}
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = e.ValLoss
	}
	return out
}

// Accuracies returns the training accuracy per epoch, or nil when not computed.
func (h *History) Accuracies() []float64 {
	if len(h.Epochs) == 0 || !h.Epochs[0].HasAccuracy {
		return nil
	}
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = e.Accuracy
	}
	return out
}

// ValAccuracies returns the validation accuracy per epoch, or nil.
func (h *History) ValAccuracies() []float64 {
	if len(h.Epochs) == 0 || !h.Epochs[0].HasVal || !h.Epochs[0].HasAccuracy {
		return nil
	}
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = e.ValAccuracy
	}
	return out
}

// Last returns the last epoch's stats (zero when none).
func (h *History) Last() EpochStats {
	if len(h.Epochs) == 0 {
		return EpochStats{}
	}
	return h.Epochs[len(h.Epochs)-1]
}

// String prints the history as a table; long histories show the first and last
// epochs and every tenth in between.
func (h *History) String() string {
	if h == nil {
		return "History(nil)"
	}
	var b strings.Builder
	name := h.Name
	if name != "" {
		name = " " + fmt.Sprintf("%q", name)
	}
	fmt.Fprintf(&b, "History%s: %d epochs in %s\n", name, len(h.Epochs), h.Wall.Round(time.Millisecond))
	if len(h.Epochs) == 0 {
		return b.String()
	}
	hasVal, hasAcc := h.Epochs[0].HasVal, h.Epochs[0].HasAccuracy
	head := []string{"epoch", "loss"}
	if hasAcc {
		head = append(head, "accuracy")
	}
	if hasVal {
		head = append(head, "val loss")
		if hasAcc {
			head = append(head, "val accuracy")
		}
	}
	head = append(head, "elapsed")
	rows := [][]string{head}
	step := 1
	if len(h.Epochs) > 25 {
		step = len(h.Epochs) / 10
	}
	for i, e := range h.Epochs {
		if i != 0 && i != len(h.Epochs)-1 && (i+1)%step != 0 {
			continue
		}
		r := []string{fmt.Sprint(e.Epoch), fmt.Sprintf("%.6g", e.Loss)}
		if hasAcc {
			r = append(r, fmt.Sprintf("%.2f%%", 100*e.Accuracy))
		}
		if hasVal {
			r = append(r, fmt.Sprintf("%.6g", e.ValLoss))
			if hasAcc {
				r = append(r, fmt.Sprintf("%.2f%%", 100*e.ValAccuracy))
			}
		}
		r = append(r, e.Elapsed.Round(time.Millisecond).String())
		rows = append(rows, r)
	}
	b.WriteString(fmtTable(rows))
	return b.String()
}

// Fit trains the network for opts.Epochs epochs over data and returns the
// History of the finished epochs.
//
// Each step is, up to rounding, the step TrainBatch takes on the same rows. Batches of more
// than 1024 rows are computed in chunks of 1024 whose gradients are summed
// (bounded memory; a cancel can land between chunks) — except in the published
// variant (SetPublishedVariant), which needs the whole batch in one pass and
// gets it, using memory in proportion to the batch.
//
// It stops early, returning the History of the epochs it finished and an
// error, when the context is done (the error wraps context.Canceled or
// context.DeadlineExceeded) or when a loss is NaN or infinite (the error names
// the epoch and step). Whenever it returns an error the network is exactly as
// it was before the call — weights, optimizer state, step count and shuffle
// position — so an interrupted or diverged run can be retried or inspected
// without half-trained weights.
func (n *Network) Fit(data *Dataset, opts FitOptions) (h *History, err error) {
	h = &History{}
	if opts.Epochs < 1 {
		return h, fmt.Errorf("Fit: expected Epochs ≥ 1, got %d", opts.Epochs)
	}
	if opts.BatchSize < 0 {
		return h, fmt.Errorf("Fit: expected BatchSize ≥ 0 (0 = full batch, 1 = online, k = mini-batches of k), got %d", opts.BatchSize)
	}
	if err := n.checkData(data); err != nil {
		return h, fmt.Errorf("Fit: training data: %w", err)
	}
	N := data.Len()
	if N == 0 {
		return h, fmt.Errorf("Fit: expected at least one training sample, got 0")
	}
	if opts.Validation != nil {
		if err := n.checkData(opts.Validation); err != nil {
			return h, fmt.Errorf("Fit: validation data: %w", err)
		}
	}
	ctx := CellContext()
	if opts.Context != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(opts.Context)
		defer cancel()
		stop := context.AfterFunc(CellContext(), cancel)
		defer stop()
	}
	hook := currentProgressHook()
	B := opts.BatchSize
	if B == 0 || B > N {
		B = N
	}
	countAcc := data.Labels != nil
	order := make([]int, N)
	for i := range order {
		order[i] = i
	}
	start := time.Now()
	done := ctx.Done()
	// A wide first layer is trained as a private transposed copy during each
	// epoch's steps (engine_t0.go); it is written back before validation,
	// the callbacks and any return.
	t0 := n.t0Eligible(B)
	before := n.snapshot()
	defer func() {
		if r := recover(); r != nil { // a callback panicked
			n.restore(before)
			panic(r)
		}
		if err != nil {
			n.restore(before)
		}
	}()
	defer n.t0Exit() // runs first: restore then overwrites what it wrote back
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		if opts.Shuffle {
			n.shuffle.perm(order)
		}
		if t0 {
			n.t0Enter()
		}
		sum, correct := 0.0, 0
		for step, lo := 1, 0; lo < N; step, lo = step+1, lo+B {
			if isDone(done) {
				h.Wall = time.Since(start)
				return h, fmt.Errorf("Fit stopped in epoch %d before step %d (%d epochs finished): %w", epoch, step, len(h.Epochs), ctx.Err())
			}
			hi := min(lo+B, N)
			e, c, err := n.fitStep(data, order[lo:hi], countAcc, done, opts.RecordSteps, h)
			if err != nil {
				h.Wall = time.Since(start)
				if ctx.Err() != nil {
					return h, fmt.Errorf("Fit stopped in epoch %d during step %d (%d epochs finished): %w", epoch, step, len(h.Epochs), ctx.Err())
				}
				return h, fmt.Errorf("Fit: epoch %d, step %d: %w", epoch, step, err)
			}
			sum += e
			correct += c
		}
		n.t0Exit()
		st := EpochStats{Epoch: epoch, Loss: sum / float64(N)}
		if countAcc {
			st.HasAccuracy = true
			st.Accuracy = float64(correct) / float64(N)
		}
		if v := opts.Validation; v != nil && v.Len() > 0 {
			vs, vc, err := n.lossOver(v, countAcc, done)
			if err != nil {
				h.Wall = time.Since(start)
				return h, fmt.Errorf("Fit stopped in epoch %d during validation (%d epochs finished): %w", epoch, len(h.Epochs), ctx.Err())
			}
			st.HasVal = true
			st.ValLoss = vs / float64(v.Len())
			if countAcc {
				st.ValAccuracy = float64(vc) / float64(v.Len())
			}
		}
		st.Elapsed = time.Since(start)
		h.Epochs = append(h.Epochs, st)
		h.Wall = st.Elapsed
		if opts.OnEpoch != nil {
			opts.OnEpoch(st)
		}
		if hook != nil {
			hook(h)
		}
	}
	h.Wall = time.Since(start)
	return h, nil
}

// fitChunk is the most rows one forward/backward pass handles; larger batches
// (a full batch of MNIST, say) accumulate the gradient chunk by chunk, which
// bounds memory and lets a cancel land between chunks. The published variant
// is the exception: it updates each layer before the δ of the layer below is
// computed from it, which a sum of per-chunk gradients cannot do, so its
// batches always take one pass however large (as TrainBatch does).
const fitChunk = 1024

// fitStep takes one optimizer step on the rows rows of data and returns the
// summed loss and the number of correct class decisions (before the step).
// On a non-finite loss or a cancel it returns an error and takes no step.
func (n *Network) fitStep(data *Dataset, rows []int, countAcc bool, done <-chan struct{}, record bool, h *History) (float64, int, error) {
	m := len(rows)
	in, k := n.sizes[0], n.NumOutputs()
	var acc []float64
	sum, correct := 0.0, 0
	chunk := fitChunk
	if n.published {
		chunk = m // see fitChunk
	}
	for lo := 0; lo < m; lo += chunk {
		if lo > 0 && isDone(done) {
			return 0, 0, errStopped
		}
		hi := min(lo+chunk, m)
		b := hi - lo
		ws := n.work(b)
		if n.t0 {
			// layer 0 reads its inputs as non-zero lists (affineT, gradT)
			ws.nzRows = ws.nzRows[:0]
			for r := 0; r < b; r++ {
				ws.nzRows = append(ws.nzRows, data.Inputs[rows[lo+r]])
			}
		}
		for r := 0; r < b; r++ {
			s := rows[lo+r]
			if !n.t0 {
				copy(ws.x[r*in:(r+1)*in], data.Inputs[s])
			}
			copy(ws.t[r*k:(r+1)*k], data.Targets[s])
		}
		if m == b { // the usual case: the whole batch in one pass
			e := n.take(n.pick(b, true), ws, b)
			if math.IsNaN(e) || math.IsInf(e, 0) {
				return 0, 0, badLoss(e/float64(b), data.rows(rows), rows, "training stopped before that step")
			}
			sum, correct = e, n.countCorrect(ws, data, rows, countAcc)
			break
		}
		n.forward(ws, b)
		e := n.lossSum(ws, b)
		if math.IsNaN(e) || math.IsInf(e, 0) {
			return 0, 0, badLoss(e/float64(b), data.rows(rows[lo:hi]), rows[lo:hi], "training stopped before that step")
		}
		sum += e
		correct += n.countCorrect(ws, data, rows[lo:hi], countAcc)
		n.backwardScaled(ws, b, 1/float64(m), false)
		if acc == nil {
			acc = make([]float64, len(ws.grad))
		}
		for i, g := range ws.grad {
			acc[i] += g
		}
		if hi == m {
			n.applyGradient(acc)
		}
	}
	if record {
		h.Steps = append(h.Steps, sum/float64(m))
	}
	return sum, correct, nil
}

// rows returns the inputs of the given rows of d.
func (d *Dataset) rows(rows []int) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		out[i] = d.Inputs[r]
	}
	return out
}

// countCorrect counts the rows whose output in ws has the class of their
// label (0 when not counting).
func (n *Network) countCorrect(ws *workspace, data *Dataset, rows []int, count bool) int {
	c := 0
	for r := 0; count && r < len(rows); r++ {
		if Class(n.output(ws, r)) == data.Labels[rows[r]] {
			c++
		}
	}
	return c
}

// applyGradient takes one optimizer step with gradient g (all layers at once).
func (n *Network) applyGradient(g []float64) {
	n.state.begin(&n.opt, len(n.params))
	n.update(g, 0, len(n.params))
	n.steps++
}
