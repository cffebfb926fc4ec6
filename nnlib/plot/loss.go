package plot

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// Loss plots the training loss of one or more runs against the epoch, with
// the validation loss (dashed, same colour) when the run has one. Several
// runs get distinct colours and a legend with their History.Name ("lr=0.5";
// "run 2" when unnamed). A history that has per-step losses but no epochs is
// plotted against the step. The y axis turns logarithmic when the losses
// span more than two decades (LogY forces either choice); NaN and Inf (a
// diverged run) are dropped and the spot marked with a red ✗.
func Loss(hs ...*nnlib.History) *Figure {
	return lossFigure("plot.Loss", false, hs)
}

// LossSteps is Loss against the step rather than the epoch: it plots
// History.Steps, recorded when training with FitOptions.RecordSteps.
func LossSteps(hs ...*nnlib.History) *Figure {
	return lossFigure("plot.LossSteps", true, hs)
}

// Accuracy plots the training accuracy of one or more runs against the
// epoch, with the validation accuracy dashed when present; the y axis
// spans at least 0 to 1.
func Accuracy(hs ...*nnlib.History) *Figure {
	c, err := accuracyCurves("plot.Accuracy", hs)
	if err != nil {
		return errFigure("Accuracy", err)
	}
	return newFigure("Accuracy", 640, 480, c)
}

// LossAndAccuracy puts Loss and Accuracy side by side. Runs without
// accuracy (data without classes) get the loss alone.
func LossAndAccuracy(hs ...*nnlib.History) *Figure {
	loss, err := lossCurves("plot.LossAndAccuracy", false, hs)
	if err != nil {
		return errFigure("Loss and accuracy", err)
	}
	acc, err := accuracyCurves("plot.LossAndAccuracy", hs)
	if err != nil {
		loss.title = ""
		return newFigure("Loss", 640, 480, loss)
	}
	loss.title, acc.title = "loss", "accuracy"
	return newFigure("", 1120, 440, loss, acc)
}

// checkHistories rejects an empty list and nil histories.
func checkHistories(fn string, hs []*nnlib.History) error {
	if len(hs) == 0 {
		return fmt.Errorf("%s: no history given (pass the *History that Fit returns)", fn)
	}
	for i, h := range hs {
		if h == nil {
			return fmt.Errorf("%s: history %d of %d is nil", fn, i+1, len(hs))
		}
	}
	return nil
}

// runName is the legend name of run i: its Name, else "run i+1".
func runName(hs []*nnlib.History, i int) string {
	if hs[i].Name != "" {
		return hs[i].Name
	}
	if len(hs) == 1 {
		return ""
	}
	return fmt.Sprintf("run %d", i+1)
}

// seriesName joins the run's name and the series' kind: "train",
// "lr=0.5", "lr=0.5 validation".
func seriesName(run, kind string, multi bool) string {
	switch {
	case run == "":
		return kind
	case multi && kind == "train":
		return run
	case kind == "train":
		return run + " train"
	}
	return run + " " + kind
}

// epochXs returns the epoch numbers of h (1, 2, … when unset).
func epochXs(h *nnlib.History) []float64 {
	xs := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		xs[i] = float64(e.Epoch)
		if e.Epoch == 0 {
			xs[i] = float64(i + 1)
		}
	}
	return xs
}

func lossFigure(fn string, steps bool, hs []*nnlib.History) *Figure {
	c, err := lossCurves(fn, steps, hs)
	if err != nil {
		return errFigure("Loss", err)
	}
	return newFigure("Loss", 640, 480, c)
}

func lossCurves(fn string, steps bool, hs []*nnlib.History) (*curves, error) {
	if err := checkHistories(fn, hs); err != nil {
		return nil, err
	}
	if !steps {
		// Steps on x only when no run has epochs but some have steps.
		epochs, stepped := false, false
		for _, h := range hs {
			epochs = epochs || len(h.Epochs) > 0
			stepped = stepped || len(h.Steps) > 0
		}
		steps = !epochs && stepped
	}
	c := &curves{xlabel: "epoch", ylabel: "loss", canLog: true, intX: true}
	multi := len(hs) > 1
	for i, h := range hs {
		run, col := runName(hs, i), Color(i)
		if steps {
			c.xlabel = "step"
			if len(h.Steps) == 0 {
				return nil, fmt.Errorf("%s: history %q has no per-step losses (train with FitOptions{RecordSteps: true})", fn, h.Name)
			}
			xs := make([]float64, len(h.Steps))
			for k := range xs {
				xs[k] = float64(k + 1)
			}
			c.raw = append(c.raw, rawSeries{name: seriesName(run, "train", multi), x: xs, y: clone(h.Steps), color: col})
			continue
		}
		xs := epochXs(h)
		c.raw = append(c.raw, rawSeries{name: seriesName(run, "train", multi), x: xs, y: h.Losses(), color: col})
		if v := h.ValLosses(); v != nil {
			c.raw = append(c.raw, rawSeries{name: seriesName(run, "validation", multi), x: xs, y: v, color: col, dashed: true})
		}
	}
	return c, nil
}

func accuracyCurves(fn string, hs []*nnlib.History) (*curves, error) {
	if err := checkHistories(fn, hs); err != nil {
		return nil, err
	}
	c := &curves{xlabel: "epoch", ylabel: "accuracy", unit: true, legendBottom: true, intX: true}
	multi := len(hs) > 1
	for i, h := range hs {
		run, col := runName(hs, i), Color(i)
		a := h.Accuracies()
		if a == nil {
			continue
		}
		xs := epochXs(h)
		c.raw = append(c.raw, rawSeries{name: seriesName(run, "train", multi), x: xs, y: a, color: col})
		if v := h.ValAccuracies(); v != nil {
			c.raw = append(c.raw, rawSeries{name: seriesName(run, "validation", multi), x: xs, y: v, color: col, dashed: true})
		}
	}
	if len(c.raw) == 0 {
		return nil, fmt.Errorf("%s: no history has accuracies (they are measured when the data set has Labels)", fn)
	}
	return c, nil
}
